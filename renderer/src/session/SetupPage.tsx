import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../main/contract/users';
import { useMutate } from '../client/hooks';
import { setSessionUser } from '../client/sessionCache';
import { fieldErrorsOf, formAlertOf } from '../components/forms/formErrors';
import { CenteredCard } from './CenteredCard';
import { lastUsername } from './lastUsername';

const FIELDS = ['username', 'displayName', 'email', 'password'] as const;

/** First run: nobody exists yet, so the person at the keyboard becomes the first administrator. */
export function SetupPage() {
  const queryClient = useQueryClient();
  const setup = useMutate('session.setup');
  const [values, setValues] = useState({ username: '', displayName: '', email: '', password: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const errors = fieldErrorsOf(setup.error);
  const alert = formAlertOf(setup.error, FIELDS);

  const set = (field: keyof typeof values) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    if (field === 'confirm' || field === 'password') setMismatch(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (setup.isPending) return;
    if (values.password !== values.confirm) {
      setMismatch(true);
      return;
    }
    const { confirm: _confirm, ...input } = values;
    setup.mutate(input, {
      onSuccess: (user) => {
        lastUsername.set(user.username);
        setSessionUser(queryClient, user);
      },
    });
  };

  return (
    <CenteredCard
      title="Welcome to Stockbell"
      subtitle="Keep track of parts and stock, and hear about it before anything runs out. This creates the administrator account: you can add everyone else once you are in."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {alert && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {alert}
            </Alert>
          )}
          <TextInput
            label="Username"
            description="What you type to sign in."
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            value={values.username}
            onChange={set('username')}
            error={errors.username}
          />
          <TextInput label="Your name" autoComplete="name" value={values.displayName} onChange={set('displayName')} error={errors.displayName} />
          <TextInput
            label="Email"
            description="Stock alerts are sent here. You can leave it empty and add it later."
            placeholder="name@example.com"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={errors.email}
          />
          <PasswordInput
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            error={errors.password}
          />
          <PasswordInput
            label="Confirm password"
            autoComplete="new-password"
            value={values.confirm}
            onChange={set('confirm')}
            error={mismatch ? 'The passwords do not match.' : undefined}
          />
          <Button type="submit" loading={setup.isPending} fullWidth mt="xs">
            Create administrator account
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
