import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StockItemView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { notifyDone } from '../notify';
import { fieldErrorsOf } from './formErrors';
import { FormBody, FormModal } from './FormModal';
import { LocationSelect } from './LocationSelect';
import { StockItemSummary } from './StockItemSummary';

const FIELDS = ['locationId', 'quantity', 'note'] as const;

interface TransferFormProps {
  opened: boolean;
  onClose: () => void;
  item: StockItemView;
}

export function TransferFormModal(props: TransferFormProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title="Transfer stock">
      <TransferForm {...props} />
    </FormModal>
  );
}

function TransferForm({ onClose, item }: TransferFormProps) {
  const transfer = useMutate('stock.transfer');
  const errors = fieldErrorsOf(transfer.error);
  const [locationId, setLocationId] = useState<number | null>(null);
  const [quantity, setQuantity] = useState(item.quantity);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | undefined>();

  const submit = () => {
    if (locationId === null) {
      setMissing('Choose where the stock goes');
      return;
    }
    setMissing(undefined);
    transfer.mutate(
      { itemId: item.id, locationId, quantity, note },
      {
        onSuccess: ({ destination }) => {
          const place = destination.locationPath.at(-1)?.name ?? 'the destination';
          notifyDone('Stock transferred', `${quantity}${item.units ? ` ${item.units}` : ''} of ${item.partName} moved to ${place}`);
          onClose();
        },
      },
    );
  };

  return (
    <FormBody onSubmit={submit} onCancel={onClose} submitLabel="Transfer" pending={transfer.isPending} error={transfer.error} fieldNames={FIELDS}>
      <StockItemSummary item={item} />
      <LocationSelect
        label="Destination location"
        withAsterisk
        value={locationId}
        onChange={setLocationId}
        excludeId={item.locationId}
        error={missing ?? errors.locationId}
      />
      <TextInput
        label="Quantity"
        withAsterisk
        inputMode="decimal"
        value={quantity}
        onChange={(e) => setQuantity(e.currentTarget.value)}
        error={errors.quantity}
      />
      <TextInput label="Note" placeholder="Optional" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
    </FormBody>
  );
}
