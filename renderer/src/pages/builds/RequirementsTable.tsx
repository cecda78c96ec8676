import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { RequirementView } from '../../../../main/contract';
import { QuantityText } from '../../components/QuantityText';

function RequirementStatus({ line }: { line: RequirementView }) {
  if (line.short) {
    const reason = line.belowMinimum ? 'The part is already below its minimum stock' : 'Not enough available for this order';
    return (
      <Tooltip label={reason} openDelay={250}>
        <Badge color="red" variant="filled" size="sm" radius="sm">
          Short
        </Badge>
      </Tooltip>
    );
  }
  if (line.optional) {
    return (
      <Badge color="gray" variant="light" size="sm" radius="sm">
        Optional
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" size="sm" radius="sm">
      OK
    </Badge>
  );
}

/** Each BOM line for this order: what it needs against what there is, after other open orders take theirs. */
export function RequirementsTable({ lines }: { lines: RequirementView[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label="Required materials" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Part</Table.Th>
            <Table.Th ta="right">Per assembly</Table.Th>
            <Table.Th ta="right">Required</Table.Th>
            <Table.Th ta="right">In stock</Table.Th>
            <Table.Th ta="right">Needed by other orders</Table.Th>
            <Table.Th ta="right">Available</Table.Th>
            <Table.Th ta="right">Minimum</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.lineId} bg={line.short ? 'var(--mantine-color-red-0)' : undefined}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/parts/${line.part.id}`} fw={500} size="sm">
                    {line.part.name}
                  </Anchor>
                  {line.allowVariants && (
                    <Tooltip label="Stock of its variants counts too" openDelay={250}>
                      <Badge color="grape" variant="light" size="xs" radius="sm">
                        Variants
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
                {line.part.ipn && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {line.part.ipn}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText value={line.quantityPer} c="dimmed" />
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText value={line.required} units={line.part.units} fw={600} />
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText value={line.inStock} />
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText value={line.neededElsewhere} c={/^0(\.0*)?$/.test(line.neededElsewhere) ? 'dimmed' : undefined} />
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText value={line.available} fw={600} c={line.short ? 'red.7' : undefined} />
              </Table.Td>
              <Table.Td ta="right">
                <Tooltip label="Stock of this part is below its minimum" disabled={!line.belowMinimum} openDelay={250}>
                  <QuantityText value={line.minimum} c={line.belowMinimum ? 'orange.8' : 'dimmed'} />
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <RequirementStatus line={line} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
