import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutate } from '../client/hooks';
import { setSessionUser } from '../client/sessionCache';
import { fieldErrorsOf, formAlertOf } from '../components/forms/formErrors';
import { NewPasswordFields, useNewPassword } from '../components/forms/NewPasswordFields';
import { CenteredCard } from './CenteredCard';
import { lastUsername } from './lastUsername';

const FIELDS = ['username', 'displayName', 'email', 'password'] as const;

/** First run: nobody exists yet, so the person at the keyboard becomes the first administrator. */
export function SetupPage() {
  const queryClient = useQueryClient();
  const setup = useMutate('session.setup');
  const [values, setValues] = useState({ username: '', displayName: '', email: '' });
  const password = useNewPassword();
  const errors = fieldErrorsOf(setup.error);
  const alert = formAlertOf(setup.error, FIELDS);

  const set = (field: keyof typeof values) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (setup.isPending || !password.confirmed()) return;
    setup.mutate({ ...values, password: password.password }, {
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
          <NewPasswordFields state={password} label="Password" error={errors.password} />
          <Button type="submit" loading={setup.isPending} fullWidth mt="xs">
            Create administrator account
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
