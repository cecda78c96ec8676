import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCertificate, IconShieldCheck } from '@tabler/icons-react';
import { useId } from 'react';
import type { PresentedCertificate } from '../../../../main/contract/mail';
import { useMutate } from '../../client/hooks';
import { formAlertOf } from '../../components/forms/formErrors';
import { CertificateFacts } from './CertificateFacts';

/**
 * The certificate the mail server presented and this computer did not accept, with the one safe way
 * on: trust exactly this certificate, after comparing its fingerprint with the server's.
 */
export function UntrustedCertificate({ certificate, onTrusted }: { certificate: PresentedCertificate; onTrusted: () => void }) {
  const trust = useMutate('settings.email.trust');
  const headingId = useId();
  const problem = formAlertOf(trust.error, []);

  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={headingId} bg="var(--mantine-color-body)">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconCertificate size={20} color="var(--mantine-color-orange-7)" aria-hidden style={{ flexShrink: 0 }} />
          <Title order={3} fz="sm" id={headingId}>
            The certificate the mail server presented
          </Title>
        </Group>
        <CertificateFacts certificate={certificate} />
        {certificate.canTrust ? (
          <>
            <Text size="sm" c="dimmed">
              Trusting it means Stockbell sends mail to this server only while it presents exactly this certificate; any other certificate is refused. Before
              you trust it, check that this fingerprint matches your mail server&apos;s certificate (on the server,{' '}
              <Code fz="xs">openssl x509 -noout -fingerprint -sha256 -in cert.pem</Code> prints it).
            </Text>
            {problem && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} p="xs">
                {problem}
              </Alert>
            )}
            <Group>
              <Button
                leftSection={<IconShieldCheck size={16} />}
                color="orange"
                loading={trust.isPending}
                onClick={() => trust.mutate({ kind: 'certificate', fingerprint256: certificate.fingerprint256 }, { onSuccess: onTrusted })}
              >
                Trust this certificate
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            It cannot be trusted on its own: the server did not send the authority that issued it.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
