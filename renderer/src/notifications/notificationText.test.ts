import { describe, expect, it } from 'vitest';
import { messageWithoutReason } from './notificationText';

describe('messageWithoutReason', () => {
  it('takes the reason sentence off the end of the message, so it reads once on its own line', () => {
    const reason = 'You follow the category Passives.';
    expect(messageWithoutReason({ message: `R-10k is down to 3, below its minimum of 10. ${reason}`, reason })).toBe(
      'R-10k is down to 3, below its minimum of 10.',
    );
  });

  it('leaves a message that does not end with the reason as it is', () => {
    expect(messageWithoutReason({ message: 'BO-0004 was completed.', reason: 'You follow this part.' })).toBe('BO-0004 was completed.');
  });
});
