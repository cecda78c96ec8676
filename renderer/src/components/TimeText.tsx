import { absoluteTime, relativeTime } from './relativeTime';
import { TooltipOnFirstUse } from './TooltipOnFirstUse';
import { useNow } from './useNow';

/** Relative time for scanning ("3 hours ago"), the exact time on hover and in the markup. */
export function TimeText({ value }: { value: number }) {
  const now = useNow();
  return (
    <TooltipOnFirstUse label={absoluteTime(value)} openDelay={300}>
      <time dateTime={new Date(value).toISOString()} style={{ whiteSpace: 'nowrap' }}>{relativeTime(value, now)}</time>
    </TooltipOnFirstUse>
  );
}
