import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PartFormModal } from '../../components/forms/PartForm';
import { PageHeader } from '../../components/PageHeader';
import { PartListPanel, type PartFilters } from '../../components/PartListPanel';
import { partFiltersFromUrl, partFiltersToUrl } from './partFiltersFromUrl';

export function PartsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  // Filters live in the address, mirrored in state so inputs update in the same render as the keystroke
  // (the router applies each new address a moment later, in a transition). Addresses we wrote arrive in
  // order and are ours; any other address (header search, a link) wins.
  const query = params.toString();
  const [mirror, setMirror] = useState<{ seen: string; filters: PartFilters; written: string[] }>(() => ({
    seen: query,
    filters: partFiltersFromUrl(params),
    written: [],
  }));
  if (mirror.seen !== query) {
    const ours = mirror.written.indexOf(query);
    setMirror(
      ours >= 0
        ? { seen: query, filters: mirror.filters, written: mirror.written.slice(ours + 1) }
        : { seen: query, filters: partFiltersFromUrl(params), written: [] },
    );
  }
  const filters = mirror.filters;
  const change = (next: PartFilters) => {
    const address = partFiltersToUrl(next).toString();
    if (address === (mirror.written.at(-1) ?? mirror.seen)) {
      setMirror({ ...mirror, filters: next });
      return;
    }
    setMirror({ ...mirror, filters: next, written: [...mirror.written, address] });
    setParams(address, { replace: true });
  };

  const newPart = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New part
    </Button>
  );

  return (
    <>
      <PageHeader title="Parts" crumbs={[{ label: 'Home', to: '/' }]} actions={newPart} />
      <PartListPanel
        filters={filters}
        onChange={change}
        caption="Parts"
        emptyAction={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create your first part
          </Button>
        }
      />
      <PartFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        defaults={{ categoryId: filters.categoryId }}
        onSaved={(part) => void navigate(`/parts/${part.id}`)}
      />
    </>
  );
}
