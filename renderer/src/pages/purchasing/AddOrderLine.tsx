import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { PurchaseOrderDetail } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { QueryError } from '../../components/QueryError';

/** Adds one of the supplier's parts to the order, with how many and when it is expected. */
export function AddOrderLine({ order }: { order: PurchaseOrderDetail }) {
  const offered = useCall('supplierParts.list', { supplierId: order.supplierId, partId: null });
  const add = useMutate('purchaseOrders.addLine');
  const errors = fieldErrorsOf(add.error);
  const alert = formAlertOf(add.error, ['supplierPartId', 'quantity', 'expectedDate']);
  const [supplierPartId, setSupplierPartId] = useState<number | null>(null);
  const [quantity, setQuantity] = useState<string>('');
  const [expectedDate, setExpectedDate] = useState('');
  const chosen = offered.data?.find((entry) => entry.id === supplierPartId);

  const submit = () =>
    add.mutate(
      { orderId: order.id, supplierPartId: supplierPartId ?? 0, quantity, expectedDate: expectedDate === '' ? null : expectedDate },
      {
        onSuccess: () => {
          setSupplierPartId(null);
          setQuantity('');
        },
      },
    );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      aria-label="Add a line"
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Part"
          placeholder={offered.data?.length === 0 ? `Nothing from ${order.supplierName} yet` : `What ${order.supplierName} sells`}
          data={(offered.data ?? []).map((entry) => ({ value: String(entry.id), label: entry.sku ? `${entry.partName} (${entry.sku})` : entry.partName }))}
          value={supplierPartId === null ? null : String(supplierPartId)}
          onChange={(value) => {
            const next = value ? Number(value) : null;
            setSupplierPartId(next);
            // A pack is the least one can order: start there.
            const pack = offered.data?.find((entry) => entry.id === next)?.packSize;
            if (pack && quantity === '') setQuantity(pack);
          }}
          searchable
          error={errors.supplierPartId}
          w={{ base: '100%', sm: 300 }}
        />
        <NumberInput
          label="Quantity"
          description={chosen ? `Packs of ${chosen.packSize}${chosen.units ? ` ${chosen.units}` : ''}` : undefined}
          min={0}
          decimalScale={5}
          value={quantity}
          onChange={(value) => setQuantity(String(value))}
          error={errors.quantity}
          w={150}
        />
        <TextInput type="date" label="Expected" value={expectedDate} onChange={(event) => setExpectedDate(event.currentTarget.value)} error={errors.expectedDate} w={170} />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending} mt={25} disabled={supplierPartId === null}>
          Add line
        </Button>
      </Group>
      {alert && <QueryError error={add.error} title="Could not add the line" />}
      {offered.isError && <QueryError error={offered.error} onRetry={() => void offered.refetch()} title="Could not load what this supplier sells" />}
    </form>
  );
}
