import { Alert, Group, Text } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import type { EmailSettingsView } from '../../../../main/contract';

/**
 * How this computer keeps the SMTP password: a quiet line when a keychain guards it, a warning when
 * anyone who can read the data folder could read it. role="note": it is not a live status, and the
 * card's status and alert roles belong to the test email's result.
 */
export function PasswordProtectionNote({ protection }: { protection: EmailSettingsView['passwordProtection'] }) {
  if (protection.keychain) {
    return (
      <Group gap={4} wrap="nowrap" align="flex-start" mt={6} role="note">
        <IconLock size={14} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
        <Text size="xs" c="dimmed">
          {protection.description}
        </Text>
      </Group>
    );
  }
  return (
    <Alert color="yellow" variant="light" icon={<IconLockOpen size={18} />} title="The password is not protected by a keychain" role="note">
      <Text size="sm">{protection.description}</Text>
    </Alert>
  );
}
