import { Button, Group } from '@mantine/core';
import { IconBell, IconDatabase, IconUsersGroup, type TablerIcon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';

const SETTINGS_PAGES: { to: string; label: string; icon: TablerIcon }[] = [
  { to: '/settings/notifications', label: 'Notifications', icon: IconBell },
  { to: '/settings/backups', label: 'Backups', icon: IconDatabase },
  { to: '/settings/team', label: 'Team', icon: IconUsersGroup },
];

interface SettingsPageHeaderProps {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
}

/** The top of a settings page, with links between the settings pages (the navbar has one "Settings" entry). */
export function SettingsPageHeader({ title, description, actions }: SettingsPageHeaderProps) {
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { label: 'Home', to: '/' },
          { label: 'Settings', to: '/settings/notifications' },
        ]}
        description={description}
        actions={actions}
      />
      <SettingsNav />
    </>
  );
}

function SettingsNav() {
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label="Settings pages" gap={4} mb="lg">
      {SETTINGS_PAGES.map(({ to, label, icon: PageIcon }) => {
        const active = pathname === to;
        return (
          <Button
            key={to}
            component={Link}
            to={to}
            size="sm"
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'gray'}
            leftSection={<PageIcon size={16} />}
            aria-current={active ? 'page' : undefined}
          >
            {label}
          </Button>
        );
      })}
    </Group>
  );
}
