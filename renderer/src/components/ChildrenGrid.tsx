import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface ChildrenGridProps<T extends { id: number; name: string; description: string }> {
  title: string;
  items: T[];
  icon: ReactNode;
  linkTo: (item: T) => string;
  count: (item: T) => string;
}

/** Sub-categories or sub-locations as a grid of links. */
export function ChildrenGrid<T extends { id: number; name: string; description: string }>({ title, items, icon, linkTo, count }: ChildrenGridProps<T>) {
  return (
    <section aria-label={title}>
      <Title order={2} fz={17} mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
        {items.map((item) => (
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
    </section>
  );
}
