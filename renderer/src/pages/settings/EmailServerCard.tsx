import { Alert, Anchor, Button, Grid, Group, List, NumberInput, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { EmailSettingsView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { notifyDone, notifyFailed } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { PasswordProtectionNote } from './PasswordProtectionNote';
import { securityModes, usualPort } from './securityModes';
import { ServerTrustSection } from './ServerTrustSection';
import { TestEmailResult } from './TestEmailResult';

const FIELDS = ['enabled', 'host', 'port', 'security', 'username', 'password', 'sender', 'instanceName'] as const;

type Security = EmailSettingsView['security'];

export function EmailServerCard({ saved }: { saved: EmailSettingsView }) {
  const update = useMutate('settings.email.update');
  const removePassword = useMutate('settings.email.update');
  const test = useMutate('settings.email.test');
  const errors = fieldErrorsOf(update.error);
  const alert = formAlertOf(update.error, FIELDS);
  const [values, setValues] = useState({
    enabled: saved.enabled,
    host: saved.host,
    port: saved.port as number | string,
    security: saved.security,
    username: saved.username,
    password: '',
    sender: saved.sender,
    instanceName: saved.instanceName,
  });
  const set = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [field]: value }));
  const dirty =
    values.password !== '' ||
    (['enabled', 'host', 'port', 'security', 'username', 'sender', 'instanceName'] as const).some((field) => values[field] !== saved[field]);

  const changeSecurity = (security: Security) =>
    setValues((current) => ({ ...current, security, port: current.port === usualPort(current.security) ? usualPort(security) : current.port }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    test.reset();
    update.mutate(
      // A blank password keeps the stored one; the server's own answer on the test says whether it is right.
      { ...values, port: typeof values.port === 'number' ? values.port : Number.NaN, password: values.password === '' ? null : values.password },
      {
        onSuccess: () => {
          set('password', '');
          notifyDone('Email settings saved');
        },
      },
    );
  };

  const forgetPassword = () =>
    removePassword.mutate(
      { ...saved, password: '' },
      {
        onSuccess: () => notifyDone('Stored password removed'),
        onError: (error) => notifyFailed('Could not remove the password', error),
      },
    );

  return (
    <SectionCard title="Email server" description="Stockbell sends notification emails through this SMTP server. Until it answers, email waits in the outbox.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {alert && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {alert}
            </Alert>
          )}
          <Switch
            label="Send notification emails"
            description="When off, nobody gets email; notifications still appear in Stockbell."
            checked={values.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
            error={errors.enabled}
          />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput
                label="SMTP host"
                placeholder="smtp.example.com"
                autoComplete="off"
                spellCheck={false}
                value={values.host}
                onChange={(e) => set('host', e.currentTarget.value)}
                error={errors.host}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput label="Port" min={1} max={65535} allowDecimal={false} allowNegative={false} hideControls value={values.port} onChange={(value) => set('port', value)} error={errors.port} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label="Security"
                data={securityModes.map(({ value, label }) => ({ value, label }))}
                allowDeselect={false}
                value={values.security}
                onChange={(value) => value && changeSecurity(value as Security)}
                error={errors.security}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <List size="xs" c="dimmed" spacing={2} mt={{ base: 0, sm: 26 }} aria-label="What the security modes mean">
                {securityModes.map((mode) => (
                  <List.Item key={mode.value}>
                    <Text span size="xs" fw={600} c={mode.value === values.security ? 'var(--mantine-color-text)' : 'dimmed'}>
                      {mode.label}:
                    </Text>{' '}
                    {mode.meaning}
                  </List.Item>
                ))}
              </List>
            </Grid.Col>
            {values.security !== 'none' && (
              <Grid.Col span={12}>
                <ServerTrustSection trust={saved.trust} />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Username"
                description="Leave empty if the server needs no sign-in."
                autoComplete="off"
                spellCheck={false}
                value={values.username}
                onChange={(e) => set('username', e.currentTarget.value)}
                error={errors.username}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <PasswordInput
                label="Password"
                description={saved.passwordSet ? 'A password is stored. Leave blank to keep it.' : 'Never shown again once saved.'}
                autoComplete="new-password"
                value={values.password}
                onChange={(e) => set('password', e.currentTarget.value)}
                error={errors.password}
              />
              {saved.passwordProtection.keychain && <PasswordProtectionNote protection={saved.passwordProtection} />}
              {saved.passwordSet && (
                <Anchor component="button" type="button" size="xs" c="red" mt={4} onClick={forgetPassword} disabled={removePassword.isPending}>
                  Remove stored password
                </Anchor>
              )}
            </Grid.Col>
            {!saved.passwordProtection.keychain && (
              <Grid.Col span={12}>
                <PasswordProtectionNote protection={saved.passwordProtection} />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Sender address"
                description="The From address of every email."
                placeholder="stock@example.com"
                type="email"
                value={values.sender}
                onChange={(e) => set('sender', e.currentTarget.value)}
                error={errors.sender}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Instance name"
                description="Starts every subject, so people can tell workshops apart."
                value={values.instanceName}
                onChange={(e) => set('instanceName', e.currentTarget.value)}
                error={errors.instanceName}
              />
            </Grid.Col>
          </Grid>
          {/* Once a certificate is trusted, the test runs again so the next problem (a wrong password) shows at once. */}
          <TestEmailResult result={test.data} error={test.error} onTrusted={() => test.mutate({})} />
          <Group justify="space-between" wrap="wrap-reverse" gap="sm">
            <Text size="xs" c="dimmed">
              {dirty ? 'You have unsaved changes. The test email uses the saved settings.' : 'The test email goes to your own address.'}
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconSend size={16} />}
                onClick={() => test.mutate({})}
                loading={test.isPending}
                disabled={dirty || update.isPending}
              >
                Send test email
              </Button>
              <Button type="submit" loading={update.isPending}>
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
