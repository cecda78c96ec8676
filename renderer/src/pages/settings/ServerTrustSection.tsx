import { Anchor, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconBuildingBank, IconShieldCheck, IconWorld } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ServerTrustView } from '../../../../main/contract/mail';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { notifyDone, notifyFailed } from '../../components/notify';
import { CertificateFacts } from './CertificateFacts';

function TrustPanel({ icon, title, children, action }: { icon: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {icon}
          <Text size="sm" fw={600}>
            {title}
          </Text>
        </Group>
        {action}
      </Group>
      {children && (
        <Stack gap="sm" mt="sm">
          {children}
        </Stack>
      )}
    </Paper>
  );
}

/** A pasted CA certificate, for relays whose certificate an organisation's own authority issued. */
function AuthorityForm({ onDone }: { onDone: () => void }) {
  const trust = useMutate('settings.email.trust');
  const [pem, setPem] = useState('');
  const submit = () =>
    trust.mutate(
      { kind: 'authority', pem },
      {
        onSuccess: () => {
          notifyDone('Certificate authority trusted', 'Send a test email to check the connection.');
          onDone();
        },
      },
    );
  return (
    <Stack gap="xs">
      <Textarea
        label="Certificate authority (PEM)"
        description="Certificates this authority issued are accepted for the SMTP host name above, in place of the public authorities."
        placeholder={'-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----'}
        autosize
        minRows={4}
        maxRows={10}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        value={pem}
        onChange={(event) => setPem(event.currentTarget.value)}
        error={fieldErrorsOf(trust.error).pem ?? formAlertOf(trust.error, ['pem'])}
      />
      <Group gap="sm">
        <Button size="xs" onClick={submit} loading={trust.isPending}>
          Trust this authority
        </Button>
        <Button size="xs" variant="default" onClick={onDone} disabled={trust.isPending}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

/** Which certificates the mail server may present, and the way back to the computer's own authorities. */
export function ServerTrustSection({ trust }: { trust: ServerTrustView }) {
  const reset = useMutate('settings.email.trust');
  const [pasting, setPasting] = useState(false);
  const removeTrust = () =>
    reset.mutate(
      { kind: 'system' },
      { onSuccess: () => notifyDone('Trust removed', 'Certificates are checked against the authorities this computer trusts.'), onError: (error) => notifyFailed('Could not remove the trust', error) },
    );
  const remove = (
    <Button size="compact-xs" variant="subtle" color="red" onClick={removeTrust} loading={reset.isPending}>
      Remove trust
    </Button>
  );

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Server certificate
      </Text>
      {trust.kind === 'certificate' && (
        <TrustPanel icon={<IconShieldCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />} title="Only this certificate is accepted" action={remove}>
          <CertificateFacts certificate={trust.certificate} />
        </TrustPanel>
      )}
      {trust.kind === 'authority' && (
        <TrustPanel
          icon={<IconBuildingBank size={18} color="var(--mantine-color-teal-7)" aria-hidden />}
          title={trust.certificates.length === 1 ? 'Certificates from your certificate authority are accepted' : `Certificates from your ${trust.certificates.length} certificate authorities are accepted`}
          action={remove}
        >
          {trust.certificates.map((certificate) => (
            <CertificateFacts key={certificate.fingerprint256} certificate={certificate} />
          ))}
        </TrustPanel>
      )}
      {trust.kind === 'system' && (
        <TrustPanel icon={<IconWorld size={18} color="var(--mantine-color-dimmed)" aria-hidden />} title="Checked against the public certificate authorities this computer trusts">
          {pasting ? (
            <AuthorityForm onDone={() => setPasting(false)} />
          ) : (
            <Text size="xs" c="dimmed">
              For a relay with a certificate it made itself, send a test email: Stockbell shows the certificate and lets you trust it. If your organisation
              has its own certificate authority,{' '}
              <Anchor component="button" type="button" size="xs" onClick={() => setPasting(true)}>
                paste its certificate
              </Anchor>
              .
            </Text>
          )}
        </TrustPanel>
      )}
    </Stack>
  );
}
