import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import type { BuildView } from '../../../../main/contract';
import { QuantityText } from '../../components/QuantityText';
import { BuildStatusBadge, OverdueBadge } from './BuildStatusBadge';
import { formatTargetDate } from './targetDate';

interface BuildsTableProps {
  rows: BuildView[];
  caption: string;
  /** Hidden on an assembly's own page, where every row is the same part. */
  showAssembly?: boolean;
}

const dash = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

export function BuildsTable({ rows, caption, showAssembly = true }: BuildsTableProps) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reference</Table.Th>
            {showAssembly && <Table.Th>Assembly</Table.Th>}
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Target date</Table.Th>
            <Table.Th>Created by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((build) => (
            <Table.Tr key={build.id} onClick={() => void navigate(`/builds/${build.id}`)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Anchor component={Link} to={`/builds/${build.id}`} fw={600} ff="monospace" fz="sm" onClick={(event) => event.stopPropagation()}>
                  {build.reference}
                </Anchor>
              </Table.Td>
              {showAssembly && (
                <Table.Td>
                  <Anchor component={Link} to={`/parts/${build.assembly.id}`} size="sm" onClick={(event) => event.stopPropagation()}>
                    {build.assembly.name}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td ta="right">
                <QuantityText value={build.quantity} units={build.assembly.units} fw={500} />
              </Table.Td>
              <Table.Td>
                <BuildStatusBadge status={build.status} />
              </Table.Td>
              <Table.Td>
                {build.targetDate ? (
                  <Group gap={8} wrap="nowrap">
                    <Text size="sm" c={build.overdue ? 'red.7' : undefined}>
                      {formatTargetDate(build.targetDate)}
                    </Text>
                    {build.overdue && <OverdueBadge />}
                  </Group>
                ) : (
                  dash
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={build.createdBy ? undefined : 'dimmed'}>
                  {build.createdBy ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
