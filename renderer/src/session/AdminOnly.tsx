import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from './CurrentUser';

/** Pages for administrators; anyone else gets a page saying so (the host refuses their calls anyway). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (user.role === 'admin') return children;
  return (
    <Center py={96}>
      <Stack align="center" gap="sm" ta="center" maw={420}>
        <ThemeIcon size={64} radius="xl" variant="light" color="gray">
          <IconLock size={32} />
        </ThemeIcon>
        <Title order={1} fz={24}>
          Administrators only
        </Title>
        <Text c="dimmed">Only an administrator can open this page. Ask one if you need something changed here.</Text>
        <Button component={Link} to="/" mt="sm">
          Go to Home
        </Button>
      </Stack>
    </Center>
  );
}
