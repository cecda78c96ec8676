import { Anchor, Button, Group, Menu } from '@mantine/core';
import { IconBellOff, IconBellRinging, IconCalendarTime } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MuteStatus, SubscriptionTarget } from '../../../main/contract';
import { useCall, useMutate } from '../client/hooks';
import { fieldErrorsOf } from '../components/forms/formErrors';
import { absoluteTime } from '../components/relativeTime';
import { notifyDone, notifyFailed } from '../components/notify';
import { PickTimeModal } from '../notifications/PickTimeModal';
import { toLocalInput } from '../notifications/snoozeTimes';

const DAY_MS = 86_400_000;

/** "Muted until Dec 9, 8:00 AM", "Muted until stock is back". */
export function mutedText(muted: NonNullable<MuteStatus['muted']>): string {
  return muted.untilRestocked ? 'Muted until stock is back' : `Muted until ${absoluteTime(muted.until ?? 0)}`;
}

interface MuteControlProps {
  target: SubscriptionTarget;
  name: string;
  /** A low part can be muted until its stock is back. */
  isLow?: boolean;
}

/**
 * Pausing notifications about a part or category for this person: a menu of how long, or, while
 * muted, what is muted until when (and through which template or category) with the way to unmute.
 */
export function MuteControl({ target, name, isLow = false }: MuteControlProps) {
  const status = useCall('mutes.status', { targets: [target] });
  const set = useMutate('mutes.set');
  const clear = useMutate('mutes.clear');
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState('');
  const muted = status.data?.[0]?.muted ?? null;

  const mute = (choice: { until: number | null; untilRestocked?: boolean }, close?: () => void) =>
    set.mutate(
      { target, until: choice.until, untilRestocked: choice.untilRestocked ?? false },
      {
        onSuccess: (next) => {
          close?.();
          if (next.muted) notifyDone(`${name} muted`, `${mutedText(next.muted)}. You hear nothing about it meanwhile.`);
        },
        onError: (error) => {
          if (!close) notifyFailed(`Could not mute ${name}`, error);
        },
      },
    );

  if (muted) {
    return (
      <Group gap={6} wrap="nowrap">
        <Menu position="bottom-end" withinPortal shadow="md">
          <Menu.Target>
            <Button variant="light" color="gray" leftSection={<IconBellOff size={16} />} aria-label={`${mutedText(muted)}${muted.via ? ` (via ${muted.via.name})` : ''}`}>
              {mutedText(muted)}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {muted.via ? (
              <Menu.Item component={Link} to={muted.via.kind === 'part' ? `/parts/${muted.via.id}` : `/categories/${muted.via.id}`}>
                Muted through {muted.via.name}: open it to unmute
              </Menu.Item>
            ) : (
              <Menu.Item
                leftSection={<IconBellRinging size={15} />}
                onClick={() => clear.mutate({ target }, { onSuccess: () => notifyDone(`${name} unmuted`), onError: (error) => notifyFailed(`Could not unmute ${name}`, error) })}
              >
                Unmute now
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    );
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={240}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBellOff size={16} />}>
            Mute
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label={`Mute ${name}`}>
          <Menu.Label>Hear nothing about {target.kind === 'part' ? 'this part' : 'this category'}</Menu.Label>
          {target.kind === 'part' && isLow && <Menu.Item onClick={() => mute({ until: null, untilRestocked: true })}>Until stock is back</Menu.Item>}
          <Menu.Item onClick={() => mute({ until: Date.now() + DAY_MS })}>For a day</Menu.Item>
          <Menu.Item onClick={() => mute({ until: Date.now() + 7 * DAY_MS })}>For a week</Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconCalendarTime size={15} />}
            onClick={() => {
              set.reset();
              setPicked(toLocalInput(Date.now() + 7 * DAY_MS));
              setPicking(true);
            }}
          >
            Until a date…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <PickTimeModal
        opened={picking}
        onClose={() => setPicking(false)}
        title={`Mute ${name}`}
        explanation={`No notification of any kind about ${name}${target.kind === 'category' ? ' or anything in it' : ''} reaches you until then. Your subscription stays.`}
        label="Muted until"
        submitLabel="Mute"
        value={picked}
        onValue={setPicked}
        error={fieldErrorsOf(set.error).until}
        pending={set.isPending}
        onPick={(at) => mute({ until: at }, () => setPicking(false))}
      />
      {status.isError && (
        <Anchor size="xs" c="red" onClick={() => void status.refetch()}>
          Retry
        </Anchor>
      )}
    </>
  );
}
