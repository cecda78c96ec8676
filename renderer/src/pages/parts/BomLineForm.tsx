import { Group, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { BomLineView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { PartSelect } from '../../components/forms/PartSelect';
import { notifyDone } from '../../components/notify';

const FIELDS = ['subPartId', 'quantity', 'allowVariants', 'optional', 'note'] as const;

interface BomLineFormProps {
  opened: boolean;
  onClose: () => void;
  assemblyId: number;
  /** Edit this line; without it the form adds one. */
  line?: BomLineView;
}

export function BomLineFormModal(props: BomLineFormProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={props.line ? 'Edit BOM line' : 'Add BOM line'}>
      <BomLineForm {...props} />
    </FormModal>
  );
}

function BomLineForm({ onClose, assemblyId, line }: BomLineFormProps) {
  const add = useMutate('bom.add');
  const update = useMutate('bom.update');
  const mutation = line ? update : add;
  const errors = fieldErrorsOf(mutation.error);
  const [subPartId, setSubPartId] = useState<number | null>(line?.subPart.id ?? null);
  const [quantity, setQuantity] = useState(line?.quantity ?? '1');
  const [allowVariants, setAllowVariants] = useState(line?.allowVariants ?? false);
  const [optional, setOptional] = useState(line?.optional ?? false);
  const [note, setNote] = useState(line?.note ?? '');
  const [missing, setMissing] = useState<string | undefined>();

  const submit = () => {
    const fields = { quantity, allowVariants, optional, note };
    const done = (saved: BomLineView) => {
      notifyDone(line ? 'BOM line saved' : 'BOM line added', `${saved.quantity} x ${saved.subPart.name}`);
      onClose();
    };
    if (line) {
      update.mutate({ ...fields, id: line.id }, { onSuccess: done });
      return;
    }
    if (subPartId === null) {
      setMissing('Choose the part this assembly uses');
      return;
    }
    setMissing(undefined);
    add.mutate({ ...fields, assemblyId, subPartId }, { onSuccess: done });
  };

  // "Already on the BOM" comes back as a CONFLICT without fields; it belongs beside the part too.
  const conflict = !line && mutation.error?.code === 'CONFLICT' ? mutation.error.message : undefined;

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={line ? 'Save' : 'Add'}
      pending={mutation.isPending}
      error={conflict ? null : mutation.error}
      fieldNames={FIELDS}
    >
      {line ? (
        <TextInput label="Part" value={line.subPart.name} readOnly variant="filled" />
      ) : (
        <PartSelect
          label="Part"
          withAsterisk
          value={subPartId}
          onChange={setSubPartId}
          excludeId={assemblyId}
          clearable={false}
          error={missing ?? errors.subPartId ?? conflict}
        />
      )}
      <TextInput
        label="Quantity"
        description="How many go into one assembly"
        withAsterisk
        inputMode="decimal"
        value={quantity}
        onChange={(event) => setQuantity(event.currentTarget.value)}
        error={errors.quantity}
        maw={220}
      />
      <Group gap="xl">
        <Switch label="Allow variants" checked={allowVariants} onChange={(event) => setAllowVariants(event.currentTarget.checked)} error={errors.allowVariants} />
        <Switch label="Optional" checked={optional} onChange={(event) => setOptional(event.currentTarget.checked)} error={errors.optional} />
      </Group>
      <TextInput label="Note" placeholder="Optional, such as “Any colour”" value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.note} />
    </FormBody>
  );
}
