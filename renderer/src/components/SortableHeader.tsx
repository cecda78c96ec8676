import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface SortableHeaderProps {
  children: ReactNode;
  /** 'asc' | 'desc' when the table is sorted by this column, otherwise null. */
  sorted: 'asc' | 'desc' | null;
  onSort: () => void;
  align?: 'left' | 'right';
}

/** A column header that sorts on click, announced through aria-sort. */
export function SortableHeader({ children, sorted, onSort, align = 'left' }: SortableHeaderProps) {
  const Icon = sorted === 'asc' ? IconChevronUp : sorted === 'desc' ? IconChevronDown : IconSelector;
  return (
    <Table.Th aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} ta={align}>
      <UnstyledButton onClick={onSort} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          {children}
          <Icon size={14} stroke={1.8} aria-hidden="true" style={{ opacity: sorted ? 1 : 0.45 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
