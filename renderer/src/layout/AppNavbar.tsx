import { NavLink, Stack } from '@mantine/core';
import { IconCategory, IconHome, IconMapPin, IconPackage, IconStack2 } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';

const LINKS = [
  { to: '/', label: 'Home', icon: IconHome, exact: true },
  { to: '/parts', label: 'Parts', icon: IconPackage },
  { to: '/categories', label: 'Categories', icon: IconCategory },
  { to: '/locations', label: 'Locations', icon: IconMapPin },
  { to: '/stock', label: 'Stock', icon: IconStack2 },
];

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <Stack gap={2} component="nav" aria-label="Sections">
      {LINKS.map(({ to, label, icon: Icon, exact }) => {
        const active = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
        return (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={label}
            leftSection={<Icon size={18} stroke={1.7} />}
            active={active}
            onClick={onNavigate}
            aria-current={active ? 'page' : undefined}
            variant="light"
            fw={500}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        );
      })}
    </Stack>
  );
}
