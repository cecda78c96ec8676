import { Button, Skeleton, Stack } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PathEntry } from '../../../main/contract';
import { useMutate } from '../client/hooks';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ChildrenGrid } from './ChildrenGrid';
import { ConfirmDeleteModal } from './forms/ConfirmDeleteModal';
import { TreeNodeFormModal } from './forms/TreeNodeForm';
import { isNotFound } from './isNotFound';
import { notifyDone } from './notify';
import { PageHeader } from './PageHeader';
import { QueryError } from './QueryError';
import { capitalised, TREE_KINDS, type TreeKind, type TreeNodeOf } from './treeKinds';

export interface TreeNodeDetail<T> {
  node: T;
  path: PathEntry[];
  children: T[];
}

interface TreeNodePageProps<K extends TreeKind> {
  kind: K;
  id: number | null;
  /** The node's read: loading, failed or done. */
  query: { error: unknown; isError: boolean; refetch: () => unknown };
  detail: TreeNodeDetail<TreeNodeOf<K>> | undefined;
  /** What each child holds, for its card ("3 parts"). */
  count: (child: TreeNodeOf<K>) => string;
  /** Actions of this kind, before the shared New sub-…, Edit and Delete. */
  actions?: (node: TreeNodeOf<K>) => ReactNode;
  /** What the node holds, under its children. */
  children: (node: TreeNodeOf<K>) => ReactNode;
}

/** The page of one category or location: header, its children, what it holds, and editing it. */
export function TreeNodePage<K extends TreeKind>({ kind, id, query, detail, count, actions, children: contents }: TreeNodePageProps<K>) {
  const spec = TREE_KINDS[kind];
  const remove = useMutate(spec.remove);
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'edit' | 'child' | 'delete' | null>(null);

  if (id === null || isNotFound(query.error)) return <NotFoundPage what={spec.noun} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} title={`Could not load this ${spec.noun}`} />;
  if (!detail) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={16} width={240} />
        <Skeleton height={32} width={320} />
        <Skeleton height={300} />
      </Stack>
    );
  }

  const { node: current, path, children } = detail;
  const ancestors = path.filter((entry) => entry.id !== current.id);
  const NewChildIcon = spec.newChildIcon;
  const ChildIcon = spec.icon;
  const close = () => {
    setDialog(null);
    remove.reset();
  };
  const confirmDelete = () =>
    remove.mutate(
      { id: current.id },
      {
        onSuccess: () => {
          notifyDone(`${capitalised(spec.noun)} deleted`, current.name);
          setDialog(null);
          void navigate(current.parentId ? `${spec.basePath}/${current.parentId}` : spec.basePath);
        },
      },
    );

  return (
    <>
      <PageHeader
        title={current.name}
        crumbs={[{ label: spec.listTitle, to: spec.basePath }, ...ancestors.map((entry) => ({ label: entry.name, to: `${spec.basePath}/${entry.id}` }))]}
        description={current.description || undefined}
        actions={
          <>
            {actions?.(current)}
            <Button variant="default" leftSection={<NewChildIcon size={16} />} onClick={() => setDialog('child')}>
              New {spec.childNoun}
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
            // Another node's children start folded again.
            key={current.id}
            title={spec.childrenTitle}
            items={children}
            icon={<ChildIcon size={18} />}
            linkTo={(child) => `${spec.basePath}/${child.id}`}
            count={count}
          />
        )}
        {contents(current)}
      </Stack>
      <TreeNodeFormModal kind={kind} opened={dialog === 'edit'} onClose={close} node={current} />
      <TreeNodeFormModal
        kind={kind}
        opened={dialog === 'child'}
        onClose={close}
        parentId={current.id}
        onSaved={(child) => void navigate(`${spec.basePath}/${child.id}`)}
      />
      <ConfirmDeleteModal
        opened={dialog === 'delete'}
        onClose={close}
        title={`Delete ${spec.noun}`}
        message={`Delete “${current.name}”? This cannot be undone. ${spec.deleteRule}`}
        onConfirm={confirmDelete}
        mutation={remove}
      />
    </>
  );
}
