import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { UserView } from '../../../main/contract';
import { useMutate } from '../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../components/forms/formErrors';

interface ProfileFormProps {
  onCreated: (user: UserView) => void;
  /** Extra buttons beside "Create profile" (for example Cancel in a dialog). */
  secondary?: ReactNode;
}

/** Name and email for a new person; the host signs the new user in. */
export function ProfileForm({ onCreated, secondary }: ProfileFormProps) {
  const create = useMutate('users.create');
  const errors = fieldErrorsOf(create.error);
  const alert = formAlertOf(create.error, ['displayName', 'email']);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate({ displayName, email }, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {alert && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {alert}
          </Alert>
        )}
        <TextInput
          label="Your name"
          data-autofocus
          autoComplete="name"
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={errors.displayName}
        />
        <TextInput
          label="Email"
          description="Stock alerts are sent here when you subscribe to parts."
          placeholder="name@example.com"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <Stack gap="xs" mt="xs">
          <Button type="submit" loading={create.isPending} fullWidth>
            Create profile
          </Button>
          {secondary}
        </Stack>
      </Stack>
    </form>
  );
}
