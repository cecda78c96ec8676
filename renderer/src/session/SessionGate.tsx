import { Button, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { errorMessage } from '../client/callFailure';
import { useCall } from '../client/hooks';
import { forgetSignedInReads } from '../client/sessionCache';
import { CurrentUserContext } from './CurrentUser';
import { SetupPage } from './SetupPage';
import { SignInPage } from './SignInPage';

/** Nothing of the app shows until someone is signed in: first run, sign in, or go on. */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useCall('session.get', {});

  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Starting Stockbell" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack align="center" gap="sm" maw={420} ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" color="red">
            <IconPlugConnectedX size={28} />
          </ThemeIcon>
          <Title order={1} fz={22}>
            Cannot reach Stockbell
          </Title>
          <Text c="dimmed">{errorMessage(session.error)}</Text>
          <Button onClick={() => void session.refetch()} loading={session.isFetching}>
            Try again
          </Button>
        </Stack>
      </Center>
    );
  }
  const { user, needsSetup } = session.data;
  if (!user) return <SignedOut needsSetup={needsSetup} />;
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

function SignedOut({ needsSetup }: { needsSetup: boolean }) {
  const queryClient = useQueryClient();
  // The app has unmounted by now, so the previous person's cached reads can go without being refetched.
  useEffect(() => forgetSignedInReads(queryClient), [queryClient]);
  return needsSetup ? <SetupPage /> : <SignInPage />;
}
