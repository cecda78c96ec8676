import { Select, TextInput, Textarea } from '@mantine/core';
import { TREE_SELECT_LIMIT } from '../hierarchy';

export interface HierarchyValues {
  name: string;
  description: string;
  parentId: string | null;
}

interface HierarchyFieldsProps {
  values: HierarchyValues;
  onChange: (values: HierarchyValues) => void;
  errors: Record<string, string>;
  parentLabel: string;
  parentOptions: { value: string; label: string }[];
  parentPlaceholder: string;
}

/** Name, description and parent: the shape shared by categories and locations. */
export function HierarchyFields({ values, onChange, errors, parentLabel, parentOptions, parentPlaceholder }: HierarchyFieldsProps) {
  return (
    <>
      <TextInput
        label="Name"
        withAsterisk
        data-autofocus
        value={values.name}
        onChange={(event) => onChange({ ...values, name: event.currentTarget.value })}
        error={errors.name}
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxRows={6}
        value={values.description}
        onChange={(event) => onChange({ ...values, description: event.currentTarget.value })}
        error={errors.description}
      />
      <Select
        label={parentLabel}
        placeholder={parentPlaceholder}
        data={parentOptions}
        limit={TREE_SELECT_LIMIT}
        value={values.parentId}
        onChange={(parentId) => onChange({ ...values, parentId })}
        searchable
        clearable
        nothingFoundMessage="No match"
        error={errors.parentId}
        comboboxProps={{ withinPortal: true }}
      />
    </>
  );
}
