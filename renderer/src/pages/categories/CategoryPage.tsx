import { Button, Skeleton, Stack, Title } from '@mantine/core';
import { IconFolder, IconFolderPlus, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCall, useMutate } from '../../client/hooks';
import { ChildrenGrid } from '../../components/ChildrenGrid';
import { CategoryFormModal } from '../../components/forms/CategoryForm';
import { ConfirmDeleteModal } from '../../components/forms/ConfirmDeleteModal';
import { PartFormModal } from '../../components/forms/PartForm';
import { isNotFound } from '../../components/isNotFound';
import { notifyDone } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { defaultPartFilters, PartListPanel, type PartFilters } from '../../components/PartListPanel';
import { QueryError } from '../../components/QueryError';
import { useIdParam } from '../../components/useIdParam';
import { SubscribeToggle } from '../../subscriptions/SubscribeToggle';
import { NotFoundPage } from '../NotFoundPage';

type Dialog = 'edit' | 'child' | 'part' | 'delete' | null;

export function CategoryPage() {
  const id = useIdParam();
  const category = useCall('categories.get', { id: id ?? 0 }, { enabled: id !== null });
  const remove = useMutate('categories.delete');
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  // Filters are per category: keyed by id so moving to another category starts fresh.
  const [filters, setFilters] = useState<{ id: number | null; value: PartFilters }>({ id, value: { ...defaultPartFilters, categoryId: id } });
  const partFilters = filters.id === id ? filters.value : { ...defaultPartFilters, categoryId: id };

  if (id === null || isNotFound(category.error)) return <NotFoundPage what="category" />;
  if (category.isError) return <QueryError error={category.error} onRetry={() => void category.refetch()} title="Could not load this category" />;
  if (!category.data) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={16} width={240} />
        <Skeleton height={32} width={320} />
        <Skeleton height={300} />
      </Stack>
    );
  }

  const { category: current, path, children } = category.data;
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
          notifyDone('Category deleted', current.name);
          setDialog(null);
          void navigate(current.parentId ? `/categories/${current.parentId}` : '/categories');
        },
      },
    );

  return (
    <>
      <PageHeader
        title={current.name}
        crumbs={[{ label: 'Categories', to: '/categories' }, ...ancestors.map((entry) => ({ label: entry.name, to: `/categories/${entry.id}` }))]}
        description={current.description || undefined}
        actions={
          <>
            <SubscribeToggle target={{ kind: 'category', id: current.id }} name={current.name} />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('part')}>
              New part
            </Button>
            <Button variant="default" leftSection={<IconFolderPlus size={16} />} onClick={() => setDialog('child')}>
              New sub-category
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
            title="Sub-categories"
            items={children}
            icon={<IconFolder size={18} />}
            linkTo={(child) => `/categories/${child.id}`}
            count={(child) => (child.partCount === 1 ? '1 part' : `${child.partCount.toLocaleString()} parts`)}
          />
        )}
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
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('part')}>
                Add a part to {current.name}
              </Button>
            }
          />
        </section>
      </Stack>
      <CategoryFormModal opened={dialog === 'edit'} onClose={close} category={current} />
      <CategoryFormModal opened={dialog === 'child'} onClose={close} parentId={current.id} onSaved={(child) => void navigate(`/categories/${child.id}`)} />
      <PartFormModal opened={dialog === 'part'} onClose={close} defaults={{ categoryId: current.id }} onSaved={(part) => void navigate(`/parts/${part.id}`)} />
      <ConfirmDeleteModal
        opened={dialog === 'delete'}
        onClose={close}
        title="Delete category"
        message={`Delete “${current.name}”? This cannot be undone. A category that still has parts or sub-categories cannot be deleted.`}
        onConfirm={confirmDelete}
        mutation={remove}
      />
    </>
  );
}
