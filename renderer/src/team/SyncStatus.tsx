import { Badge, Tooltip } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudUp, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { SyncStateView } from '../../../main/contract';
import { useCall } from '../client/hooks';
import { useCurrentUser } from '../session/CurrentUser';
import { syncExplanation, syncText } from './syncText';

const looks: Record<SyncStateView['kind'], { color: string; icon: typeof IconCloudCheck }> = {
  'up-to-date': { color: 'teal', icon: IconCloudCheck },
  waiting: { color: 'yellow', icon: IconCloudUp },
  connecting: { color: 'gray', icon: IconRefresh },
  offline: { color: 'orange', icon: IconCloudOff },
  'catching-up': { color: 'blue', icon: IconRefresh },
};

/** In a team, where this desktop stands with it; nothing at all for a desktop on its own. */
export function SyncStatus() {
  const status = useCall('team.status', {});
  const isAdmin = useCurrentUser().role === 'admin';
  const sync = status.data?.sync;
  if (!status.data?.membership || !sync) return null;
  const look = looks[sync.kind];
  const Icon = look.icon;
  const props = {
    variant: 'light',
    color: look.color,
    size: 'lg',
    radius: 'sm',
    tt: 'none',
    fw: 500,
    leftSection: <Icon size={15} aria-hidden="true" />,
    role: 'status',
    'aria-label': `Team ${status.data.membership.team}: ${syncText(sync)}`,
  } as const;
  return (
    <Tooltip label={syncExplanation(sync)} multiline maw={300} openDelay={300}>
      {isAdmin ? (
        <Badge {...props} component={Link} to="/settings/team" style={{ cursor: 'pointer' }}>
          {syncText(sync)}
        </Badge>
      ) : (
        <Badge {...props}>{syncText(sync)}</Badge>
      )}
    </Tooltip>
  );
}
