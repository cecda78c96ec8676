import { Select } from '@mantine/core';
import { KIND_FILTERS, type NotificationKind } from './notificationKinds';

export type KindFilter = NotificationKind | 'all';

/** The notification lists' "Kind" filter: everything, or one kind. */
export function KindFilterSelect({ value, onChange }: { value: KindFilter; onChange: (kind: KindFilter) => void }) {
  return (
    <Select
      label="Kind"
      data={KIND_FILTERS}
      value={value}
      onChange={(chosen) => onChange((chosen as KindFilter | null) ?? 'all')}
      allowDeselect={false}
      w={260}
      size="sm"
    />
  );
}
