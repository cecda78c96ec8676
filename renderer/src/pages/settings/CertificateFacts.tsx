import { ActionIcon, Badge, Box, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CertificateView } from '../../../../main/contract/mail';
import { useNow } from '../../components/useNow';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" pt={3} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Box component="dd" m={0} fz="sm" style={{ minWidth: 0 }}>
        {children}
      </Box>
    </>
  );
}

/** Who a certificate is for, who vouches for it, how long, and the fingerprint to compare with the server's. */
export function CertificateFacts({ certificate }: { certificate: CertificateView }) {
  const now = useNow();
  const expired = certificate.validTo < now;
  return (
    <Box
      component="dl"
      m={0}
      style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 'var(--mantine-spacing-lg)', rowGap: 'var(--mantine-spacing-xs)' }}
    >
      <Fact label="Issued to">{certificate.subject}</Fact>
      <Fact label="Issued by">
        {certificate.selfSigned ? (
          <Group gap={6}>
            <span>Itself</span>
            <Badge size="xs" variant="light" color="gray">
              self-signed
            </Badge>
          </Group>
        ) : (
          certificate.issuer
        )}
      </Fact>
      {certificate.names.length > 0 && <Fact label="For">{certificate.names.join(', ')}</Fact>}
      <Fact label="Valid">
        {day.format(certificate.validFrom)} to {day.format(certificate.validTo)}
        {expired && (
          <Badge ml={6} size="xs" color="red" variant="light">
            expired
          </Badge>
        )}
      </Fact>
      <Fact label="SHA-256">
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {certificate.fingerprint256}
          </Text>
          <CopyButton value={certificate.fingerprint256}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy fingerprint'} withArrow>
                <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label="Copy fingerprint">
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Fact>
    </Box>
  );
}
