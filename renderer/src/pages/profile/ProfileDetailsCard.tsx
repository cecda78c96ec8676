import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, '0')}:00` }));

export function ProfileDetailsCard({ profile }: { profile: MethodOutput<'profile.get'> }) {
  const update = useMutate('profile.update');
  const errors = fieldErrorsOf(update.error);
  const alert = formAlertOf(update.error, ['displayName', 'email', 'digestHour']);
  const [displayName, setDisplayName] = useState(profile.user.displayName);
  const [email, setEmail] = useState(profile.user.email ?? '');
  const [digestHour, setDigestHour] = useState(String(profile.digestHour));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate({ displayName, email, digestHour: Number(digestHour) }, { onSuccess: () => notifyDone('Profile saved') });
  };

  return (
    <SectionCard title="Your details" description={`You sign in as ${profile.user.username}.`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {alert && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {alert}
            </Alert>
          )}
          <TextInput label="Display name" autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={errors.displayName} />
          <TextInput
            label="Email"
            description="Where your notification emails go. Leave empty to get none."
            placeholder="name@example.com"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <Select
            label="Daily digest hour"
            description="Notifications you chose to get as a digest arrive in one email at this hour."
            data={HOURS}
            allowDeselect={false}
            maxDropdownHeight={240}
            value={digestHour}
            onChange={(value) => value !== null && setDigestHour(value)}
            error={errors.digestHour}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
