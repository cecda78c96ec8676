import { Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { absoluteTime, timeUntil } from '../../components/relativeTime';

/** Retries are seconds to minutes away, so the countdown moves every second rather than with the page's 30-second clock. */
const TICK_MS = 1_000;

/** When a waiting email is tried again: "in 30 seconds", "in 2 minutes", "now". */
export function NextTryTime({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Tooltip label={absoluteTime(at)} openDelay={300}>
      <time dateTime={new Date(at).toISOString()}>{timeUntil(at, now)}</time>
    </Tooltip>
  );
}
