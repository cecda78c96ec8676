import { Badge } from '@mantine/core';
import type { BuildStatus } from '../../../../main/contract';
import { buildStatusColor, buildStatusLabel } from './buildStatus';

export function BuildStatusBadge({ status, size = 'sm' }: { status: BuildStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={buildStatusColor[status]} variant={status === 'complete' ? 'filled' : 'light'} size={size} radius="sm">
      {buildStatusLabel[status]}
    </Badge>
  );
}

export function OverdueBadge({ size = 'sm' }: { size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color="red" variant="filled" size={size} radius="sm">
      Overdue
    </Badge>
  );
}
