import { SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StockItemView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { notifyDone } from '../notify';
import { fieldErrorsOf } from './formErrors';
import { FormBody, FormModal } from './FormModal';
import { LocationSelect } from './LocationSelect';
import { PartSelect } from './PartSelect';

const FIELDS = ['partId', 'locationId', 'quantity', 'batch', 'note'] as const;

interface StockItemFormProps {
  opened: boolean;
  onClose: () => void;
  partId?: number;
  locationId?: number;
}

export function StockItemFormModal(props: StockItemFormProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title="New stock item">
      <StockItemForm {...props} />
    </FormModal>
  );
}

function StockItemForm({ onClose, partId: initialPart, locationId: initialLocation }: StockItemFormProps) {
  const create = useMutate('stock.create');
  const errors = fieldErrorsOf(create.error);
  const [partId, setPartId] = useState<number | null>(initialPart ?? null);
  const [locationId, setLocationId] = useState<number | null>(initialLocation ?? null);
  const [quantity, setQuantity] = useState('');
  const [batch, setBatch] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});

  const submit = () => {
    // Part and location have no "empty" value on the wire; say so here instead of sending a bad id.
    const required: Record<string, string> = {};
    if (partId === null) required.partId = 'Choose a part';
    if (locationId === null) required.locationId = 'Choose a location';
    setMissing(required);
    if (partId === null || locationId === null) return;
    create.mutate(
      { partId, locationId, quantity, batch, note },
      {
        onSuccess: (item: StockItemView) => {
          notifyDone('Stock item created', `${item.partName}: ${item.quantity}${item.units ? ` ${item.units}` : ''}`);
          onClose();
        },
      },
    );
  };

  return (
    <FormBody onSubmit={submit} onCancel={onClose} submitLabel="Create" pending={create.isPending} error={create.error} fieldNames={FIELDS}>
      <PartSelect label="Part" withAsterisk value={partId} onChange={setPartId} clearable={false} error={missing.partId ?? errors.partId} />
      <LocationSelect label="Location" withAsterisk value={locationId} onChange={setLocationId} error={missing.locationId ?? errors.locationId} />
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label="Quantity"
          withAsterisk
          inputMode="decimal"
          data-autofocus={initialPart ? true : undefined}
          value={quantity}
          onChange={(e) => setQuantity(e.currentTarget.value)}
          error={errors.quantity}
        />
        <TextInput label="Batch" value={batch} onChange={(e) => setBatch(e.currentTarget.value)} error={errors.batch} />
      </SimpleGrid>
      <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
    </FormBody>
  );
}
