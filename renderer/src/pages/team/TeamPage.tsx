import { useCall } from '../../client/hooks';
import { QueryError } from '../../components/QueryError';
import { SectionCard } from '../../components/SectionCard';
import { TableSkeleton } from '../../components/TableSkeleton';
import { SettingsPageHeader } from '../settings/SettingsPageHeader';
import { TeamAddressForm } from './TeamAddressForm';
import { TeamMembershipCard } from './TeamMembershipCard';

/** Settings > Team: share one inventory between several desktops, each with a full offline copy. */
export function TeamPage() {
  const status = useCall('team.status', {});
  return (
    <>
      <SettingsPageHeader
        title="Team"
        description="Several desktops can share one inventory through a NATS JetStream server. Each keeps a complete copy that works with no network, and catches up when it reconnects."
      />
      {status.isError ? (
        <QueryError error={status.error} onRetry={() => void status.refetch()} title="Could not read the team status" />
      ) : !status.data ? (
        <TableSkeleton rows={3} />
      ) : status.data.membership ? (
        <TeamMembershipCard membership={status.data.membership} status={status.data} />
      ) : (
        <SectionCard title="This desktop is on its own">
          <TeamAddressForm />
        </SectionCard>
      )}
    </>
  );
}
