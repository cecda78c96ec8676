import { ActionIcon, Anchor, Badge, Button, Card, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconDots, IconPencil, IconPlus, IconStarFilled, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PartRow, SupplierPartView } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { notifyDone, notifyFailed } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { SupplierPartFormModal } from './SupplierPartForm';

/** Where this part is bought, and what of it is on order. */
export function PartSuppliersTab({ part }: { part: PartRow }) {
  const offers = useCall('supplierParts.list', { partId: part.id, supplierId: null });
  const onOrder = useCall('purchaseOrders.onOrder', { partId: part.id });
  const remove = useMutate('supplierParts.delete');
  const [editing, setEditing] = useState<SupplierPartView | 'new' | null>(null);
  const add = (
    <Button leftSection={<IconPlus size={16} />} size="xs" onClick={() => setEditing('new')}>
      Add supplier
    </Button>
  );

  return (
    <Stack gap="md">
      {onOrder.data && onOrder.data.lines.length > 0 && (
        <Card p={0} component="section" aria-label="On order">
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Title order={2} fz={16}>
              On order: {onOrder.data.total} {part.units}
            </Title>
          </Group>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {onOrder.data.lines.map((line) => (
                <Table.Tr key={`${line.orderId}-${line.expectedDate ?? ''}-${line.outstanding}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/purchase-orders/${line.orderId}`} size="sm" fw={500}>
                      {line.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{line.supplierName}</Table.Td>
                  <Table.Td ta="right">
                    {line.outstanding} {part.units}
                  </Table.Td>
                  <Table.Td c="dimmed">{line.expectedDate ? `due ${line.expectedDate}` : 'no date given'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Card p={0} component="section" aria-label="Suppliers">
        <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="sm" c="dimmed">
            Who sells {part.name}, in which packs, and how long it takes to arrive.
          </Text>
          {add}
        </Group>
        {offers.isError ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <QueryError error={offers.error} onRetry={() => void offers.refetch()} title="Could not load suppliers" />
          </div>
        ) : !offers.data ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <TableSkeleton rows={2} />
          </div>
        ) : offers.data.length === 0 ? (
          <EmptyPanel icon={<IconBuildingStore size={28} />} title="No supplier yet" description="Add where you buy it, so it can be ordered and its lead time known." />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" aria-label={`Suppliers of ${part.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Supplier</Table.Th>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th ta="right">Pack</Table.Th>
                  <Table.Th ta="right">Price per pack</Table.Th>
                  <Table.Th ta="right">Lead time</Table.Th>
                  <Table.Th w={44} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offers.data.map((offer) => (
                  <Table.Tr key={offer.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {offer.supplierName}
                        </Text>
                        {offer.preferred && (
                          <Badge size="sm" variant="light" color="yellow" radius="sm" tt="none" leftSection={<IconStarFilled size={10} />}>
                            Preferred
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {offer.sku || '–'}
                    </Table.Td>
                    <Table.Td ta="right">
                      {offer.packSize} {part.units}
                    </Table.Td>
                    <Table.Td ta="right">{offer.pricePerPack ?? '–'}</Table.Td>
                    <Table.Td ta="right">{offer.leadTimeDays === null ? '–' : `${offer.leadTimeDays} ${offer.leadTimeDays === 1 ? 'day' : 'days'}`}</Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${offer.supplierName}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => setEditing(offer)}>
                            Edit
                          </Menu.Item>
                          <Menu.Item
                            color="red"
                            leftSection={<IconTrash size={15} />}
                            onClick={() =>
                              remove.mutate({ id: offer.id }, { onSuccess: () => notifyDone(`${offer.supplierName} removed`), onError: (error) => notifyFailed('Could not remove it', error) })
                            }
                          >
                            Remove
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
      {editing !== null && <SupplierPartFormModal part={part} opened onClose={() => setEditing(null)} {...(editing === 'new' ? {} : { existing: editing })} />}
    </Stack>
  );
}
