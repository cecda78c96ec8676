import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '../../client/callFailure';

interface ConfirmActionModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  /** The way out; never just "Cancel" when the action itself is a cancellation. */
  dismissLabel?: string;
  color?: string;
  pending?: boolean;
  /** The action cannot be taken (the dialog says why). */
  confirmDisabled?: boolean;
  error?: unknown;
  onConfirm: () => void;
}

/** Asks before a consequential action; a refusal from the host stays visible in the dialog. */
export function ConfirmActionModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  dismissLabel = 'Cancel',
  color,
  pending = false,
  confirmDisabled = false,
  error,
  onConfirm,
}: ConfirmActionModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="sm" styles={{ title: { fontWeight: 650, fontSize: 18 } }}>
      <Stack gap="md">
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Text size="sm" component="div">
          {children}
        </Text>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {dismissLabel}
          </Button>
          <Button color={color} loading={pending} disabled={confirmDisabled} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
