import { Badge, Group } from '@mantine/core';
import type { PartRow } from '../../../main/contract';

/** Low first: it is the one a person acts on. */
export function PartStatusBadges({ part, size = 'sm' }: { part: PartRow; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const badges = [
    part.isLow && { label: 'Low', color: 'red', variant: 'filled' as const },
    part.isTemplate && { label: 'Template', color: 'grape', variant: 'light' as const },
    part.isAssembly && { label: 'Assembly', color: 'blue', variant: 'light' as const },
    !part.active && { label: 'Inactive', color: 'gray', variant: 'light' as const },
  ].filter((badge) => badge !== false);
  if (badges.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {badges.map((badge) => (
        <Badge key={badge.label} color={badge.color} variant={badge.variant} size={size} radius="sm">
          {badge.label}
        </Badge>
      ))}
    </Group>
  );
}
