import type { Clock } from './clock';

/**
 * Calls `onJump` when the time the core reads moves differently from the time that really passed:
 * the computer woke from sleep, or its clock was set. Timers wait in elapsed time, so something due
 * at a wall-clock time (a snooze's end, quiet hours ending, a retry) is looked at again at once
 * instead of at the next hourly check.
 */
export function watchClockJumps(clock: Clock, onJump: () => void, options: { everyMs?: number; toleranceMs?: number } = {}): () => void {
  const everyMs = options.everyMs ?? 5_000;
  const toleranceMs = options.toleranceMs ?? 2_000;
  let lastWall = clock.now();
  let lastElapsed = performance.now();
  const timer = setInterval(() => {
    const wall = clock.now();
    const elapsed = performance.now();
    const drift = wall - lastWall - (elapsed - lastElapsed);
    lastWall = wall;
    lastElapsed = elapsed;
    if (Math.abs(drift) > toleranceMs) onJump();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
