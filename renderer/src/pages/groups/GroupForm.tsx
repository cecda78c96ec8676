import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { GroupView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { notifyDone } from '../../components/notify';

interface GroupFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Editing this group; a new one when left out. */
  group?: GroupView;
}

export function GroupFormModal(props: GroupFormModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={props.group ? `Edit ${props.group.name}` : 'New group'}>
      <GroupForm {...props} />
    </FormModal>
  );
}

function GroupForm({ onClose, group }: GroupFormModalProps) {
  const create = useMutate('groups.create');
  const update = useMutate('groups.update');
  const mutation = group ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const [values, setValues] = useState({ name: group?.name ?? '', description: group?.description ?? '' });

  const submit = () => {
    const done = (saved: GroupView) => {
      notifyDone(group ? 'Group saved' : 'Group created', group ? undefined : `Add people to ${saved.name}, then subscribe it to parts and categories.`);
      onClose();
    };
    if (group) update.mutate({ id: group.id, ...values }, { onSuccess: done });
    else create.mutate(values, { onSuccess: done });
  };

  return (
    <FormBody onSubmit={submit} onCancel={onClose} submitLabel={group ? 'Save' : 'Create'} pending={mutation.isPending} error={mutation.error} fieldNames={['name', 'description']}>
      <TextInput
        label="Name"
        description="What members see beside a notice: “via group Purchasing”."
        placeholder="Purchasing"
        withAsterisk
        data-autofocus
        value={values.name}
        onChange={(event) => {
          const name = event.currentTarget.value;
          setValues((current) => ({ ...current, name }));
        }}
        error={errors.name}
      />
      <Textarea
        label="Description"
        placeholder="Who they are and what they look after"
        autosize
        minRows={2}
        value={values.description}
        onChange={(event) => {
          const description = event.currentTarget.value;
          setValues((current) => ({ ...current, description }));
        }}
        error={errors.description}
      />
    </FormBody>
  );
}
