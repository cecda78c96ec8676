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
        // Never cut to "L…": a squeezed table gives its room to the names, not to these.
        <Badge key={badge.label} color={badge.color} variant={badge.variant} size={size} radius="sm" style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>
          {badge.label}
        </Badge>
      ))}
    </Group>
  );
}
