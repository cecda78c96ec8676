import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';

type QuietHours = NonNullable<MethodOutput<'profile.get'>['quietHours']>;

const thisComputersZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const ZONES: string[] = (() => {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([thisComputersZone, 'UTC', ...supported])];
})();

/**
 * Quiet hours: in-app notifications arrive as always, but OS banners and immediate emails wait
 * and come as one summary when the hours end. Read in the person's own time zone.
 */
export function QuietHoursCard({ quietHours }: { quietHours: QuietHours | null }) {
  const save = useMutate('profile.setQuietHours');
  const [on, setOn] = useState(quietHours !== null);
  const [rule, setRule] = useState<QuietHours>(quietHours ?? { start: '19:00', end: '07:30', weekends: true, timeZone: thisComputersZone });
  const errors = fieldErrorsOf(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { quietHours: on ? rule : null },
      { onSuccess: (saved) => notifyDone(saved.quietHours ? 'Quiet hours saved' : 'Quiet hours off', saved.quietHours ? `From ${saved.quietHours.start} to ${saved.quietHours.end}${saved.quietHours.weekends ? ', and weekends' : ''}.` : undefined) },
    );
  };

  return (
    <SectionCard title="Quiet hours">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Notifications still arrive in your inbox, but desktop banners and immediate emails wait and come as one summary when your quiet hours end.
          </Text>
          <Switch label="Quiet hours" checked={on} onChange={(event) => setOn(event.currentTarget.checked)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput type="time" label="From" value={rule.start} onChange={(event) => setRule({ ...rule, start: event.currentTarget.value })} error={errors['quietHours.start']} disabled={!on} />
            <TextInput type="time" label="Until" value={rule.end} onChange={(event) => setRule({ ...rule, end: event.currentTarget.value })} error={errors['quietHours.end']} disabled={!on} />
            <Select
              label="Time zone"
              data={ZONES}
              value={rule.timeZone}
              onChange={(value) => setRule({ ...rule, timeZone: value ?? thisComputersZone })}
              searchable
              allowDeselect={false}
              error={errors['quietHours.timeZone']}
              disabled={!on}
            />
          </SimpleGrid>
          <Checkbox label="All of Saturday and Sunday too" checked={rule.weekends} onChange={(event) => setRule({ ...rule, weekends: event.currentTarget.checked })} disabled={!on} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save quiet hours
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
