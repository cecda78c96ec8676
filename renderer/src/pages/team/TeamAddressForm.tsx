import { Alert, Button, Group, PasswordInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { ConfirmActionModal } from '../../components/forms/ConfirmActionModal';
import { notifyDone } from '../../components/notify';

type Way = 'join' | 'found';
const FIELDS = ['servers', 'team', 'desktop', 'user', 'password', 'ca'] as const;

/**
 * Joining a team (this desktop takes the team's inventory) or starting one (this desktop's
 * inventory becomes the team's). Joining replaces what is here, so it asks first.
 */
export function TeamAddressForm() {
  const [way, setWay] = useState<Way>('join');
  const [values, setValues] = useState({ servers: '', team: '', desktop: '', user: '', password: '', ca: '' });
  const [confirming, setConfirming] = useState(false);
  // Joining signs everyone out here (the team's people replace this desktop's), so the form may be
  // gone when the answer comes: the toasts are the mutations' own.
  const join = useMutate('team.join', {
    onSuccess: (status) => notifyDone(`Joined ${status.membership?.team ?? 'the team'}`, 'This desktop now has the team’s inventory. Sign in with your team account.'),
  });
  const found = useMutate('team.found', { onSuccess: (status) => notifyDone(`Team ${status.membership?.team ?? ''} started`, 'Other desktops can join it now.') });
  const call = way === 'join' ? join : found;
  const errors = fieldErrorsOf(call.error);
  const set = (field: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [field]: event.currentTarget.value });

  const submit = () => {
    setConfirming(false);
    call.mutate(values);
  };

  return (
    <Stack gap="md">
      <SegmentedControl
        value={way}
        onChange={(value) => {
          setWay(value as Way);
          join.reset();
          found.reset();
        }}
        data={[
          { value: 'join', label: 'Join a team' },
          { value: 'found', label: 'Start a team from this desktop' },
        ]}
        w="fit-content"
      />
      <Text size="sm" c="dimmed" maw={720}>
        {way === 'join'
          ? 'This desktop takes the team’s inventory, people and notifications, and keeps a full copy that works offline. What is on this desktop now is replaced.'
          : 'This desktop’s inventory becomes the team’s. Other desktops join it with the same server and team name.'}
      </Text>
      {formAlertOf(call.error, FIELDS) && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {formAlertOf(call.error, FIELDS)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={760}>
        <TextInput label="Team server" placeholder="nats://192.168.1.20:4222" description="The NATS server with JetStream your team shares" value={values.servers} onChange={set('servers')} error={errors.servers} required />
        <TextInput label="Team name" placeholder="workshop" description="Letters, digits, dashes and underscores" value={values.team} onChange={set('team')} error={errors.team} required />
        <TextInput label="This desktop's name" placeholder="Stores laptop" description="How the other desktops see this one" value={values.desktop} onChange={set('desktop')} error={errors.desktop} required />
        <div />
        <TextInput label="Server user" description="Leave empty if the server needs none" value={values.user} onChange={set('user')} error={errors.user} autoComplete="off" />
        <PasswordInput label="Server password" description="Kept sealed on this computer" value={values.password} onChange={set('password')} error={errors.password} autoComplete="new-password" />
      </SimpleGrid>
      <Textarea
        label="Server's certificate authority"
        description="Only for a tls:// server whose certificate your organisation signed itself: paste that authority's certificate (PEM). Leave empty for a publicly trusted certificate or no TLS."
        placeholder="-----BEGIN CERTIFICATE-----"
        value={values.ca}
        onChange={set('ca')}
        error={errors.ca}
        autosize
        minRows={2}
        maxRows={8}
        maw={760}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
      />
      <Group>
        <Button loading={call.isPending} onClick={() => (way === 'join' ? setConfirming(true) : submit())}>
          {way === 'join' ? 'Join the team' : 'Start the team'}
        </Button>
      </Group>
      <ConfirmActionModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Join the team?"
        confirmLabel="Join and replace"
        color="orange"
        onConfirm={submit}
      >
        Everything on this desktop (parts, stock, people, notifications) is replaced by the team’s. Back it up first if you may want it later. You will be signed out and sign in with your team account.
      </ConfirmActionModal>
    </Stack>
  );
}
