import { Button, Skeleton, Stack, Title } from '@mantine/core';
import { IconMapPin, IconMapPinPlus, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCall, useMutate } from '../../client/hooks';
import { ChildrenGrid } from '../../components/ChildrenGrid';
import { ConfirmDeleteModal } from '../../components/forms/ConfirmDeleteModal';
import { LocationFormModal } from '../../components/forms/LocationForm';
import { isNotFound } from '../../components/isNotFound';
import { notifyDone } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StockListCard } from '../../components/StockListCard';
import { useIdParam } from '../../components/useIdParam';
import { NotFoundPage } from '../NotFoundPage';

type Dialog = 'edit' | 'child' | 'delete' | null;

export function LocationPage() {
  const id = useIdParam();
  const location = useCall('locations.get', { id: id ?? 0 }, { enabled: id !== null });
  const remove = useMutate('locations.delete');
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);

  if (id === null || isNotFound(location.error)) return <NotFoundPage what="location" />;
  if (location.isError) return <QueryError error={location.error} onRetry={() => void location.refetch()} title="Could not load this location" />;
  if (!location.data) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={16} width={240} />
        <Skeleton height={32} width={320} />
        <Skeleton height={300} />
      </Stack>
    );
  }

  const { location: current, path, children } = location.data;
  const ancestors = path.filter((entry) => entry.id !== current.id);
  const close = () => {
    setDialog(null);
    remove.reset();
  };
  const confirmDelete = () =>
    remove.mutate(
      { id: current.id },
      {
        onSuccess: () => {
          notifyDone('Location deleted', current.name);
          setDialog(null);
          void navigate(current.parentId ? `/locations/${current.parentId}` : '/locations');
        },
      },
    );

  return (
    <>
      <PageHeader
        title={current.name}
        crumbs={[{ label: 'Locations', to: '/locations' }, ...ancestors.map((entry) => ({ label: entry.name, to: `/locations/${entry.id}` }))]}
        description={current.description || undefined}
        actions={
          <>
            <Button variant="default" leftSection={<IconMapPinPlus size={16} />} onClick={() => setDialog('child')}>
              New sub-location
            </Button>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
              Edit
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog('delete')}>
              Delete
            </Button>
          </>
        }
      />
      <Stack gap="xl">
        {children.length > 0 && (
          <ChildrenGrid
            title="Sub-locations"
            items={children}
            icon={<IconMapPin size={18} />}
            linkTo={(child) => `/locations/${child.id}`}
            count={(child) => (child.itemCount === 1 ? '1 item' : `${child.itemCount.toLocaleString()} items`)}
          />
        )}
        <section aria-label="Stock at this location">
          <Title order={2} fz={17} mb="sm">
            Stock here
          </Title>
          <StockListCard key={current.id} locationId={current.id} caption={`Stock at ${current.name}`} emptyTitle="Nothing is stored here yet" />
        </section>
      </Stack>
      <LocationFormModal opened={dialog === 'edit'} onClose={close} location={current} />
      <LocationFormModal opened={dialog === 'child'} onClose={close} parentId={current.id} onSaved={(child) => void navigate(`/locations/${child.id}`)} />
      <ConfirmDeleteModal
        opened={dialog === 'delete'}
        onClose={close}
        title="Delete location"
        message={`Delete “${current.name}”? This cannot be undone. A location that still holds stock or sub-locations cannot be deleted.`}
        onConfirm={confirmDelete}
        mutation={remove}
      />
    </>
  );
}
