import { Select, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCall, useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';

interface NewPurchaseOrderModalProps {
  opened: boolean;
  onClose: () => void;
  /** Chosen already (from a supplier's page). */
  supplierId?: number;
}

export function NewPurchaseOrderModal(props: NewPurchaseOrderModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title="New purchase order">
      <NewPurchaseOrderForm {...props} />
    </FormModal>
  );
}

function NewPurchaseOrderForm({ onClose, supplierId }: NewPurchaseOrderModalProps) {
  const navigate = useNavigate();
  const suppliers = useCall('suppliers.list', {});
  const create = useMutate('purchaseOrders.create');
  const errors = fieldErrorsOf(create.error);
  const [values, setValues] = useState({ supplierId: supplierId ?? null, reference: '', notes: '' } as { supplierId: number | null; reference: string; notes: string });

  return (
    <FormBody
      onSubmit={() =>
        create.mutate(
          { supplierId: values.supplierId ?? 0, reference: values.reference.trim() === '' ? null : values.reference, notes: values.notes },
          {
            onSuccess: (order) => {
              onClose();
              navigate(`/purchase-orders/${order.id}`);
            },
          },
        )
      }
      onCancel={onClose}
      submitLabel="Create draft"
      pending={create.isPending}
      error={create.error}
      fieldNames={['supplierId', 'reference', 'notes']}
    >
      <Select
        label="Supplier"
        withAsterisk
        data-autofocus
        placeholder={suppliers.data?.length === 0 ? 'Add a supplier first' : 'Choose a supplier'}
        data={(suppliers.data ?? []).map((supplier) => ({ value: String(supplier.id), label: supplier.name }))}
        value={values.supplierId === null ? null : String(values.supplierId)}
        onChange={(value) => setValues((current) => ({ ...current, supplierId: value ? Number(value) : null }))}
        searchable
        error={errors.supplierId}
      />
      <TextInput
        label="Reference"
        description="Left empty, the next number is used (PO-0001, PO-0002…)."
        value={values.reference}
        onChange={(event) => {
          const reference = event.currentTarget.value;
          setValues((current) => ({ ...current, reference }));
        }}
        error={errors.reference}
      />
      <Textarea
        label="Notes"
        placeholder="Quote number, contact, delivery instructions"
        autosize
        minRows={2}
        value={values.notes}
        onChange={(event) => {
          const notes = event.currentTarget.value;
          setValues((current) => ({ ...current, notes }));
        }}
        error={errors.notes}
      />
    </FormBody>
  );
}
