import { readFileSync } from 'node:fs';
import type { Clock } from '../../core/clock';

// End-to-end tests move the headless host's time forward (quiet hours ending, a snooze coming back)
// without waiting for it: with this variable set to a file, the host reads the time as this
// computer's time plus the milliseconds written in that file. The file is read at most every
// 100 ms, and a missing or unreadable file means no offset.

export const OFFSET_CLOCK_VARIABLE = 'STOCKBELL_CLOCK_OFFSET_FILE';

const REREAD_MS = 100;

export function offsetClock(file: string): Clock {
  let offset = 0;
  let readAt = -Infinity;
  return {
    now() {
      const real = Date.now();
      if (real - readAt >= REREAD_MS) {
        readAt = real;
        try {
          const value = Number(readFileSync(file, 'utf8').trim());
          offset = Number.isFinite(value) ? value : 0;
        } catch {
          offset = 0;
        }
      }
      return real + offset;
    },
  };
}

export function offsetClockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock | null {
  const file = env[OFFSET_CLOCK_VARIABLE];
  return file ? offsetClock(file) : null;
}
