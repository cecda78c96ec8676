import { useState } from 'react';
import type { CategoryView } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { hierarchyOptions } from '../hierarchy';
import { notifyDone } from '../notify';
import { fieldErrorsOf } from './formErrors';
import { FormBody, FormModal } from './FormModal';
import { HierarchyFields, type HierarchyValues } from './HierarchyFields';

const FIELDS = ['name', 'description', 'parentId'] as const;

interface CategoryFormProps {
  opened: boolean;
  onClose: () => void;
  /** Edit this category; without it the form creates one. */
  category?: CategoryView;
  parentId?: number | null;
  onSaved?: (category: CategoryView) => void;
}

export function CategoryFormModal(props: CategoryFormProps) {
  const title = props.category ? 'Edit category' : props.parentId ? 'New sub-category' : 'New category';
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={title}>
      <CategoryForm {...props} />
    </FormModal>
  );
}

function CategoryForm({ onClose, category, parentId, onSaved }: CategoryFormProps) {
  const categories = useCall('categories.list', {});
  const create = useMutate('categories.create');
  const update = useMutate('categories.update');
  const mutation = category ? update : create;
  const [values, setValues] = useState<HierarchyValues>({
    name: category?.name ?? '',
    description: category?.description ?? '',
    parentId: (category ? category.parentId : parentId) ? String(category ? category.parentId : parentId) : null,
  });

  const submit = () => {
    const input = {
      name: values.name,
      description: values.description,
      parentId: values.parentId ? Number(values.parentId) : null,
    };
    const done = (saved: CategoryView) => {
      notifyDone(category ? 'Category saved' : 'Category created', saved.name);
      onClose();
      onSaved?.(saved);
    };
    if (category) update.mutate({ ...input, id: category.id }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={category ? 'Save' : 'Create'}
      pending={mutation.isPending}
      error={mutation.error}
      fieldNames={FIELDS}
    >
      <HierarchyFields
        values={values}
        onChange={setValues}
        errors={fieldErrorsOf(mutation.error)}
        parentLabel="Parent category"
        parentPlaceholder="None (top level)"
        parentOptions={hierarchyOptions(categories.data ?? [], category?.id)}
      />
    </FormBody>
  );
}
