import { Skeleton, Stack } from '@mantine/core';
import { useCall } from '../../client/hooks';
import { QueryError } from '../../components/QueryError';
import { EmailServerCard } from './EmailServerCard';
import { ForecastSettingsCard } from './ForecastSettingsCard';
import { OutboxCard } from './OutboxCard';
import { RetentionCard } from './RetentionCard';
import { SettingsPageHeader } from './SettingsPageHeader';

export function NotificationSettingsPage() {
  const settings = useCall('settings.email.get', {});

  return (
    <>
      <SettingsPageHeader
        title="Notifications"
        description="How Stockbell sends notification emails, and what is waiting to go out. Each person chooses what they get on their profile."
      />
      <Stack gap="lg">
        {settings.isError ? (
          <QueryError error={settings.error} onRetry={() => void settings.refetch()} title="Could not load the email settings" />
        ) : !settings.data ? (
          <Skeleton height={420} />
        ) : (
          <EmailServerCard saved={settings.data} />
        )}
        <OutboxCard />
        <RetentionCard />
        <ForecastSettingsCard />
      </Stack>
    </>
  );
}
