import { Select } from '@mantine/core';
import { useCall } from '../../client/hooks';
import { hierarchyOptions, TREE_SELECT_LIMIT } from '../hierarchy';

interface LocationSelectProps {
  label: string;
  value: number | null;
  onChange: (locationId: number | null) => void;
  error?: string;
  excludeId?: number;
  withAsterisk?: boolean;
  placeholder?: string;
  clearable?: boolean;
}

/** Every location by its full path, so two shelves called "Drawer 1" can be told apart. */
export function LocationSelect({ label, value, onChange, error, excludeId, withAsterisk, placeholder, clearable }: LocationSelectProps) {
  const locations = useCall('locations.list', {});
  const options = hierarchyOptions(locations.data ?? []).filter((option) => option.value !== String(excludeId));
  return (
    <Select
      label={label}
      placeholder={locations.isLoading ? 'Loading locations…' : (placeholder ?? 'Choose a location')}
      data={options}
      limit={TREE_SELECT_LIMIT}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      searchable
      clearable={clearable}
      withAsterisk={withAsterisk}
      nothingFoundMessage="No location matches"
      error={error}
    />
  );
}
