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
  // Filters live in the address, mirrored in state so inputs update in the same render as the click
  // (the router applies the new address a moment later). When the address changes to something we
  // did not set (header search, a link), the address wins.
  const query = params.toString();
  const [mirror, setMirror] = useState<{ seen: string; filters: PartFilters }>(() => ({ seen: query, filters: partFiltersFromUrl(params) }));
  if (mirror.seen !== query) {
    const ours = partFiltersToUrl(mirror.filters).toString() === query;
    setMirror({ seen: query, filters: ours ? mirror.filters : partFiltersFromUrl(params) });
  }
  const filters = mirror.filters;
  const change = (next: PartFilters) => {
    setMirror((current) => ({ ...current, filters: next }));
    setParams(partFiltersToUrl(next), { replace: true });
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
