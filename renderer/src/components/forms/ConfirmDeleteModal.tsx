import { Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { FormBody, FormModal } from './FormModal';

interface ConfirmDeleteModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will be lost, in a sentence. */
  message: string;
  onConfirm: () => void;
  mutation: Pick<UseMutationResult<unknown, unknown, never>, 'isPending' | 'error'>;
}

/** Asks before deleting; a refusal from the host (for example "has parts") stays visible in the dialog. */
export function ConfirmDeleteModal({ opened, onClose, title, message, onConfirm, mutation }: ConfirmDeleteModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={title} size="sm">
      <FormBody onSubmit={onConfirm} onCancel={onClose} submitLabel="Delete" submitColor="red" pending={mutation.isPending} error={mutation.error} fieldNames={[]}>
        <Text size="sm">{message}</Text>
      </FormBody>
    </FormModal>
  );
}
