import { AppShell, Container } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router-dom';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';
import { MailPausedBanner } from './MailPausedBanner';

export function AppLayout() {
  const [navOpened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        {/* On small screens the navbar overlays the page; close it once the user has picked a section. */}
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Container size="xl" px={0} pb="xl">
          <MailPausedBanner />
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
