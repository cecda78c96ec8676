import { ActionIcon, Button, Menu, Tooltip } from '@mantine/core';
import { IconCalendarTime, IconClockPause } from '@tabler/icons-react';
import { useState, type ReactElement } from 'react';
import type { NotificationView } from '../../../main/contract';
import { useMutate } from '../client/hooks';
import { fieldErrorsOf } from '../components/forms/formErrors';
import { MountOnFirstUse } from '../components/MountOnFirstUse';
import { absoluteTime } from '../components/relativeTime';
import { notifyDone, notifyFailed } from '../components/notify';
import { useNow } from '../components/useNow';
import { PickTimeModal } from './PickTimeModal';
import { snoozeChoices, toLocalInput } from './snoozeTimes';

interface SnoozeMenuProps {
  notification: NotificationView;
  /** The flyout's icon button, or the inbox's labelled one. */
  compact?: boolean;
  /** Called once the snooze is asked for (the row is about to leave the list). */
  onSnoozed?: () => void;
}

/** "Snooze" on one notification: an hour, tomorrow morning, next week, or a date and time. */
export function SnoozeMenu({ notification, compact = false, onSnoozed }: SnoozeMenuProps) {
  const trigger = compact ? (
    <ActionIcon variant="subtle" color="gray" aria-label="Snooze">
      <IconClockPause size={17} />
    </ActionIcon>
  ) : (
    <Button size="compact-xs" variant="default" leftSection={<IconClockPause size={14} />}>
      Snooze
    </Button>
  );
  return (
    <MountOnFirstUse trigger={trigger} popup="menu">
      {(target) => <MountedSnoozeMenu notification={notification} compact={compact} onSnoozed={onSnoozed} target={target} />}
    </MountOnFirstUse>
  );
}

/** The menu itself, with its write and its date picker (closed until chosen), for a row a person has used. */
function MountedSnoozeMenu({ notification, compact, onSnoozed, target }: SnoozeMenuProps & { target: ReactElement }) {
  const snooze = useMutate('notifications.snooze');
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState('');
  // Labels from the minute's clock; each time is worked out again at the click.
  const choices = snoozeChoices(useNow());

  const snoozeUntil = (until: number, close?: () => void) => {
    onSnoozed?.();
    snooze.mutate(
      { ids: [notification.id], until },
      {
        onSuccess: () => {
          close?.();
          notifyDone('Snoozed', `Back in your inbox ${absoluteTime(until)}.`);
        },
        onError: (error) => {
          if (!close) notifyFailed('Could not snooze it', error);
        },
      },
    );
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={260}>
        {/* The tooltip outside the target, so the button itself says it opens a menu. */}
        {compact ? (
          <Tooltip label="Snooze" openDelay={300}>
            <Menu.Target>{target}</Menu.Target>
          </Tooltip>
        ) : (
          <Menu.Target>{target}</Menu.Target>
        )}
        <Menu.Dropdown aria-label={`Snooze ${notification.title}`}>
          <Menu.Label>Snooze until</Menu.Label>
          {choices.map((choice, index) => (
            <Menu.Item key={choice.label} onClick={() => snoozeUntil(snoozeChoices(Date.now())[index]?.until ?? choice.until)}>
              {choice.label}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconCalendarTime size={15} />}
            onClick={() => {
              snooze.reset();
              setPicked(toLocalInput(Date.now() + 3 * 3_600_000));
              setPicking(true);
            }}
          >
            Pick a date and time…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <PickTimeModal
        opened={picking}
        onClose={() => setPicking(false)}
        title="Snooze until"
        explanation={`“${notification.title}” leaves your inbox and the bell until then, and comes back unread.`}
        label="Back at"
        submitLabel="Snooze"
        value={picked}
        onValue={setPicked}
        error={fieldErrorsOf(snooze.error).until}
        pending={snooze.isPending}
        onPick={(at) => snoozeUntil(at, () => setPicking(false))}
      />
    </>
  );
}
