import { Badge, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * Three rows of the widest grid. A top-level category can have hundreds of children, and a card each
 * took most of its page's first 400 ms while pushing what it holds below the fold.
 */
export const FIRST_CHILDREN = 12;

interface ChildrenGridProps<T extends { id: number; name: string; description: string }> {
  title: string;
  items: T[];
  icon: ReactNode;
  linkTo: (item: T) => string;
  count: (item: T) => string;
}

/** Sub-categories or sub-locations as a grid of links: the first few, and the rest on request. */
export function ChildrenGrid<T extends { id: number; name: string; description: string }>({ title, items, icon, linkTo, count }: ChildrenGridProps<T>) {
  const gridId = useId();
  const [showingAll, setShowingAll] = useState(false);
  const folded = items.length > FIRST_CHILDREN;
  const shown = folded && !showingAll ? items.slice(0, FIRST_CHILDREN) : items;
  const noun = title.toLowerCase();

  return (
    <section aria-label={title}>
      <Group gap="xs" mb="sm" align="baseline">
        <Title order={2} fz={17}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {items.length.toLocaleString()}
        </Text>
      </Group>
      <SimpleGrid id={gridId} cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
        {shown.map((item) => (
          <Card key={item.id} p="sm" component={Link} to={linkTo(item)} className="stockbell-stat-card" style={{ textDecoration: 'none' }}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <Text c="indigo.6" style={{ display: 'flex' }} aria-hidden="true">
                    {icon}
                  </Text>
                  <Text fw={500} truncate>
                    {item.name}
                  </Text>
                </Group>
                <Badge variant={count(item).startsWith('0 ') ? 'transparent' : 'light'} color="gray" radius="sm" tt="none" fw={500} style={{ flexShrink: 0 }}>
                  {count(item)}
                </Badge>
              </Group>
              {item.description && (
                <Text size="xs" c="dimmed" truncate mt={4}>
                  {item.description}
                </Text>
              )}
          </Card>
        ))}
      </SimpleGrid>
      {folded && (
        <Button
          variant="subtle"
          size="compact-sm"
          mt="xs"
          leftSection={showingAll ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
          aria-expanded={showingAll}
          aria-controls={gridId}
          onClick={() => setShowingAll((all) => !all)}
        >
          {showingAll ? `Show the first ${FIRST_CHILDREN} ${noun}` : `Show all ${items.length.toLocaleString()} ${noun}`}
        </Button>
      )}
    </section>
  );
}
