import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconMailCheck, IconMailX } from '@tabler/icons-react';
import type { TestEmailResult as Result } from '../../../../main/contract/mail';
import { formAlertOf } from '../../components/forms/formErrors';
import { UntrustedCertificate } from './UntrustedCertificate';

const wrapped = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** How the test email went, in the server's words, with what to do next where there is something. */
export function TestEmailResult({ result, error, onTrusted }: { result: Result | undefined; error: unknown; onTrusted: () => void }) {
  if (error) {
    return (
      <Alert color="red" variant="light" icon={<IconMailX size={18} />} title="The test email was not sent" role="alert">
        {formAlertOf(error, [])}
      </Alert>
    );
  }
  if (!result) return null;
  if (result.delivered) {
    const recipient = result.recipient ?? 'you';
    return result.warning ? (
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={`Test email sent to ${recipient}, but not as set up`} role="status">
        <Text size="sm">{result.message}</Text>
        <Text size="sm" mt={6} style={wrapped}>
          {result.warning}
        </Text>
      </Alert>
    ) : (
      <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />} title={`Test email sent to ${recipient}`} role="status">
        {result.message}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" icon={<IconMailX size={18} />} title="The test email was not sent" role="alert">
        <Text size="sm" style={wrapped}>
          {result.message}
        </Text>
      </Alert>
      {result.untrustedCertificate && <UntrustedCertificate certificate={result.untrustedCertificate} onTrusted={onTrusted} />}
    </Stack>
  );
}
