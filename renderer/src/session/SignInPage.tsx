import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { CallFailure, errorMessage } from '../client/callFailure';
import { useMutate } from '../client/hooks';
import { setSessionUser } from '../client/sessionCache';
import { CenteredCard } from './CenteredCard';
import { lastUsername } from './lastUsername';

/** Refusals about the account as a whole go in the alert; a missing username or password goes under its input. */
function accountProblem(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof CallFailure && error.code === 'INVALID_INPUT' && Object.keys(error.fields).length > 0) return null;
  return errorMessage(error);
}

export function SignInPage() {
  const queryClient = useQueryClient();
  const signIn = useMutate('session.signIn');
  const [username, setUsername] = useState(lastUsername.get);
  const [password, setPassword] = useState('');
  const problem = accountProblem(signIn.error);
  const fields = signIn.error?.code === 'INVALID_INPUT' ? signIn.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    signIn.mutate(
      { username, password },
      {
        onSuccess: (user) => {
          lastUsername.set(user.username);
          setSessionUser(queryClient, user);
        },
        onError: () => setPassword(''),
      },
    );
  };

  return (
    <CenteredCard title="Sign in to Stockbell" subtitle="Your alerts, subscriptions and history are kept with your account.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {problem}
            </Alert>
          )}
          <TextInput
            label="Username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus={username === ''}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={fields.username}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            autoFocus={username !== ''}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fields.password ?? (problem !== null && signIn.error?.code === 'UNAUTHENTICATED')}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
