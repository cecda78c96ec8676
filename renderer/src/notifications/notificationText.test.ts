import { describe, expect, it } from 'vitest';
import { unreadPhrase } from './notificationText';

describe('unreadPhrase', () => {
  it('says none, one, or how many, with thousands separated', () => {
    expect(unreadPhrase(0)).toBe('No unread notifications');
    expect(unreadPhrase(1)).toBe('1 unread notification');
    expect(unreadPhrase(1200)).toBe(`${(1200).toLocaleString()} unread notifications`);
  });
});
