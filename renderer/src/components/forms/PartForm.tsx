import { Group, Select, SimpleGrid, Switch, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PartRow } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { hierarchyOptions, TREE_SELECT_LIMIT } from '../hierarchy';
import { notifyDone } from '../notify';
import { fieldErrorsOf } from './formErrors';
import { FormBody, FormModal } from './FormModal';
import { PartSelect } from './PartSelect';

const FIELDS = ['name', 'ipn', 'description', 'categoryId', 'variantOfId', 'isTemplate', 'isAssembly', 'active', 'minimumStock', 'units'] as const;

export interface PartDefaults {
  categoryId?: number | null;
  variantOfId?: number | null;
}

interface PartFormProps {
  opened: boolean;
  onClose: () => void;
  /** Edit this part; without it the form creates one. */
  part?: PartRow;
  defaults?: PartDefaults;
  onSaved?: (part: PartRow) => void;
}

export function PartFormModal(props: PartFormProps) {
  const title = props.part ? 'Edit part' : props.defaults?.variantOfId ? 'New variant' : 'New part';
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={title} size="lg">
      <PartForm {...props} />
    </FormModal>
  );
}

function PartForm({ onClose, part, defaults, onSaved }: PartFormProps) {
  const categories = useCall('categories.list', {});
  const create = useMutate('parts.create');
  const update = useMutate('parts.update');
  const mutation = part ? update : create;
  const errors = fieldErrorsOf(mutation.error);

  const [name, setName] = useState(part?.name ?? '');
  const [ipn, setIpn] = useState(part?.ipn ?? '');
  const [description, setDescription] = useState(part?.description ?? '');
  const [categoryId, setCategoryId] = useState<string | null>(idText(part ? part.categoryId : defaults?.categoryId));
  const [variantOfId, setVariantOfId] = useState<number | null>(part ? part.variantOfId : (defaults?.variantOfId ?? null));
  const [isTemplate, setIsTemplate] = useState(part?.isTemplate ?? false);
  const [isAssembly, setIsAssembly] = useState(part?.isAssembly ?? false);
  const [active, setActive] = useState(part?.active ?? true);
  const [minimumStock, setMinimumStock] = useState(part?.minimumStock ?? '0');
  const [units, setUnits] = useState(part?.units ?? '');

  const submit = () => {
    const input = {
      name,
      ipn: ipn.trim() ? ipn : null,
      description,
      categoryId: categoryId ? Number(categoryId) : null,
      variantOfId,
      isTemplate,
      isAssembly,
      active,
      // Sent as typed: the host parses decimals exactly and explains what is wrong.
      minimumStock: minimumStock.trim() === '' ? '0' : minimumStock,
      units,
    };
    const done = (saved: PartRow) => {
      notifyDone(part ? 'Part saved' : 'Part created', saved.name);
      onClose();
      onSaved?.(saved);
    };
    if (part) update.mutate({ ...input, id: part.id }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={part ? 'Save' : 'Create'}
      pending={mutation.isPending}
      error={mutation.error}
      fieldNames={FIELDS}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label="Name" withAsterisk data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TextInput
          label="IPN"
          description="Internal part number"
          value={ipn}
          onChange={(e) => setIpn(e.currentTarget.value)}
          error={errors.ipn}
        />
      </SimpleGrid>
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxRows={6}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Category"
          placeholder="No category"
          data={hierarchyOptions(categories.data ?? [])}
          limit={TREE_SELECT_LIMIT}
          value={categoryId}
          onChange={setCategoryId}
          searchable
          clearable
          nothingFoundMessage="No match"
          error={errors.categoryId}
        />
        <PartSelect
          label="Variant of"
          placeholder="Not a variant"
          value={variantOfId}
          onChange={setVariantOfId}
          excludeId={part?.id}
          error={errors.variantOfId}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Minimum stock"
          description="Subscribers hear when stock falls below this (a new part with no stock yet does not alert)"
          inputMode="decimal"
          value={minimumStock}
          onChange={(e) => setMinimumStock(e.currentTarget.value)}
          error={errors.minimumStock}
        />
        <TextInput
          label="Units"
          description="For example pcs, m or kg"
          value={units}
          onChange={(e) => setUnits(e.currentTarget.value)}
          error={errors.units}
        />
      </SimpleGrid>
      <Group gap="xl" mt={4}>
        <Switch label="Is template" checked={isTemplate} onChange={(e) => setIsTemplate(e.currentTarget.checked)} error={errors.isTemplate} />
        <Switch label="Is assembly" checked={isAssembly} onChange={(e) => setIsAssembly(e.currentTarget.checked)} error={errors.isAssembly} />
        <Switch
          label="Active"
          description="Inactive parts never alert. Turned back on while below the minimum, a part shows as low and alerts again once stock has been back at the minimum."
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          error={errors.active}
        />
      </Group>
    </FormBody>
  );
}

function idText(id: number | null | undefined): string | null {
  return id ? String(id) : null;
}
