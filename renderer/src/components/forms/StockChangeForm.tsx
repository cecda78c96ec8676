import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StockItemView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { notifyDone } from '../notify';
import { fieldErrorsOf } from './formErrors';
import { FormBody, FormModal } from './FormModal';
import { StockItemSummary } from './StockItemSummary';

export type StockChangeKind = 'add' | 'remove' | 'count';

const FIELDS = ['quantity', 'note'] as const;

const COPY: Record<StockChangeKind, { title: string; done: string; quantityHelp: string }> = {
  add: { title: 'Add stock', done: 'Stock added', quantityHelp: 'How many to add' },
  remove: { title: 'Remove stock', done: 'Stock removed', quantityHelp: 'How many to take out' },
  count: { title: 'Count stock', done: 'Stock counted', quantityHelp: 'How many are there now' },
};

interface StockChangeFormProps {
  opened: boolean;
  onClose: () => void;
  kind: StockChangeKind;
  item: StockItemView;
}

export function StockChangeFormModal(props: StockChangeFormProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={COPY[props.kind].title}>
      <StockChangeForm {...props} />
    </FormModal>
  );
}

function StockChangeForm({ onClose, kind, item }: StockChangeFormProps) {
  const add = useMutate('stock.add');
  const remove = useMutate('stock.remove');
  const count = useMutate('stock.count');
  const mutation = kind === 'add' ? add : kind === 'remove' ? remove : count;
  const errors = fieldErrorsOf(mutation.error);
  const [quantity, setQuantity] = useState(kind === 'count' ? item.quantity : '');
  const [note, setNote] = useState('');

  const submit = () => {
    const input = { itemId: item.id, quantity, note };
    const options = {
      onSuccess: (updated: StockItemView) => {
        notifyDone(COPY[kind].done, `${updated.partName} now has ${updated.quantity}${updated.units ? ` ${updated.units}` : ''} here`);
        onClose();
      },
    };
    if (kind === 'add') add.mutate(input, options);
    else if (kind === 'remove') remove.mutate(input, options);
    else count.mutate(input, options);
  };

  return (
    <FormBody onSubmit={submit} onCancel={onClose} submitLabel={COPY[kind].title} pending={mutation.isPending} error={mutation.error} fieldNames={FIELDS}>
      <StockItemSummary item={item} />
      <TextInput
        label="Quantity"
        description={COPY[kind].quantityHelp}
        withAsterisk
        data-autofocus
        inputMode="decimal"
        value={quantity}
        onChange={(e) => setQuantity(e.currentTarget.value)}
        rightSection={item.units ? <span aria-hidden="true">{item.units}</span> : undefined}
        rightSectionWidth={item.units ? 48 : undefined}
        error={errors.quantity}
      />
      <TextInput label="Note" placeholder="Optional" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
    </FormBody>
  );
}
