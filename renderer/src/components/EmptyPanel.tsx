import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyPanelProps {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  /** The next step: an empty list always offers one. */
  action?: ReactNode;
}

export function EmptyPanel({ icon, title, description, action }: EmptyPanelProps) {
  return (
    <EmptyState py={48} px="md" icon={icon} variant="light" title={title} description={description}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
