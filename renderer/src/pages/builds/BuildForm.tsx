import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { BuildView } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { PartSelect } from '../../components/forms/PartSelect';
import { notifyDone } from '../../components/notify';

const FIELDS = ['reference', 'assemblyId', 'quantity', 'targetDate', 'notes'] as const;

interface BuildFormProps {
  opened: boolean;
  onClose: () => void;
  /** Edit this order; without it the form creates one. */
  build?: BuildView;
  /** Pre-selected assembly for a new order (from an assembly's page). */
  assemblyId?: number;
  onSaved?: (build: BuildView) => void;
}

export function BuildFormModal(props: BuildFormProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={props.build ? 'Edit build order' : 'New build order'} size="lg">
      <BuildForm {...props} />
    </FormModal>
  );
}

function BuildForm({ onClose, build, assemblyId: initialAssembly, onSaved }: BuildFormProps) {
  const create = useMutate('builds.create');
  const update = useMutate('builds.update');
  const mutation = build ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  // Until the person types one, the reference shown is the next free one.
  const next = useCall('builds.nextReference', {}, { enabled: !build });
  const [typedReference, setTypedReference] = useState<string | null>(build?.reference ?? null);
  const reference = typedReference ?? next.data?.reference ?? '';
  const [assemblyId, setAssemblyId] = useState<number | null>(build?.assembly.id ?? initialAssembly ?? null);
  const [quantity, setQuantity] = useState(build?.quantity ?? '1');
  const [targetDate, setTargetDate] = useState(build?.targetDate ?? '');
  const [notes, setNotes] = useState(build?.notes ?? '');
  const [missing, setMissing] = useState<string | undefined>();

  const submit = () => {
    const common = { quantity, targetDate: targetDate.trim() ? targetDate.trim() : null, notes };
    const done = (saved: BuildView) => {
      notifyDone(build ? 'Build order saved' : 'Build order created', `${saved.reference}: ${saved.quantity} x ${saved.assembly.name}`);
      onClose();
      onSaved?.(saved);
    };
    if (build) {
      update.mutate({ ...common, id: build.id, reference }, { onSuccess: done });
      return;
    }
    if (assemblyId === null) {
      setMissing('Choose the assembly to build');
      return;
    }
    setMissing(undefined);
    create.mutate({ ...common, assemblyId, reference: reference.trim() ? reference : null }, { onSuccess: done });
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={build ? 'Save' : 'Create'}
      pending={mutation.isPending}
      error={mutation.error}
      fieldNames={FIELDS}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Reference"
          withAsterisk={Boolean(build)}
          description={build ? undefined : 'Suggested: the next free number'}
          value={reference}
          onChange={(event) => setTypedReference(event.currentTarget.value)}
          error={errors.reference}
        />
        <TextInput
          label="Quantity"
          withAsterisk
          inputMode="decimal"
          description="How many assemblies to build"
          data-autofocus={build || initialAssembly ? true : undefined}
          value={quantity}
          onChange={(event) => setQuantity(event.currentTarget.value)}
          error={errors.quantity}
        />
      </SimpleGrid>
      {!build && (
        <PartSelect
          label="Assembly"
          withAsterisk
          placeholder="Search assemblies"
          isAssembly
          value={assemblyId}
          onChange={setAssemblyId}
          clearable={false}
          error={missing ?? errors.assemblyId}
        />
      )}
      <TextInput
        label="Target date"
        type="date"
        value={targetDate}
        onChange={(event) => setTargetDate(event.currentTarget.value)}
        error={errors.targetDate}
        maw={220}
      />
      <Textarea label="Notes" autosize minRows={2} maxRows={6} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} error={errors.notes} />
    </FormBody>
  );
}
