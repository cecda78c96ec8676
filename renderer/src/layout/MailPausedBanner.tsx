import { Alert, Anchor, Text } from '@mantine/core';
import { IconMailPause } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { useCall } from '../client/hooks';
import { useCurrentUser } from '../session/CurrentUser';

/** The outbox lives in the host and changes without a push event, so this one read polls. */
const POLL_MS = 30_000;
const OUTBOX_SETTINGS = '/settings/notifications';

/** Email that cannot go out waits in the outbox; say so everywhere, so nobody relies on an alert that is stuck. */
export function MailPausedBanner() {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const status = useCall('mail.status', {}, { refetchInterval: POLL_MS, staleTime: POLL_MS });
  if (!status.data?.paused) return null;
  const { waiting, lastError } = status.data;

  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconMailPause size={18} />}
      title={`Email paused: ${waiting.toLocaleString()} waiting`}
      mb="lg"
      role="status"
    >
      <Text size="sm">{lastError ?? 'The mail server has not accepted email yet. It will be sent once it does.'}</Text>
      {user.role === 'admin' && pathname !== OUTBOX_SETTINGS && (
        <Anchor component={Link} to={OUTBOX_SETTINGS} size="sm" fw={500} mt={4} display="inline-block">
          Open outbox settings
        </Anchor>
      )}
    </Alert>
  );
}
