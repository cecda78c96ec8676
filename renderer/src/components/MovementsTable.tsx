import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { MovementView, PathEntry } from '../../../main/contract';
import { QuantityText } from './QuantityText';
import { TimeText } from './TimeText';

const KIND: Record<MovementView['kind'], { label: string; color: string }> = {
  create: { label: 'Created', color: 'teal' },
  add: { label: 'Added', color: 'green' },
  remove: { label: 'Removed', color: 'orange' },
  count: { label: 'Counted', color: 'blue' },
  transfer: { label: 'Transferred', color: 'grape' },
  delete: { label: 'Deleted', color: 'red' },
};

function LocationLink({ entry }: { entry: PathEntry }) {
  return (
    <Anchor component={Link} to={`/locations/${entry.id}`} size="sm">
      {entry.name}
    </Anchor>
  );
}

function Where({ movement }: { movement: MovementView }) {
  const { fromLocation, toLocation } = movement;
  if (fromLocation && toLocation && fromLocation.id !== toLocation.id) {
    return (
      <Group gap={4} wrap="nowrap">
        <LocationLink entry={fromLocation} />
        <IconArrowRight size={14} aria-label="to" />
        <LocationLink entry={toLocation} />
      </Group>
    );
  }
  const only = toLocation ?? fromLocation;
  return only ? <LocationLink entry={only} /> : <Text c="dimmed">—</Text>;
}

/** A part's stock history, newest first as the host returns it. */
export function MovementsTable({ rows, showPart = false }: { rows: MovementView[]; showPart?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-label="Stock history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Change</Table.Th>
            {showPart && <Table.Th>Part</Table.Th>}
            <Table.Th>Location</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th ta="right">After</Table.Th>
            <Table.Th>User</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((movement) => (
            <Table.Tr key={movement.id}>
              <Table.Td c="dimmed" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                <TimeText value={movement.createdAt} />
              </Table.Td>
              <Table.Td>
                <Badge color={KIND[movement.kind].color} variant="light" radius="sm">
                  {KIND[movement.kind].label}
                </Badge>
              </Table.Td>
              {showPart && (
                <Table.Td>
                  <Anchor component={Link} to={`/parts/${movement.partId}`} size="sm">
                    {movement.partName}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <Where movement={movement} />
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText
                  value={movement.delta}
                  signed
                  fw={500}
                  c={movement.delta.startsWith('-') ? 'red.7' : /^0(\.0*)?$/.test(movement.delta) ? 'dimmed' : 'green.8'}
                />
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText value={movement.quantityAfter} />
              </Table.Td>
              <Table.Td fz="sm">{movement.userName ?? <Text span c="dimmed">—</Text>}</Table.Td>
              <Table.Td fz="sm" maw={260}>
                <Text size="sm" truncate title={movement.note || undefined} c={movement.note ? undefined : 'dimmed'}>
                  {movement.note || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
