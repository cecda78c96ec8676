import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { NewPasswordFields, useNewPassword } from '../../components/forms/NewPasswordFields';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';

export function ChangePasswordCard() {
  const change = useMutate('profile.changePassword');
  const errors = fieldErrorsOf(change.error);
  const alert = formAlertOf(change.error, ['currentPassword', 'newPassword']);
  const [currentPassword, setCurrentPassword] = useState('');
  const newPassword = useNewPassword();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending || !newPassword.confirmed()) return;
    change.mutate(
      { currentPassword, newPassword: newPassword.password },
      {
        onSuccess: () => {
          setCurrentPassword('');
          newPassword.clear();
          change.reset();
          notifyDone('Password changed', 'Use the new password next time you sign in.');
        },
      },
    );
  };

  return (
    <SectionCard title="Change password">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {alert && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {alert}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.currentPassword}
          />
          <NewPasswordFields state={newPassword} label="New password" error={errors.newPassword} />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
