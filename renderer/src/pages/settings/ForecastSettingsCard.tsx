import { Button, Group, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import type { ForecastSettings } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';

type Field = keyof ForecastSettings;
type Edits = Partial<Record<Field, number | string>>;

const FIELDS: { name: Field; label: string; description: string; min: number; max: number }[] = [
  {
    name: 'windowDays',
    label: 'Average use over (days)',
    description: 'How far back a part’s removals are averaged into its daily use. Longer is steadier; shorter follows changes sooner.',
    min: 14,
    max: 730,
  },
  {
    name: 'safetyDays',
    label: 'Safety margin (days)',
    description: 'Added to the supplier’s lead time: “Will run low” is told this much earlier, and orders cover these days too.',
    min: 0,
    max: 365,
  },
  {
    name: 'coverDays',
    label: 'Order to last (days)',
    description: 'How many days of use a suggested order should cover once it arrives, above the minimum.',
    min: 1,
    max: 730,
  },
];

/** The usage forecast's numbers, behind "Will run low" and the reorder list's suggestions. */
export function ForecastSettingsCard() {
  const saved = useCall('forecast.settings.get', {});
  const save = useMutate('forecast.settings.update');
  const [edits, setEdits] = useState<Edits>({});
  const errors = fieldErrorsOf(save.error);
  const alert = formAlertOf(save.error, FIELDS.map((field) => field.name));
  const valueOf = (name: Field) => edits[name] ?? saved.data?.[name] ?? '';
  const changed = saved.data !== undefined && FIELDS.some(({ name }) => valueOf(name) !== saved.data?.[name]);
  // An emptied field goes as NaN, so the host answers it with its own sentence rather than a zero.
  const asNumber = (name: Field) => {
    const value = valueOf(name);
    return typeof value === 'number' ? value : value === '' ? Number.NaN : Number(value);
  };

  const submit = () =>
    save.mutate(
      { windowDays: asNumber('windowDays'), safetyDays: asNumber('safetyDays'), coverDays: asNumber('coverDays') },
      {
        onSuccess: () => {
          setEdits({});
          notifyDone('Forecast settings saved', 'Every part’s forecast has been worked out again with them.');
        },
      },
    );

  return (
    <SectionCard
      title="Usage forecast"
      description="Stockbell averages each part’s use to tell followers when it will run low before a new order could arrive, and to suggest how much to reorder."
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {FIELDS.map((field) => (
          <NumberInput
            key={field.name}
            label={field.label}
            description={field.description}
            min={field.min}
            max={field.max}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={valueOf(field.name)}
            onChange={(value) => setEdits((current) => ({ ...current, [field.name]: value }))}
            error={errors[field.name]}
            disabled={!saved.data}
            // Description under the input, so the three inputs line up whatever each says.
            inputWrapperOrder={['label', 'input', 'error', 'description']}
          />
        ))}
      </SimpleGrid>
      <Group justify="space-between" mt="md">
        <Text size="sm" c="red" role={alert ? 'alert' : undefined}>
          {alert}
        </Text>
        <Button loading={save.isPending} disabled={!changed} onClick={submit}>
          Save
        </Button>
      </Group>
    </SectionCard>
  );
}
