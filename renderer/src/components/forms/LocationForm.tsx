import { useState } from 'react';
import type { LocationView } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { hierarchyOptions } from '../hierarchy';
import { notifyDone } from '../notify';
import { fieldErrorsOf } from './formErrors';
import { FormBody, FormModal } from './FormModal';
import { HierarchyFields, type HierarchyValues } from './HierarchyFields';

const FIELDS = ['name', 'description', 'parentId'] as const;

interface LocationFormProps {
  opened: boolean;
  onClose: () => void;
  /** Edit this location; without it the form creates one. */
  location?: LocationView;
  parentId?: number | null;
  onSaved?: (location: LocationView) => void;
}

export function LocationFormModal(props: LocationFormProps) {
  const title = props.location ? 'Edit location' : props.parentId ? 'New sub-location' : 'New location';
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={title}>
      <LocationForm {...props} />
    </FormModal>
  );
}

function LocationForm({ onClose, location, parentId, onSaved }: LocationFormProps) {
  const locations = useCall('locations.list', {});
  const create = useMutate('locations.create');
  const update = useMutate('locations.update');
  const mutation = location ? update : create;
  const [values, setValues] = useState<HierarchyValues>({
    name: location?.name ?? '',
    description: location?.description ?? '',
    parentId: (location ? location.parentId : parentId) ? String(location ? location.parentId : parentId) : null,
  });

  const submit = () => {
    const input = {
      name: values.name,
      description: values.description,
      parentId: values.parentId ? Number(values.parentId) : null,
    };
    const done = (saved: LocationView) => {
      notifyDone(location ? 'Location saved' : 'Location created', saved.name);
      onClose();
      onSaved?.(saved);
    };
    if (location) update.mutate({ ...input, id: location.id }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={location ? 'Save' : 'Create'}
      pending={mutation.isPending}
      error={mutation.error}
      fieldNames={FIELDS}
    >
      <HierarchyFields
        values={values}
        onChange={setValues}
        errors={fieldErrorsOf(mutation.error)}
        parentLabel="Parent location"
        parentPlaceholder="None (top level)"
        parentOptions={hierarchyOptions(locations.data ?? [], location?.id)}
      />
    </FormBody>
  );
}
