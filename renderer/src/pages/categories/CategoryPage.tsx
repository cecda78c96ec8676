import { Button, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCall, usePrefetchCall } from '../../client/hooks';
import { PartFormModal } from '../../components/forms/PartForm';
import { defaultPartFilters, PartListPanel, partListInput, type PartFilters } from '../../components/PartListPanel';
import { TreeNodePage } from '../../components/TreeNodePage';
import { useIdParam } from '../../components/useIdParam';
import { MuteControl } from '../../subscriptions/MuteControl';
import { SubscribeToggle } from '../../subscriptions/SubscribeToggle';

export function CategoryPage() {
  const id = useIdParam();
  const fresh: PartFilters = { ...defaultPartFilters, categoryId: id };
  // The parts panel mounts only once the category has answered; asked now, both reach the host
  // (which answers in turn) together, the category first for the header.
  usePrefetchCall('categories.get', { id: id ?? 0 }, { enabled: id !== null });
  usePrefetchCall('parts.list', partListInput(fresh), { enabled: id !== null });
  const category = useCall('categories.get', { id: id ?? 0 }, { enabled: id !== null });
  const navigate = useNavigate();
  const [creatingPart, setCreatingPart] = useState(false);
  // Filters are per category: keyed by id so moving to another category starts fresh.
  const [filters, setFilters] = useState<{ id: number | null; value: PartFilters }>({ id, value: fresh });
  const partFilters = filters.id === id ? filters.value : fresh;
  const data = category.data;

  return (
    <TreeNodePage
      kind="category"
      id={id}
      query={category}
      detail={data && { node: data.category, path: data.path, children: data.children }}
      count={(child) => (child.partCount === 1 ? '1 part' : `${child.partCount.toLocaleString()} parts`)}
      actions={(current) => (
        <>
          <SubscribeToggle target={{ kind: 'category', id: current.id }} name={current.name} />
          <MuteControl target={{ kind: 'category', id: current.id }} name={current.name} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreatingPart(true)}>
            New part
          </Button>
        </>
      )}
    >
      {(current) => (
        <>
          <section aria-label="Parts in this category">
            <Title order={2} fz={17} mb="sm">
              Parts
            </Title>
            <PartListPanel
              filters={partFilters}
              onChange={(value) => setFilters({ id, value: { ...value, categoryId: id } })}
              withCategoryFilter={false}
              caption={`Parts in ${current.name}`}
              emptyAction={
                <Button leftSection={<IconPlus size={16} />} onClick={() => setCreatingPart(true)}>
                  Add a part to {current.name}
                </Button>
              }
            />
          </section>
          <PartFormModal
            opened={creatingPart}
            onClose={() => setCreatingPart(false)}
            defaults={{ categoryId: current.id }}
            onSaved={(part) => void navigate(`/parts/${part.id}`)}
          />
        </>
      )}
    </TreeNodePage>
  );
}
