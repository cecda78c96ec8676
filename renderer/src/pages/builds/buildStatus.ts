import type { BuildStatus } from '../../../../main/contract';

export const buildStatusLabel: Record<BuildStatus, string> = {
  pending: 'Pending',
  in_production: 'In production',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

export const buildStatusColor: Record<BuildStatus, string> = {
  pending: 'yellow',
  in_production: 'blue',
  complete: 'teal',
  cancelled: 'gray',
};

/** Open orders still count against stock and can be started, edited, completed or cancelled. */
export function isOpen(status: BuildStatus): boolean {
  return status === 'pending' || status === 'in_production';
}
