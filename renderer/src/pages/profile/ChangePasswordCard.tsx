import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../main/contract/users';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf, formAlertOf } from '../../components/forms/formErrors';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordCard() {
  const change = useMutate('profile.changePassword');
  const errors = fieldErrorsOf(change.error);
  const alert = formAlertOf(change.error, ['currentPassword', 'newPassword']);
  const [values, setValues] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const set = (field: keyof typeof EMPTY) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    if (field !== 'currentPassword') setMismatch(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    if (values.newPassword !== values.confirm) {
      setMismatch(true);
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(EMPTY);
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
          <PasswordInput label="Current password" autoComplete="current-password" value={values.currentPassword} onChange={set('currentPassword')} error={errors.currentPassword} />
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            autoComplete="new-password"
            value={values.newPassword}
            onChange={set('newPassword')}
            error={errors.newPassword}
          />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            value={values.confirm}
            onChange={set('confirm')}
            error={mismatch ? 'The new passwords do not match.' : undefined}
          />
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
