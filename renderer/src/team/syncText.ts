import type { SyncStateView } from '../../../main/contract';

/** The header's words for where this desktop stands with its team. */
export function syncText(state: SyncStateView): string {
  switch (state.kind) {
    case 'up-to-date':
      return 'Up to date';
    case 'waiting':
      return state.changes === 1 ? '1 change waiting' : `${state.changes.toLocaleString()} changes waiting`;
    case 'connecting':
      return state.changes > 0 ? `Connecting · ${state.changes.toLocaleString()} waiting` : 'Connecting…';
    case 'offline':
      return `Offline since ${new Date(state.since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
    case 'refused':
      return 'Refused by the team server';
    case 'catching-up':
      return `Catching up ${state.total === 0 ? 0 : Math.floor((state.done / state.total) * 100)}%`;
  }
}

/** What the status means, in a sentence, for the tooltip. */
export function syncExplanation(state: SyncStateView): string {
  switch (state.kind) {
    case 'up-to-date':
      return 'Every change made here is with the team, and this desktop has every change the team made.';
    case 'waiting':
      return 'Changes made here are saved and shown; the team gets them in a moment.';
    case 'connecting':
      return 'Reaching the team server. Everything keeps working here; changes wait until it answers.';
    case 'offline':
      return 'The team server cannot be reached. Everything keeps working here; changes wait and go out when it is back.';
    case 'refused':
      return `The team server no longer accepts this desktop (${state.reason}): an administrator may have removed it from the team, or its credentials changed. Everything keeps working here; ${state.changes.toLocaleString()} changes wait.`;
    case 'catching-up':
      return `Applying ${state.total.toLocaleString()} changes the team made while this desktop was away.`;
  }
}
