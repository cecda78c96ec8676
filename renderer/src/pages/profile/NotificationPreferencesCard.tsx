import { Button, Group, Select, Switch, Table, Text, Tooltip, type SwitchProps } from '@mantine/core';
import { useState } from 'react';
import type { ChannelPreference, MethodOutput } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { formAlertOf } from '../../components/forms/formErrors';
import { notifyDone } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { SectionCard } from '../../components/SectionCard';

type Preference = MethodOutput<'profile.get'>['preferences'][number];

const TIMING = [
  { value: 'immediate', label: 'Immediately' },
  { value: 'digest', label: 'Daily digest' },
];

/** Disabled but on: drawn in the light primary colour so it does not read as "off". */
const ALWAYS_ON: SwitchProps['styles'] = {
  track: { backgroundColor: 'var(--mantine-color-indigo-3)', borderColor: 'var(--mantine-color-indigo-3)', cursor: 'default' },
};

export function NotificationPreferencesCard({ preferences: initial }: { preferences: Preference[] }) {
  const save = useMutate('profile.savePreferences');
  const [preferences, setPreferences] = useState(initial);
  const alert = formAlertOf(save.error, []);

  const change = (kind: Preference['kind'], patch: Partial<ChannelPreference>) =>
    setPreferences((current) => current.map((entry) => (entry.kind === kind ? { ...entry, ...patch } : entry)));

  const submit = () =>
    save.mutate(
      { preferences: preferences.map(({ kind, desktop, email, emailMode }) => ({ kind, desktop, email, emailMode })) },
      { onSuccess: () => notifyDone('Preferences saved') },
    );

  return (
    <SectionCard
      title="Notification preferences"
      description="What you are told about the parts and categories you follow. Every notification appears in Stockbell; choose where else it reaches you."
    >
      {alert && <QueryError error={save.error} title="Could not save preferences" />}
      <Table.ScrollContainer minWidth={620}>
        <Table aria-label="Notification preferences" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Notification</Table.Th>
              <Table.Th ta="center">In app</Table.Th>
              <Table.Th ta="center">Desktop</Table.Th>
              <Table.Th ta="center">Email</Table.Th>
              <Table.Th w={200}>Email timing</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preferences.map((entry) => (
              <Table.Tr key={entry.kind}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {entry.label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="center">
                    <Tooltip label="Always on: everything appears in your inbox" openDelay={300}>
                      <Switch checked disabled readOnly aria-label={`In-app notifications for ${entry.label}`} styles={ALWAYS_ON} />
                    </Tooltip>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group justify="center">
                    <Switch
                      checked={entry.desktop}
                      onChange={(e) => change(entry.kind, { desktop: e.currentTarget.checked })}
                      aria-label={`Desktop notifications for ${entry.label}`}
                    />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group justify="center">
                    <Switch checked={entry.email} onChange={(e) => change(entry.kind, { email: e.currentTarget.checked })} aria-label={`Email for ${entry.label}`} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={TIMING}
                    allowDeselect={false}
                    disabled={!entry.email}
                    value={entry.emailMode}
                    onChange={(value) => value && change(entry.kind, { emailMode: value as ChannelPreference['emailMode'] })}
                    aria-label={`Email timing for ${entry.label}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" mt="md">
        <Button onClick={submit} loading={save.isPending}>
          Save preferences
        </Button>
      </Group>
    </SectionCard>
  );
}
