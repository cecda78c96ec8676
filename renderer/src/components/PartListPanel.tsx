import { Button, Card, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPackage, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, type ReactNode } from 'react';
import type { MethodInput } from '../../../main/contract';
import { useCall } from '../client/hooks';
import { EmptyPanel } from './EmptyPanel';
import { hierarchyOptions, TREE_SELECT_LIMIT } from './hierarchy';
import { ListFooter } from './ListFooter';
import { PartsTable, type PartSort } from './PartsTable';
import { QueryError } from './QueryError';
import { TableSkeleton } from './TableSkeleton';
import { useStockSparklines } from './useStockSparklines';

export const PARTS_PAGE_SIZE = 50;

export interface PartFilters extends PartSort {
  search: string;
  categoryId: number | null;
  lowOnly: boolean;
  page: number;
}

export const defaultPartFilters: PartFilters = { search: '', categoryId: null, lowOnly: false, sort: 'name', direction: 'asc', page: 1 };

/** The panel's read for these filters; a page that asks for the panel's first rows early asks the same. */
export function partListInput(filters: PartFilters): MethodInput<'parts.list'> {
  return {
    search: filters.search,
    categoryId: filters.categoryId,
    lowOnly: filters.lowOnly,
    sort: filters.sort,
    direction: filters.direction,
    offset: (filters.page - 1) * PARTS_PAGE_SIZE,
    limit: PARTS_PAGE_SIZE,
  };
}

interface PartListPanelProps {
  filters: PartFilters;
  onChange: (filters: PartFilters) => void;
  /** Offer the category filter (not on a category's own page). */
  withCategoryFilter?: boolean;
  /** Shown when there are no parts at all (no filter applied). */
  emptyAction?: ReactNode;
  caption: string;
}

/** Filters, sortable table and pagination over `parts.list`; the owner decides where the filter state lives. */
export function PartListPanel({ filters, onChange, withCategoryFilter = true, emptyAction, caption }: PartListPanelProps) {
  // Typing reaches the owner (and the address) at once, so no late update can follow a click elsewhere;
  // only the query waits for a pause.
  const [search] = useDebouncedValue(filters.search, 250);
  const parts = useCall('parts.list', partListInput({ ...filters, search }), { placeholderData: (previous) => previous });
  // Asked for after the parts (the host answers in turn), and its 10,000 paths sorted after the table
  // is on screen: the filter's options are not what a person looks at first.
  const categories = useCall('categories.list', {}, { enabled: withCategoryFilter });
  const deferredCategories = useDeferredValue(categories.data);
  const categoryOptions = useMemo(() => hierarchyOptions(deferredCategories ?? []), [deferredCategories]);

  const filtered = search !== '' || filters.lowOnly || (withCategoryFilter && filters.categoryId !== null);
  const data = parts.data;
  // Low parts are the ones a person is deciding about: their last month's trend says how fast they went.
  const trends = useStockSparklines(data?.rows.map((part) => part.id) ?? [], filters.lowOnly);

  return (
    <Card p={0}>
      <Group p="md" gap="sm" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <TextInput
          aria-label="Filter parts"
          placeholder="Search name, IPN or description"
          leftSection={<IconSearch size={16} />}
          value={filters.search}
          onChange={(event) => onChange({ ...filters, search: event.currentTarget.value, page: 1 })}
          w={{ base: '100%', sm: 300 }}
        />
        {withCategoryFilter && (
          <Select
            aria-label="Category"
            placeholder="All categories"
            data={categoryOptions}
            limit={TREE_SELECT_LIMIT}
            value={filters.categoryId === null ? null : String(filters.categoryId)}
            onChange={(value) => onChange({ ...filters, categoryId: value ? Number(value) : null, page: 1 })}
            searchable
            clearable
            nothingFoundMessage="No category matches"
            w={{ base: '100%', sm: 280 }}
          />
        )}
        <Switch
          label="Low stock only"
          checked={filters.lowOnly}
          onChange={(event) => onChange({ ...filters, lowOnly: event.currentTarget.checked, page: 1 })}
          ml={{ sm: 'xs' }}
        />
      </Group>
      {parts.isError ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <QueryError error={parts.error} onRetry={() => void parts.refetch()} title="Could not load parts" />
        </div>
      ) : !data ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <TableSkeleton />
        </div>
      ) : data.rows.length === 0 ? (
        filtered ? (
          <EmptyPanel
            icon={<IconSearch size={28} />}
            title="No parts match"
            description="Try a different search or clear the filters."
            action={
              <Button variant="default" onClick={() => onChange({ ...defaultPartFilters, categoryId: withCategoryFilter ? null : filters.categoryId })}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyPanel icon={<IconPackage size={28} />} title="No parts yet" description="Parts are the things you keep in stock." action={emptyAction} />
        )
      ) : (
        <>
          <PartsTable
            rows={data.rows}
            caption={caption}
            trends={trends}
            sort={{ sort: filters.sort, direction: filters.direction }}
            onSort={(sort) => onChange({ ...filters, ...sort, page: 1 })}
          />
          <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
            <ListFooter page={filters.page} pageSize={PARTS_PAGE_SIZE} total={data.total} onPage={(page) => onChange({ ...filters, page })} noun="parts" />
          </div>
        </>
      )}
    </Card>
  );
}
