import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchClockJumps } from './clockJumps';

afterEach(() => vi.useRealTimers());

describe('watching for clock jumps', () => {
  it('tells when the clock moves unlike elapsed time, and not while they agree', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    let offset = 0;
    const clock = { now: () => performance.now() + 1_000_000 + offset };
    const onJump = vi.fn();
    const stop = watchClockJumps(clock, onJump, { everyMs: 1000, toleranceMs: 500 });
    vi.advanceTimersByTime(5000);
    expect(onJump).not.toHaveBeenCalled();
    // Put forward two hours (or woken from sleep): noticed at the next check, once.
    offset += 2 * 3_600_000;
    vi.advanceTimersByTime(1000);
    expect(onJump).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(onJump).toHaveBeenCalledTimes(1);
    // Set back: noticed too.
    offset -= 60_000;
    vi.advanceTimersByTime(1000);
    expect(onJump).toHaveBeenCalledTimes(2);
    stop();
  });
});
