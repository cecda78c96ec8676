import { Alert, Grid, Skeleton, Stack } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useCall } from '../../client/hooks';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { DesktopSettingsCard } from '../desktop/DesktopSettingsCard';
import { ChangePasswordCard } from './ChangePasswordCard';
import { ChannelsCard } from './channels/ChannelsCard';
import { NotificationPreferencesCard } from './NotificationPreferencesCard';
import { ProfileDetailsCard } from './ProfileDetailsCard';
import { QuietHoursCard } from './QuietHoursCard';

export function ProfilePage() {
  const profile = useCall('profile.get', {});

  return (
    <>
      <PageHeader title="Profile" crumbs={[{ label: 'Home', to: '/' }]} description="Your account and how Stockbell tells you about stock." />
      {profile.isError ? (
        <QueryError error={profile.error} onRetry={() => void profile.refetch()} title="Could not load your profile" />
      ) : !profile.data ? (
        <Stack>
          <Skeleton height={280} />
          <Skeleton height={220} />
        </Stack>
      ) : (
        <Stack gap="lg">
          {profile.data.emailProblem !== null && (
            <Alert color="yellow" variant="light" icon={<IconMailOff size={18} />} role="status">
              You will not receive email: {profile.data.emailProblem}
            </Alert>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <ProfileDetailsCard profile={profile.data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <ChangePasswordCard />
            </Grid.Col>
          </Grid>
          <NotificationPreferencesCard preferences={profile.data.preferences} />
          <QuietHoursCard quietHours={profile.data.quietHours} />
          <ChannelsCard kinds={profile.data.preferences.map((preference) => ({ value: preference.kind, label: preference.label }))} />
          <DesktopSettingsCard />
        </Stack>
      )}
    </>
  );
}
