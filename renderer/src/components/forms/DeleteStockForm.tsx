import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StockItemView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { notifyDone } from '../notify';
import { fieldErrorsOf } from './formErrors';
import { FormBody, FormModal } from './FormModal';
import { StockItemSummary } from './StockItemSummary';

interface DeleteStockFormProps {
  opened: boolean;
  onClose: () => void;
  item: StockItemView;
}

export function DeleteStockFormModal(props: DeleteStockFormProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title="Delete stock item">
      <DeleteStockForm {...props} />
    </FormModal>
  );
}

function DeleteStockForm({ onClose, item }: DeleteStockFormProps) {
  const remove = useMutate('stock.delete');
  const [note, setNote] = useState('');
  const submit = () =>
    remove.mutate(
      { itemId: item.id, note },
      {
        onSuccess: () => {
          notifyDone('Stock item deleted', item.partName);
          onClose();
        },
      },
    );
  return (
    <FormBody onSubmit={submit} onCancel={onClose} submitLabel="Delete" submitColor="red" pending={remove.isPending} error={remove.error} fieldNames={['note']}>
      <StockItemSummary item={item} />
      <Text size="sm">
        The item and its remaining quantity are removed from this location. Its history stays in the part’s movements.
      </Text>
      <TextInput label="Note" placeholder="Optional: why it was removed" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldErrorsOf(remove.error).note} />
    </FormBody>
  );
}
