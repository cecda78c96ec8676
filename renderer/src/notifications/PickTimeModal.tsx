import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { fromLocalInput } from './snoozeTimes';

interface PickTimeModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What happens at the chosen time, in a sentence. */
  explanation: ReactNode;
  label: string;
  submitLabel: string;
  /** The field's value, as a datetime-local input holds it. */
  value: string;
  onValue: (value: string) => void;
  /** The core's word on the time, if it refused it. */
  error?: string;
  pending: boolean;
  onPick: (at: number) => void;
}

/** A date and time in the person's own clock, for a snooze or a mute; checked here and by the core. */
export function PickTimeModal({ opened, onClose, title, explanation, label, submitLabel, value, onValue, error, pending, onPick }: PickTimeModalProps) {
  const picked = fromLocalInput(value);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        // Checked here and by the core, with our words rather than the browser's.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (picked !== null) onPick(picked);
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {explanation}
          </Text>
          <TextInput
            type="datetime-local"
            label={label}
            value={value}
            onChange={(event) => onValue(event.currentTarget.value)}
            error={error ?? (value && picked === null ? 'Enter a date and time that exists here' : undefined)}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={picked === null}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
