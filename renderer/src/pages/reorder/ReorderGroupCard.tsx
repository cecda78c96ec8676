import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconFilePlus, IconInfoCircle } from '@tabler/icons-react';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ReorderGroup, ReorderLine } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { notifyDone, notifyFailed } from '../../components/notify';
import { QuantityText } from '../../components/QuantityText';
import { groupTotal, lineTotal, shortDay, suggestedText } from './reorderFigures';

function ReasonBadge({ line }: { line: ReorderLine }) {
  if (line.reason === 'low') {
    return (
      <Badge color="red" variant="filled" size="sm" radius="sm">
        Low
      </Badge>
    );
  }
  return (
    <Badge color="yellow" variant="light" size="sm" radius="sm" styles={{ label: { overflow: 'visible' } }}>
      Will run low{line.belowMinimumOn ? ` · ${shortDay(line.belowMinimumOn)}` : ''}
    </Badge>
  );
}

function SuggestedCell({ line }: { line: ReorderLine }) {
  if (line.suggested === '0') {
    return (
      <Text size="sm" c="dimmed">
        Covered by open orders
      </Text>
    );
  }
  return (
    <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {suggestedText(line)}
    </Text>
  );
}

/** One supplier's share of the reorder list, and the draft order it becomes; or the parts nobody sells. */
export function ReorderGroupCard({ group }: { group: ReorderGroup }) {
  const headingId = useId();
  const navigate = useNavigate();
  const createOrder = useMutate('reorder.createOrder');
  const sold = group.supplierId !== null;
  const toOrder = group.lines.filter((line) => line.suggested !== '0').length;
  const { total, unpriced } = groupTotal(group.lines);
  const title = group.supplierName ?? 'No supplier';

  const create = () => {
    if (group.supplierId === null) return;
    createOrder.mutate(
      { supplierId: group.supplierId },
      {
        onSuccess: (order) => {
          notifyDone(`${order.reference} drafted`, `${order.lines.length} ${order.lines.length === 1 ? 'line' : 'lines'} for ${order.supplierName}. Check it and place it when ready.`);
          void navigate(`/purchase-orders/${order.id}`);
        },
        onError: (error) => notifyFailed(`Could not draft an order for ${title}`, error),
      },
    );
  };

  return (
    <Card component="section" aria-labelledby={headingId} p={0}>
      <Group justify="space-between" px="md" py="sm" wrap="wrap" gap="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap={0} miw={0}>
          <Title order={2} fz={17} id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {group.lines.length} {group.lines.length === 1 ? 'part' : 'parts'}
            {sold && total !== null && ` · about ${total} at listed pack prices`}
            {sold && unpriced > 0 && ` · ${unpriced} ${unpriced === 1 ? 'part has' : 'parts have'} no price`}
          </Text>
        </Stack>
        {sold && (
          <Tooltip label="Open orders already cover every part here" disabled={toOrder > 0}>
            <Button leftSection={<IconFilePlus size={16} />} loading={createOrder.isPending} disabled={toOrder === 0} onClick={create}>
              Create draft order
            </Button>
          </Tooltip>
        )}
      </Group>
      {!sold && (
        <Group gap="xs" px="md" pt="sm" wrap="nowrap" align="flex-start">
          <IconInfoCircle size={18} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 1 }} />
          <Text size="sm" c="dimmed">
            No supplier sells these yet — add one on the part’s Suppliers tab.
          </Text>
        </Group>
      )}
      <Table.ScrollContainer minWidth={sold ? 860 : 640}>
        <Table verticalSpacing="sm" aria-label={`To reorder from ${title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Part</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th ta="right">Stock / minimum</Table.Th>
              <Table.Th ta="right">On order</Table.Th>
              <Table.Th ta="right">Daily use</Table.Th>
              <Table.Th ta="right">Suggested</Table.Th>
              {sold && <Table.Th>SKU</Table.Th>}
              {sold && <Table.Th ta="right">Line total</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.lines.map((line) => {
              const cost = lineTotal(line);
              return (
                <Table.Tr key={line.partId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/parts/${line.partId}`} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {line.partName}
                    </Anchor>
                    {line.ipn && (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {line.ipn}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ReasonBadge line={line} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
                      <QuantityText value={line.stock} fw={line.reason === 'low' ? 600 : undefined} c={line.reason === 'low' ? 'red.7' : undefined} />
                      <Text span c="dimmed" inherit>
                        {' / '}
                      </Text>
                      <QuantityText value={line.minimum} units={line.units} />
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{line.onOrder === '0' ? <Text span c="dimmed" size="sm">–</Text> : <QuantityText value={line.onOrder} />}</Table.Td>
                  <Table.Td ta="right">
                    {line.dailyUse === null ? (
                      <Tooltip label="Not enough days or removals on record for an average yet">
                        <Text span c="dimmed" size="sm">
                          too little history
                        </Text>
                      </Tooltip>
                    ) : (
                      <QuantityText value={line.dailyUse} />
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <SuggestedCell line={line} />
                  </Table.Td>
                  {sold && (
                    <Table.Td ff="monospace" fz="sm" style={{ overflowWrap: 'anywhere' }}>
                      {line.sku || '–'}
                    </Table.Td>
                  )}
                  {sold && (
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {cost ?? <Text span c="dimmed" size="sm">–</Text>}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
