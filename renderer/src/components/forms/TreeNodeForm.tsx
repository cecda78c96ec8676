import { useState } from 'react';
import { useCall, useMutate } from '../../client/hooks';
import { hierarchyOptions, type HierarchyItem } from '../hierarchy';
import { notifyDone } from '../notify';
import { capitalised, TREE_KINDS, type TreeKind, type TreeNodeOf } from '../treeKinds';
import { fieldErrorsOf } from './formErrors';
import { FormBody, FormModal } from './FormModal';
import { HierarchyFields, type HierarchyValues } from './HierarchyFields';

const FIELDS = ['name', 'description', 'parentId'] as const;

interface TreeNodeFormProps<K extends TreeKind> {
  kind: K;
  opened: boolean;
  onClose: () => void;
  /** Edit this node; without it the form creates one. */
  node?: TreeNodeOf<K>;
  parentId?: number | null;
  onSaved?: (node: TreeNodeOf<K>) => void;
}

/** Creates or edits a category or a location: name, description and parent. */
export function TreeNodeFormModal<K extends TreeKind>(props: TreeNodeFormProps<K>) {
  const { noun, childNoun } = TREE_KINDS[props.kind];
  const title = props.node ? `Edit ${noun}` : props.parentId ? `New ${childNoun}` : `New ${noun}`;
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={title}>
      <TreeNodeForm {...props} />
    </FormModal>
  );
}

function TreeNodeForm<K extends TreeKind>({ kind, onClose, node, parentId, onSaved }: TreeNodeFormProps<K>) {
  const spec = TREE_KINDS[kind];
  const nodes = useCall(spec.list, {});
  const create = useMutate(spec.create);
  const update = useMutate(spec.update);
  const mutation = node ? update : create;
  const initialParent = node ? node.parentId : parentId;
  const [values, setValues] = useState<HierarchyValues>({
    name: node?.name ?? '',
    description: node?.description ?? '',
    parentId: initialParent ? String(initialParent) : null,
  });

  const submit = () => {
    const input = {
      name: values.name,
      description: values.description,
      parentId: values.parentId ? Number(values.parentId) : null,
    };
    const done = (saved: TreeNodeOf<TreeKind>) => {
      notifyDone(`${capitalised(spec.noun)} ${node ? 'saved' : 'created'}`, saved.name);
      onClose();
      // The method was chosen by kind, so what it returns is that kind's node.
      onSaved?.(saved as TreeNodeOf<K>);
    };
    if (node) update.mutate({ ...input, id: node.id }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={node ? 'Save' : 'Create'}
      pending={mutation.isPending}
      error={mutation.error}
      fieldNames={FIELDS}
    >
      <HierarchyFields
        values={values}
        onChange={setValues}
        errors={fieldErrorsOf(mutation.error)}
        parentLabel={`Parent ${spec.noun}`}
        parentPlaceholder="None (top level)"
        parentOptions={hierarchyOptions<HierarchyItem>(nodes.data ?? [], node?.id)}
      />
    </FormBody>
  );
}
