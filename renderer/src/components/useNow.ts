import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: number | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = window.setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

function snapshot(): number {
  // Before the first subscriber starts the timer, the module-load time may be long gone.
  if (timer === undefined && Date.now() - now >= 1000) now = Date.now();
  return now;
}

/** The current time, shared by every relative time on screen and refreshed every 30 s so "just now" ages. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
