import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { PartRow, SubscriptionStatus } from '../../../main/contract';
import { SubscribeBell } from '../subscriptions/SubscribeToggle';
import { targetKey, useSubscriptionStatuses } from '../subscriptions/useSubscriptionStatuses';
import { PartStatusBadges } from './PartStatusBadges';
import { QuantityText } from './QuantityText';
import { SortableHeader } from './SortableHeader';

export type PartSortKey = 'name' | 'ipn' | 'category' | 'stock' | 'minimum';

export interface PartSort {
  sort: PartSortKey;
  direction: 'asc' | 'desc';
}

interface PartsTableProps {
  rows: PartRow[];
  caption: string;
  /** Sortable headers when given; plain headers otherwise. */
  sort?: PartSort;
  onSort?: (sort: PartSort) => void;
  showCategory?: boolean;
  /** Each part's closing stock over the last 30 days; a trend column when given. */
  trends?: ReadonlyMap<number, number[]>;
}

const COLUMNS: { key: PartSortKey; label: string; align?: 'right' }[] = [
  { key: 'name', label: 'Name' },
  { key: 'ipn', label: 'IPN' },
  { key: 'category', label: 'Category' },
  { key: 'stock', label: 'Stock', align: 'right' },
  { key: 'minimum', label: 'Minimum', align: 'right' },
];

/** Waits for the table's one batched status lookup rather than asking per row. */
function RowSubscribeToggle({ part, status }: { part: PartRow; status: SubscriptionStatus | undefined }) {
  if (!status) return null;
  return <SubscribeBell status={status} name={part.name} compact />;
}

// The charting library is loaded when a trend is first drawn, not with every page of the app.
const StockSparkline = lazy(() => import('./StockSparkline').then((module) => ({ default: module.StockSparkline })));

/** Waits for the table's one batched trend lookup; drawn against the part's minimum (a number only for drawing). */
function RowTrend({ part, points }: { part: PartRow; points: number[] | undefined }) {
  if (!points) return null;
  return (
    <Suspense fallback={null}>
      <StockSparkline points={points} minimum={Number(part.minimumStock)} units={part.units} />
    </Suspense>
  );
}

export function PartsTable({ rows, caption, sort, onSort, showCategory = true, trends }: PartsTableProps) {
  const navigate = useNavigate();
  const columns = COLUMNS.filter((column) => showCategory || column.key !== 'category');
  const subscriptions = useSubscriptionStatuses(rows.map((part) => ({ kind: 'part' as const, id: part.id })));

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              sort && onSort ? (
                <SortableHeader
                  key={column.key}
                  align={column.align}
                  sorted={sort.sort === column.key ? sort.direction : null}
                  onSort={() =>
                    onSort({
                      sort: column.key,
                      direction: sort.sort === column.key && sort.direction === 'asc' ? 'desc' : 'asc',
                    })
                  }
                >
                  {column.label}
                </SortableHeader>
              ) : (
                <Table.Th key={column.key} ta={column.align}>
                  {column.label}
                </Table.Th>
              ),
            )}
            {trends && <Table.Th>Last 30 days</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th w={56}>
              <VisuallyHidden>Notifications</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((part) => (
            <Table.Tr key={part.id} onClick={() => navigate(`/parts/${part.id}`)} style={{ cursor: 'pointer' }}>
              <Table.Td miw={200} maw={360}>
                <Anchor component={Link} to={`/parts/${part.id}`} fw={500} onClick={(event) => event.stopPropagation()}>
                  {part.name}
                </Anchor>
                {part.description && (
                  <Text size="xs" c="dimmed" truncate>
                    {part.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={220}>
                <Text size="sm" ff="monospace" c={part.ipn ? undefined : 'dimmed'}>
                  {part.ipn ?? '—'}
                </Text>
              </Table.Td>
              {showCategory && (
                <Table.Td>
                  {part.categoryId !== null && part.categoryName ? (
                    <Anchor component={Link} to={`/categories/${part.categoryId}`} size="sm" c="dimmed" onClick={(event) => event.stopPropagation()}>
                      {part.categoryName}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td ta="right">
                <QuantityText value={part.stockTotal} units={part.units} fw={500} c={part.isLow ? 'red.7' : undefined} />
                {part.onOrder !== '0' && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    +{part.onOrder} on order
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <QuantityText value={part.minimumStock} c="dimmed" />
              </Table.Td>
              {trends && (
                <Table.Td py={0}>
                  <RowTrend part={part} points={trends.get(part.id)} />
                </Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <PartStatusBadges part={part} />
              </Table.Td>
              <Table.Td py={0}>
                <RowSubscribeToggle part={part} status={subscriptions.byTarget.get(targetKey({ kind: 'part', id: part.id }))} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
