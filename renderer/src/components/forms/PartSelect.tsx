import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useCall } from '../../client/hooks';

function partLabel(part: { name: string; ipn: string | null }): string {
  return part.ipn ? `${part.name} (${part.ipn})` : part.name;
}

interface PartSelectProps {
  label: string;
  value: number | null;
  onChange: (partId: number | null) => void;
  error?: string;
  placeholder?: string;
  /** Leave this part out (a part cannot be a variant of itself). */
  excludeId?: number;
  /** Offer only assemblies (true) or only parts that are not (false); every part when left out. */
  isAssembly?: boolean;
  withAsterisk?: boolean;
  clearable?: boolean;
  /** The accessible name when the field shows no label of its own. */
  ariaLabel?: string;
}

/** Searches parts on the host as you type: the list can be far larger than a dropdown should hold. */
export function PartSelect({ label, value, onChange, error, placeholder, excludeId, isAssembly, withAsterisk, clearable = true, ariaLabel }: PartSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  // The selected part may not be among the current results; fetch its name so the input can show it.
  const selected = useCall('parts.get', { id: value ?? 0 }, { enabled: value !== null });
  const current = value !== null ? selected.data?.part : undefined;
  // Once a part is chosen the input shows its label; that text is not a search.
  const query = current && debounced === partLabel(current) ? '' : debounced;
  const results = useCall('parts.list', { search: query, isAssembly: isAssembly ?? null, limit: 30 }, { placeholderData: (previous) => previous });

  const options = useMemo(() => {
    const rows = (results.data?.rows ?? []).filter((row) => row.id !== excludeId);
    const list = rows.map((row) => ({ value: String(row.id), label: partLabel(row) }));
    if (current && !list.some((option) => option.value === String(current.id))) {
      list.unshift({ value: String(current.id), label: partLabel(current) });
    }
    return list;
  }, [results.data, current, excludeId]);

  return (
    <Select
      label={label}
      aria-label={ariaLabel}
      placeholder={placeholder ?? 'Search parts'}
      data={options}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The host already filtered by the search text; filtering again would hide IPN matches.
      filter={({ options: all }) => all}
      clearable={clearable}
      withAsterisk={withAsterisk}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No parts match'}
      error={error}
    />
  );
}
