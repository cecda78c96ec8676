import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PartFormModal } from '../../components/forms/PartForm';
import { PageHeader } from '../../components/PageHeader';
import { PartListPanel } from '../../components/PartListPanel';
import { partFiltersFromUrl, partFiltersToUrl } from './partFiltersFromUrl';

export function PartsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const filters = partFiltersFromUrl(params);

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
        onChange={(next) => setParams(partFiltersToUrl(next), { replace: true })}
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
