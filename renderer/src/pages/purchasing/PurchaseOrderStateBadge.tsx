import { Badge } from '@mantine/core';
import type { PurchaseOrderState } from '../../../../main/contract';

export const purchaseOrderStateLabel: Record<PurchaseOrderState, string> = {
  draft: 'Draft',
  placed: 'Placed',
  partly_received: 'Partly received',
  received: 'Received',
  cancelled: 'Cancelled',
};

const color: Record<PurchaseOrderState, string> = { draft: 'gray', placed: 'blue', partly_received: 'yellow', received: 'teal', cancelled: 'red' };

export function PurchaseOrderStateBadge({ state, size = 'sm' }: { state: PurchaseOrderState; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={color[state]} variant={state === 'received' ? 'filled' : 'light'} size={size} radius="sm">
      {purchaseOrderStateLabel[state]}
    </Badge>
  );
}
