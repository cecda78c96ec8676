import { Button, Card, Group, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import type { CallFailure } from '../client/callFailure';
import { buildTree } from './hierarchy';
import { HierarchyTree, type HierarchyTreeItem } from './HierarchyTree';
import { QueryError } from './QueryError';
import { TableSkeleton } from './TableSkeleton';

interface HierarchyTreeCardProps<T extends HierarchyTreeItem> {
  query: UseQueryResult<T[], CallFailure>;
  label: string;
  icon: ReactNode;
  linkTo: (item: T) => string;
  count: (item: T) => string;
  empty: ReactNode;
}

/** The top level starts open only while that shows at most this many rows: 10,000 categories put 1,700 on screen. */
const OPEN_TOP_LEVEL_UP_TO = 200;

/** The whole tree of categories or locations, top level open when it fits, with expand/collapse all. */
export function HierarchyTreeCard<T extends HierarchyTreeItem>({ query, label, icon, linkTo, count, empty }: HierarchyTreeCardProps<T>) {
  const tree = useMemo(() => buildTree(query.data ?? []), [query.data]);
  const topLevelOpen = useMemo(() => {
    const rows = tree.reduce((shown, node) => shown + 1 + node.children.length, 0);
    return new Set(rows <= OPEN_TOP_LEVEL_UP_TO ? tree.map((node) => node.item.id) : []);
  }, [tree]);
  // null = the default view; a set once the person has expanded or collapsed something.
  const [chosen, setChosen] = useState<ReadonlySet<number> | null>(null);
  const expanded = chosen ?? topLevelOpen;
  const parents = useMemo(() => {
    const items = query.data ?? [];
    const hasChildren = new Set(items.map((item) => item.parentId));
    return items.filter((item) => item.childCount > 0 || hasChildren.has(item.id));
  }, [query.data]);

  const toggle = (id: number) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card p={0}>
      {!query.data ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <TableSkeleton />
        </div>
      ) : query.data.length === 0 ? (
        empty
      ) : (
        <>
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed">
              {query.data.length.toLocaleString()} in total
            </Text>
            {parents.length > 0 && (
              <Group gap={4}>
                <Button variant="subtle" size="xs" color="gray" onClick={() => setChosen(new Set(parents.map((item) => item.id)))}>
                  Expand all
                </Button>
                <Button variant="subtle" size="xs" color="gray" onClick={() => setChosen(new Set())}>
                  Collapse all
                </Button>
              </Group>
            )}
          </Group>
          <HierarchyTree nodes={tree} expanded={expanded} onToggle={toggle} linkTo={linkTo} icon={icon} count={count} label={label} />
        </>
      )}
    </Card>
  );
}
