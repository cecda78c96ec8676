import { Card, Group, Skeleton, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface StatCardProps {
  label: string;
  value: number | undefined;
  icon: ReactNode;
  color: string;
  to: string;
}

/** A count that links to the list behind it. */
export function StatCard({ label, value, icon, color, to }: StatCardProps) {
  return (
    <Card component={Link} to={to} aria-label={`${label}: ${value ?? 'loading'}`} style={{ textDecoration: 'none' }} className="stockbell-stat-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" c="dimmed" fw={500}>
            {label}
          </Text>
          {value === undefined ? (
            <Skeleton height={30} width={64} mt={6} />
          ) : (
            <Text fz={28} fw={700} lh={1.2} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {value.toLocaleString()}
            </Text>
          )}
        </div>
        <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden="true">
          {icon}
        </ThemeIcon>
      </Group>
    </Card>
  );
}
