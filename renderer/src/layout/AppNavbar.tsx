import { NavLink, Stack, Text } from '@mantine/core';
import { IconCategory, IconFileImport, IconHammer, IconHome, IconMapPin, IconPackage, IconSettings, IconShoppingCart, IconStack2, IconTruckDelivery, IconUsers, IconUsersGroup, type TablerIcon } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { NotificationNavSection } from '../notifications/NotificationNavSection';
import { useCurrentUser } from '../session/CurrentUser';

interface Section {
  to: string;
  label: string;
  icon: TablerIcon;
  exact?: boolean;
  /** Where the section lives, when that differs from where the link goes. */
  prefix?: string;
}

const SECTIONS: Section[] = [
  { to: '/', label: 'Home', icon: IconHome, exact: true },
  { to: '/parts', label: 'Parts', icon: IconPackage },
  { to: '/categories', label: 'Categories', icon: IconCategory },
  { to: '/locations', label: 'Locations', icon: IconMapPin },
  { to: '/stock', label: 'Stock', icon: IconStack2 },
  { to: '/builds', label: 'Build orders', icon: IconHammer },
  { to: '/purchase-orders', label: 'Purchase orders', icon: IconTruckDelivery },
  { to: '/reorder', label: 'Reorder', icon: IconShoppingCart },
];

const DATA: Section[] = [{ to: '/import', label: 'Import & export', icon: IconFileImport }];

const ADMINISTRATION: Section[] = [
  { to: '/users', label: 'Users', icon: IconUsers },
  { to: '/groups', label: 'Groups', icon: IconUsersGroup },
  { to: '/settings/notifications', label: 'Settings', icon: IconSettings, prefix: '/settings' },
];

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  const user = useCurrentUser();

  const link = ({ to, label, icon: SectionIcon, exact, prefix = to }: Section) => {
    const active = exact ? pathname === to : pathname === prefix || pathname.startsWith(`${prefix}/`);
    return (
      <NavLink
        key={to}
        component={Link}
        to={to}
        label={label}
        leftSection={<SectionIcon size={18} stroke={1.7} />}
        active={active}
        onClick={onNavigate}
        aria-current={active ? 'page' : undefined}
        variant="light"
        fw={500}
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      />
    );
  };

  return (
    <Stack gap={2} component="nav" aria-label="Sections">
      {SECTIONS.map(link)}
      <NotificationNavSection onNavigate={onNavigate} />
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={4} id="navbar-data">
        Data
      </Text>
      <Stack gap={2} role="group" aria-labelledby="navbar-data">
        {DATA.map(link)}
      </Stack>
      {user.role === 'admin' && (
        <>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={4} id="navbar-administration">
            Administration
          </Text>
          <Stack gap={2} role="group" aria-labelledby="navbar-administration">
            {ADMINISTRATION.map(link)}
          </Stack>
        </>
      )}
    </Stack>
  );
}
