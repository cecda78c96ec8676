import { describe, expect, it } from 'vitest';
import { syncText } from './syncText';

describe('the header sync status', () => {
  it('says where this desktop stands in a few words', () => {
    expect(syncText({ kind: 'up-to-date' })).toBe('Up to date');
    expect(syncText({ kind: 'waiting', changes: 3 })).toBe('3 changes waiting');
    expect(syncText({ kind: 'waiting', changes: 1 })).toBe('1 change waiting');
    expect(syncText({ kind: 'catching-up', done: 40, total: 100 })).toBe('Catching up 40%');
    expect(syncText({ kind: 'refused', reason: 'Authorization Violation', changes: 2 })).toBe('Refused by the team server');
    expect(syncText({ kind: 'offline', since: new Date(2026, 11, 1, 10, 2).getTime(), changes: 0 })).toMatch(/^Offline since 10:02/);
  });
});
