import { NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PartRow, SupplierPartView } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { notifyDone } from '../../components/notify';

interface SupplierPartFormModalProps {
  part: PartRow;
  opened: boolean;
  onClose: () => void;
  /** Editing this one; a new supplier part when left out. */
  existing?: SupplierPartView;
}

export function SupplierPartFormModal(props: SupplierPartFormModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={props.existing ? `${props.existing.supplierName}'s ${props.part.name}` : `Where to buy ${props.part.name}`}>
      <SupplierPartForm {...props} />
    </FormModal>
  );
}

function SupplierPartForm({ part, onClose, existing }: SupplierPartFormModalProps) {
  const suppliers = useCall('suppliers.list', {}, { enabled: !existing });
  const create = useMutate('supplierParts.create');
  const update = useMutate('supplierParts.update');
  const mutation = existing ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const [supplierId, setSupplierId] = useState<number | null>(existing?.supplierId ?? null);
  const [values, setValues] = useState({
    sku: existing?.sku ?? '',
    packSize: existing?.packSize ?? '1',
    pricePerPack: existing?.pricePerPack ?? '',
    leadTimeDays: existing?.leadTimeDays ?? ('' as number | ''),
    preferred: existing?.preferred ?? false,
  });

  const submit = () => {
    const fields = {
      sku: values.sku,
      packSize: values.packSize,
      pricePerPack: values.pricePerPack.trim() === '' ? null : values.pricePerPack,
      leadTimeDays: values.leadTimeDays === '' ? null : values.leadTimeDays,
      preferred: values.preferred,
    };
    const done = () => {
      notifyDone(existing ? 'Saved' : 'Supplier part added');
      onClose();
    };
    if (existing) update.mutate({ id: existing.id, ...fields }, { onSuccess: done });
    else create.mutate({ supplierId: supplierId ?? 0, partId: part.id, ...fields }, { onSuccess: done });
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={existing ? 'Save' : 'Add'}
      pending={mutation.isPending}
      error={mutation.error}
      fieldNames={['supplierId', 'sku', 'packSize', 'pricePerPack', 'leadTimeDays', 'preferred']}
    >
      {!existing && (
        <Select
          label="Supplier"
          withAsterisk
          data-autofocus
          placeholder={suppliers.data?.length === 0 ? 'Add a supplier on the Suppliers page first' : 'Choose a supplier'}
          data={(suppliers.data ?? []).map((supplier) => ({ value: String(supplier.id), label: supplier.name }))}
          value={supplierId === null ? null : String(supplierId)}
          onChange={(value) => setSupplierId(value ? Number(value) : null)}
          searchable
          error={errors.supplierId}
        />
      )}
      <TextInput label="Supplier's part number (SKU)" value={values.sku} onChange={(event) => setValues({ ...values, sku: event.currentTarget.value })} error={errors.sku} />
      <NumberInput
        label="Pack size"
        description={`How many ${part.units || 'units'} come in one pack: orders are rounded up to whole packs.`}
        withAsterisk
        min={0}
        decimalScale={5}
        value={values.packSize}
        onChange={(value) => setValues({ ...values, packSize: String(value) })}
        error={errors.packSize}
      />
      <TextInput label="Price per pack" placeholder="12.50" value={values.pricePerPack} onChange={(event) => setValues({ ...values, pricePerPack: event.currentTarget.value })} error={errors.pricePerPack} />
      <NumberInput
        label="Lead time (days)"
        description="From placing an order to having it on the shelf."
        min={0}
        max={3650}
        allowDecimal={false}
        value={values.leadTimeDays}
        onChange={(value) => setValues({ ...values, leadTimeDays: typeof value === 'number' ? value : '' })}
        error={errors.leadTimeDays}
      />
      <Switch label="Preferred supplier for this part" checked={values.preferred} onChange={(event) => setValues({ ...values, preferred: event.currentTarget.checked })} />
    </FormBody>
  );
}
