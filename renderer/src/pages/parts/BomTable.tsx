import { ActionIcon, Anchor, Badge, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { BomLineView } from '../../../../main/contract';
import { QuantityText } from '../../components/QuantityText';

interface BomTableProps {
  lines: BomLineView[];
  onEdit: (line: BomLineView) => void;
  onRemove: (line: BomLineView) => void;
}

export function BomTable({ lines, onEdit, onRemove }: BomTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover aria-label="Bill of materials">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Part</Table.Th>
            <Table.Th ta="right">Quantity per assembly</Table.Th>
            <Table.Th ta="right">In stock</Table.Th>
            <Table.Th>Flags</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th w={56}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>
                <Anchor component={Link} to={`/parts/${line.subPart.id}`} fw={500} size="sm">
                  {line.subPart.name}
                </Anchor>
                {line.subPart.ipn && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {line.subPart.ipn}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText value={line.quantity} units={line.subPart.units} fw={600} />
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  {line.subPart.isLow && (
                    <Badge color="red" variant="filled" size="xs" radius="sm">
                      Low
                    </Badge>
                  )}
                  <QuantityText value={line.subPart.stockTotal} units={line.subPart.units} c={line.subPart.isLow ? 'red.7' : undefined} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {line.allowVariants && (
                    <Badge color="grape" variant="light" size="sm" radius="sm">
                      Variants allowed
                    </Badge>
                  )}
                  {line.optional && (
                    <Badge color="gray" variant="light" size="sm" radius="sm">
                      Optional
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" c={line.note ? undefined : 'dimmed'} truncate>
                  {line.note || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal shadow="md" width={160}>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${line.subPart.name}`}>
                      <IconDots size={18} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(line)}>
                      Edit
                    </Menu.Item>
                    <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => onRemove(line)}>
                      Remove
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
