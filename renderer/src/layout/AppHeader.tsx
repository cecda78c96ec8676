import { Box, Burger, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { NotificationBell } from '../notifications/NotificationBell';
import { SyncStatus } from '../team/SyncStatus';
import { HeaderSearch } from './HeaderSearch';
import { UserMenu } from './UserMenu';

export function AppHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={navOpened ? 'Close navigation' : 'Open navigation'} />
        <UnstyledButton component={Link} to="/" aria-label="Stockbell home">
          <Group gap={8} wrap="nowrap">
            <ThemeIcon size={30} radius="md" variant="filled" aria-hidden="true">
              <IconBell size={18} />
            </ThemeIcon>
            <Text fw={700} fz={18} visibleFrom="xs">
              Stockbell
            </Text>
          </Group>
        </UnstyledButton>
      </Group>
      <Box style={{ flex: 1 }} maw={480}>
        <HeaderSearch />
      </Box>
      <Group gap="xs" wrap="nowrap">
        <SyncStatus />
        <NotificationBell />
        <UserMenu />
      </Group>
    </Group>
  );
}
