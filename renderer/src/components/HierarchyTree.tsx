import { ActionIcon, Anchor, Badge, Box, Group, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { HierarchyItem, TreeNode } from './hierarchy';

export interface HierarchyTreeItem extends HierarchyItem {
  description: string;
  childCount: number;
}

interface HierarchyTreeProps<T extends HierarchyTreeItem> {
  nodes: TreeNode<T>[];
  expanded: ReadonlySet<number>;
  onToggle: (id: number) => void;
  linkTo: (item: T) => string;
  icon: ReactNode;
  /** "12 parts", shown at the right of each row. */
  count: (item: T) => string;
  label: string;
}

/** A nested list with expand toggles; each name links to the item's page. */
export function HierarchyTree<T extends HierarchyTreeItem>({ nodes, label, ...rest }: HierarchyTreeProps<T>) {
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {nodes.map((node) => (
        <HierarchyRow key={node.item.id} node={node} depth={0} {...rest} />
      ))}
    </Box>
  );
}

type RowProps<T extends HierarchyTreeItem> = Omit<HierarchyTreeProps<T>, 'nodes' | 'label'> & { node: TreeNode<T>; depth: number };

function HierarchyRow<T extends HierarchyTreeItem>({ node, depth, ...rest }: RowProps<T>) {
  const { expanded, onToggle, linkTo, icon, count } = rest;
  const { item, children } = node;
  const open = expanded.has(item.id);
  return (
    <li>
      <Group
        gap="xs"
        wrap="nowrap"
        px="md"
        py={10}
        pl={`calc(var(--mantine-spacing-md) + ${depth * 24}px)`}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={`${open ? 'Collapse' : 'Expand'} ${item.name}`}
            aria-expanded={open}
            onClick={() => onToggle(item.id)}
          >
            <IconChevronRight size={16} style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms ease' }} />
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} />
        )}
        <Box c="indigo.6" style={{ display: 'flex', flexShrink: 0 }} aria-hidden="true">
          {icon}
        </Box>
        <Box miw={0} style={{ flex: 1 }}>
          <Group gap="sm" wrap="nowrap">
            <Anchor component={Link} to={linkTo(item)} fw={500} style={{ whiteSpace: 'nowrap' }}>
              {item.name}
            </Anchor>
            {item.description && (
              <Text size="sm" c="dimmed" truncate>
                {item.description}
              </Text>
            )}
          </Group>
        </Box>
        <Badge variant={count(item).startsWith('0 ') ? 'transparent' : 'light'} color="gray" radius="sm" tt="none" fw={500} style={{ flexShrink: 0 }}>
          {count(item)}
        </Badge>
      </Group>
      {open && children.length > 0 && (
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {children.map((child) => (
            <HierarchyRow key={child.item.id} node={child} depth={depth + 1} {...rest} />
          ))}
        </Box>
      )}
    </li>
  );
}
