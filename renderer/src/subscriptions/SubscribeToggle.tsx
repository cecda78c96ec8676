import { ActionIcon, Anchor, Group, Loader, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconBell, IconBellFilled } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { SubscriptionStatus, SubscriptionTarget } from '../../../main/contract';
import { useMutate } from '../client/hooks';
import { notifyDone, notifyFailed } from '../components/notify';
import { TooltipOnFirstUse } from '../components/TooltipOnFirstUse';
import { targetKey, useSubscriptionStatuses } from './useSubscriptionStatuses';

interface SubscribeToggleProps {
  target: SubscriptionTarget;
  /** What the person sees this as, for the tooltip ("R 10k", "Resistors"). */
  name: string;
}

function viaLink(via: NonNullable<SubscriptionStatus['via']>, target: SubscriptionTarget): string {
  // A group's subscription to this very page: the home page lists it, with the way to leave it.
  if (via.group && via.kind === target.kind && via.id === target.id) return '/';
  return via.kind === 'part' ? `/parts/${via.id}` : `/categories/${via.id}`;
}

/** "group Purchasing", or "group Purchasing (Passives)" when the group follows something above this. */
function viaText(via: NonNullable<SubscriptionStatus['via']>, target: SubscriptionTarget): string {
  if (!via.group) return via.name;
  const self = via.kind === target.kind && via.id === target.id;
  return self ? `group ${via.group.name}` : `group ${via.group.name} (${via.name})`;
}

function tooltipOf(status: SubscriptionStatus, name: string): string {
  const via = status.via && viaText(status.via, status.target);
  if (status.direct && via) return `Subscribed to ${name}. Unsubscribing leaves you covered through ${via}.`;
  if (status.direct) return `Subscribed to ${name}. Click to unsubscribe.`;
  if (via) return `Subscribed via ${via}. Click to also subscribe to ${name} yourself.`;
  return `Subscribe to notifications about ${name}`;
}

/** On a part's or category's own page: the bell, with this person's status looked up for it alone. */
export function SubscribeToggle({ target, name }: SubscribeToggleProps) {
  const status = useSubscriptionStatuses([target]).byTarget.get(targetKey(target));
  if (!status) return <Loader size={18} aria-label="Loading subscription" />;
  return <SubscribeBell status={status} name={name} />;
}

interface SubscribeBellProps {
  /** This person's coverage, from the page's lookup or a table's one batched lookup. */
  status: SubscriptionStatus;
  name: string;
  /** In table rows: the "Subscribed via" explanation moves into the tooltip. */
  compact?: boolean;
}

/**
 * The bell that subscribes this person to a part or category, for a status already looked up (a table
 * has one per row, from its one batched lookup). Pressed whenever they are covered, directly or through
 * a template or parent category; clicking changes only the direct subscription.
 */
export function SubscribeBell({ status: current, name, compact = false }: SubscribeBellProps) {
  const target = current.target;
  const subscribe = useMutate('subscriptions.subscribe');
  const unsubscribe = useMutate('subscriptions.unsubscribe');
  const queryClient = useQueryClient();

  const pending = subscribe.isPending || unsubscribe.isPending;
  // While the call runs, show what it will do: the direct flag flips, inherited coverage stays.
  const status: SubscriptionStatus = pending ? { ...current, direct: subscribe.isPending } : current;
  const covered = status.direct || status.via !== null;
  const inheritedOnly = !status.direct && status.via !== null;

  // Lookups that include this target show the answer at once; all of them (pages not on screen too)
  // stay marked stale, because what they inherit through this target has changed as well.
  const remember = (next: SubscriptionStatus) => {
    queryClient.setQueriesData<SubscriptionStatus[]>({ queryKey: ['subscriptions.status'] }, (old) =>
      old?.some((entry) => targetKey(entry.target) === targetKey(next.target))
        ? old.map((entry) => (targetKey(entry.target) === targetKey(next.target) ? next : entry))
        : undefined,
    );
    void queryClient.invalidateQueries({ queryKey: ['subscriptions.status'] });
  };

  const toggle = () => {
    if (pending) return;
    if (current.direct) {
      unsubscribe.mutate(target, {
        onSuccess: (next) => {
          remember(next);
          if (next.via) notifyDone(`Unsubscribed from ${name}`, `You still get notifications through ${viaText(next.via, target)}.`);
        },
        onError: (error) => notifyFailed(`Could not unsubscribe from ${name}`, error),
      });
    } else {
      subscribe.mutate(target, {
        onSuccess: remember,
        onError: (error) => notifyFailed(`Could not subscribe to ${name}`, error),
      });
    }
  };

  const bell = (
    <TooltipOnFirstUse label={tooltipOf(status, name)} openDelay={250} multiline maw={280}>
      <ActionIcon
        // Direct: tinted; inherited: a filled bell without the tint; not covered: a grey outline.
        variant={status.direct ? 'light' : 'subtle'}
        color={covered ? 'indigo' : 'gray'}
        size={compact ? 'md' : 'lg'}
        aria-label="Subscribe to notifications"
        aria-pressed={covered}
        onClick={(event) => {
          event.stopPropagation();
          toggle();
        }}
      >
        {covered ? <IconBellFilled size={compact ? 16 : 19} /> : <IconBell size={compact ? 16 : 19} stroke={1.7} />}
      </ActionIcon>
    </TooltipOnFirstUse>
  );

  if (compact || !inheritedOnly || !status.via) return bell;
  return (
    <Group gap={6} wrap="nowrap">
      {bell}
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={viaLink(status.via, target)} inherit onClick={(event) => event.stopPropagation()}>
          Subscribed via {viaText(status.via, target)}
        </Anchor>
      </Text>
    </Group>
  );
}
