import { Anchor, Paper, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { ForecastSettings } from '../../../../main/contract';
import { useCall } from '../../client/hooks';
import { useCurrentUser } from '../../session/CurrentUser';

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

/** "30 more days", "1 more day". */
function moreDays(count: number): string {
  return count === 1 ? '1 more day' : `${count} more days`;
}

/** How a part gets on the list and how much is suggested, in the administrator's current numbers. */
export function ReorderExplanation() {
  const settings = useCall('forecast.settings.get', {});
  const user = useCurrentUser();
  // Without the numbers the sentence still holds; a failed read is not worth an alert here.
  if (settings.isError) return null;
  if (!settings.data) return <Skeleton height={64} mb="lg" radius="md" />;
  const { windowDays, safetyDays, coverDays }: ForecastSettings = settings.data;

  return (
    <Paper withBorder p="md" mb="lg" radius="md" bg="var(--mantine-color-gray-0)" aria-label="How suggestions are worked out" component="section">
      <Text size="sm" fw={600} mb={4}>
        How the suggestions are worked out
      </Text>
      <Text size="sm" c="dimmed">
        A part is listed when its stock is below its minimum, or when, at its average daily use over the last {days(windowDays)}, it will fall
        below the minimum within its supplier’s lead time plus a {safetyDays}-day safety margin. The suggestion is enough to stay at the minimum
        through the lead time, the margin and {moreDays(coverDays)} of use, less what is in stock and already on order, rounded up to whole packs.
        {user.role === 'admin' && (
          <>
            {' '}
            <Anchor component={Link} to="/settings/notifications" size="sm">
              Change these numbers
            </Anchor>
          </>
        )}
      </Text>
    </Paper>
  );
}
