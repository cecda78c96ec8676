import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SupplierView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { notifyDone } from '../../components/notify';

interface SupplierFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Editing this one; a new supplier when left out. */
  supplier?: SupplierView;
  onCreated?: (supplier: SupplierView) => void;
}

export function SupplierFormModal(props: SupplierFormModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={props.supplier ? `Edit ${props.supplier.name}` : 'New supplier'}>
      <SupplierForm {...props} />
    </FormModal>
  );
}

function SupplierForm({ onClose, supplier, onCreated }: SupplierFormModalProps) {
  const create = useMutate('suppliers.create');
  const update = useMutate('suppliers.update');
  const mutation = supplier ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const [values, setValues] = useState({ name: supplier?.name ?? '', website: supplier?.website ?? '', notes: supplier?.notes ?? '' });
  const field = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [name]: value }));
  };

  return (
    <FormBody
      onSubmit={() => {
        if (supplier) update.mutate({ id: supplier.id, ...values }, { onSuccess: () => { notifyDone('Supplier saved'); onClose(); } });
        else create.mutate(values, { onSuccess: (saved) => { notifyDone(`${saved.name} added`); onCreated?.(saved); onClose(); } });
      }}
      onCancel={onClose}
      submitLabel={supplier ? 'Save' : 'Add supplier'}
      pending={mutation.isPending}
      error={mutation.error}
      fieldNames={['name', 'website', 'notes']}
    >
      <TextInput label="Name" withAsterisk data-autofocus value={values.name} onChange={field('name')} error={errors.name} />
      <TextInput label="Website" placeholder="https://" value={values.website} onChange={field('website')} error={errors.website} />
      <Textarea label="Notes" placeholder="Account number, contact, minimum order" autosize minRows={2} value={values.notes} onChange={field('notes')} error={errors.notes} />
    </FormBody>
  );
}
