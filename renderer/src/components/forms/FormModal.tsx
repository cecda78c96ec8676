import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { formAlertOf } from './formErrors';

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  /** The form body; mounted only while open so each opening starts from fresh values. */
  children: ReactNode;
}

export function FormModal({ opened, onClose, title, size = 'md', children }: FormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} styles={{ title: { fontWeight: 650, fontSize: 18 } }}>
      {children}
    </Modal>
  );
}

interface FormBodyProps {
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel: string;
  submitColor?: string;
  pending: boolean;
  error: unknown;
  /** The inputs this form shows, so an error for one of them appears beside it rather than in the alert. */
  fieldNames: readonly string[];
  children: ReactNode;
}

export function FormBody({ onSubmit, onCancel, submitLabel, submitColor, pending, error, fieldNames, children }: FormBodyProps) {
  const alert = formAlertOf(error, fieldNames);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {alert && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {alert}
          </Alert>
        )}
        {children}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending} color={submitColor}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
