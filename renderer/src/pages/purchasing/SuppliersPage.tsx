import { ActionIcon, Anchor, Button, Card, Menu, Table, Text } from '@mantine/core';
import { IconBuildingStore, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SupplierView } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { ConfirmDeleteModal } from '../../components/forms/ConfirmDeleteModal';
import { EmptyPanel } from '../../components/EmptyPanel';
import { notifyDone } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { SupplierFormModal } from './SupplierForm';

/** Who parts are bought from; what each sells is set on each part's Suppliers tab. */
export function SuppliersPage() {
  const suppliers = useCall('suppliers.list', {});
  const remove = useMutate('suppliers.delete');
  const [editing, setEditing] = useState<SupplierView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SupplierView | null>(null);
  const newSupplier = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      New supplier
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Suppliers"
        crumbs={[
          { label: 'Home', to: '/' },
          { label: 'Purchase orders', to: '/purchase-orders' },
        ]}
        description="Who you buy from. What each sells, in which packs, at what price and how fast, is set on each part's Suppliers tab."
        actions={newSupplier}
      />
      <Card p={0}>
        {suppliers.isError ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <QueryError error={suppliers.error} onRetry={() => void suppliers.refetch()} title="Could not load suppliers" />
          </div>
        ) : !suppliers.data ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <TableSkeleton rows={3} />
          </div>
        ) : suppliers.data.length === 0 ? (
          <EmptyPanel icon={<IconBuildingStore size={28} />} title="No suppliers yet" description="Add the distributors and makers you order from." action={newSupplier} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" aria-label="Suppliers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Website</Table.Th>
                  <Table.Th ta="right">Parts</Table.Th>
                  <Table.Th ta="right">Open orders</Table.Th>
                  <Table.Th w={44} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {suppliers.data.map((supplier) => (
                  <Table.Tr key={supplier.id}>
                    <Table.Td>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {supplier.name}
                      </Text>
                      {supplier.notes && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {supplier.notes}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {supplier.website ? (
                        <Anchor href={supplier.website} target="_blank" rel="noreferrer noopener" size="sm">
                          {supplier.website.replace(/^https?:\/\//, '')}
                        </Anchor>
                      ) : (
                        <Text span c="dimmed">
                          –
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{supplier.partCount}</Table.Td>
                    <Table.Td ta="right">{supplier.openOrders}</Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${supplier.name}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => setEditing(supplier)}>
                            Edit
                          </Menu.Item>
                          <Menu.Item color="red" leftSection={<IconTrash size={15} />} onClick={() => setDeleting(supplier)}>
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {editing !== null && <SupplierFormModal opened onClose={() => setEditing(null)} {...(editing === 'new' ? {} : { supplier: editing })} />}
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title={`Delete ${deleting?.name ?? ''}?`}
        message="What it sells is removed from every part. A supplier with purchase orders is kept for their records."
        mutation={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id }, { onSuccess: () => { notifyDone(`${deleting.name} deleted`); setDeleting(null); } })}
      />
    </>
  );
}
