import { Loader, Stack, Switch } from '@mantine/core';
import { useCall, useMutate } from '../../client/hooks';
import { notifyFailed } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { SectionCard } from '../../components/SectionCard';

type DesktopSettings = { startHidden: boolean; closeToTray: boolean };

/** Tray behaviour of the desktop app; shows nothing in a browser, where there is no tray. */
export function DesktopSettingsCard() {
  if (!window.stockbell) return null;
  return <DesktopSettings />;
}

function DesktopSettings() {
  const settings = useCall('settings.desktop.get', {});
  const update = useMutate('settings.desktop.update');
  const current = update.isPending && update.variables ? update.variables : settings.data;
  const change = (next: Partial<DesktopSettings>) => {
    if (!current) return;
    update.mutate({ ...current, ...next }, { onError: (error) => notifyFailed('Could not save the desktop settings', error) });
  };

  return (
    <SectionCard title="Desktop app" description="How Stockbell behaves on this computer.">
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} title="Could not load the desktop settings" />
      ) : !current ? (
        <Loader size="sm" aria-label="Loading desktop settings" />
      ) : (
        <Stack gap="md">
          <Switch
            label="Start hidden in the tray"
            description="When Stockbell starts with your computer, it waits in the tray instead of opening a window."
            checked={current.startHidden}
            onChange={(event) => change({ startHidden: event.currentTarget.checked })}
          />
          <Switch
            label="Keep running in the tray when the window is closed"
            description="Closing the window keeps Stockbell running, so stock alerts still reach you."
            checked={current.closeToTray}
            onChange={(event) => change({ closeToTray: event.currentTarget.checked })}
          />
        </Stack>
      )}
    </SectionCard>
  );
}
