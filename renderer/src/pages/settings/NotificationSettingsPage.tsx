import { Skeleton, Stack } from '@mantine/core';
import { useCall } from '../../client/hooks';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { EmailServerCard } from './EmailServerCard';
import { OutboxCard } from './OutboxCard';
import { SettingsNav } from './SettingsNav';

export function NotificationSettingsPage() {
  const settings = useCall('settings.email.get', {});

  return (
    <>
      <PageHeader
        title="Notifications"
        crumbs={[
          { label: 'Home', to: '/' },
          { label: 'Settings', to: '/settings/notifications' },
        ]}
        description="How Stockbell sends notification emails, and what is waiting to go out. Each person chooses what they get on their profile."
      />
      <SettingsNav />
      <Stack gap="lg">
        {settings.isError ? (
          <QueryError error={settings.error} onRetry={() => void settings.refetch()} title="Could not load the email settings" />
        ) : !settings.data ? (
          <Skeleton height={420} />
        ) : (
          <EmailServerCard saved={settings.data} />
        )}
        <OutboxCard />
      </Stack>
    </>
  );
}
