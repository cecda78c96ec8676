import { Button, Group, NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useCall, useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';

/** How long read notifications stay in everyone's History before the daily clean-up removes them. */
export function RetentionCard() {
  const saved = useCall('settings.retention.get', {});
  const save = useMutate('settings.retention.update');
  const [days, setDays] = useState<number | string | null>(null);
  const value = days ?? saved.data?.retentionDays ?? '';

  return (
    <SectionCard
      title="History"
      description="Read notifications are removed from everyone's History by a daily clean-up once they are this old. Unread ones are always kept."
    >
      <Group align="flex-end">
        <NumberInput
          label="Keep read notifications for (days)"
          min={7}
          max={3650}
          allowDecimal={false}
          value={value}
          onChange={setDays}
          error={fieldErrorsOf(save.error).retentionDays ?? formAlertOf(save.error, ['retentionDays'])}
          w={320}
          disabled={!saved.data}
        />
        <Button
          loading={save.isPending}
          disabled={!saved.data || value === saved.data.retentionDays}
          onClick={() =>
            save.mutate(
              { retentionDays: typeof value === 'number' ? value : Number(value) },
              {
                onSuccess: (result) => {
                  setDays(null);
                  notifyDone(`Read notifications are now kept for ${result.retentionDays} days.`);
                },
              },
            )
          }
        >
          Save
        </Button>
      </Group>
    </SectionCard>
  );
}
