import { PasswordInput, Select, Switch, Text, TextInput } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import type { Role, UserView } from '../../../../main/contract';
import { MIN_PASSWORD_LENGTH } from '../../../../main/contract/users';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { notifyDone } from '../../components/notify';
import { roleOptions } from '../../session/roles';

const PASSWORD_HELP = `At least ${MIN_PASSWORD_LENGTH} characters. Tell the person, and ask them to change it from their profile.`;

interface ModalProps {
  opened: boolean;
  onClose: () => void;
}

export function NewUserFormModal(props: ModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title="New user">
      <NewUserForm {...props} />
    </FormModal>
  );
}

function NewUserForm({ onClose }: ModalProps) {
  const create = useMutate('users.create');
  const errors = fieldErrorsOf(create.error);
  const [values, setValues] = useState({ username: '', displayName: '', email: '', role: 'member' as Role, password: '' });
  const set = (field: 'username' | 'displayName' | 'email' | 'password') => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  return (
    <FormBody
      onSubmit={() =>
        create.mutate(values, {
          onSuccess: (user) => {
            notifyDone('User created', `${user.displayName} can now sign in as ${user.username}.`);
            onClose();
          },
        })
      }
      onCancel={onClose}
      submitLabel="Create"
      pending={create.isPending}
      error={create.error}
      fieldNames={['username', 'displayName', 'email', 'role', 'password']}
    >
      <TextInput
        label="Username"
        description="What they type to sign in."
        withAsterisk
        data-autofocus
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={values.username}
        onChange={set('username')}
        error={errors.username}
      />
      <TextInput label="Display name" withAsterisk autoComplete="off" value={values.displayName} onChange={set('displayName')} error={errors.displayName} />
      <TextInput
        label="Email"
        description="Where their stock alerts go. Optional."
        placeholder="name@example.com"
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <Select
        label="Role"
        description="Administrators also manage users and email settings."
        data={roleOptions}
        allowDeselect={false}
        value={values.role}
        onChange={(role) => role && setValues((current) => ({ ...current, role: role as Role }))}
        error={errors.role}
      />
      <PasswordInput label="Password" description={PASSWORD_HELP} withAsterisk autoComplete="new-password" value={values.password} onChange={set('password')} error={errors.password} />
    </FormBody>
  );
}

interface UserModalProps extends ModalProps {
  user: UserView;
}

export function EditUserFormModal(props: UserModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title="Edit user">
      <EditUserForm {...props} />
    </FormModal>
  );
}

function EditUserForm({ onClose, user }: UserModalProps) {
  const update = useMutate('users.update');
  const errors = fieldErrorsOf(update.error);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? '');
  const [role, setRole] = useState<Role>(user.role);
  const [active, setActive] = useState(user.active);

  return (
    <FormBody
      onSubmit={() =>
        update.mutate(
          { id: user.id, displayName, email, role, active },
          {
            onSuccess: (saved) => {
              notifyDone('User saved', saved.displayName);
              onClose();
            },
          },
        )
      }
      onCancel={onClose}
      submitLabel="Save"
      pending={update.isPending}
      error={update.error}
      fieldNames={['displayName', 'email', 'role', 'active']}
    >
      <Text size="sm" c="dimmed">
        Username: <b>{user.username}</b>
      </Text>
      <TextInput label="Display name" withAsterisk data-autofocus value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={errors.displayName} />
      <TextInput label="Email" placeholder="name@example.com" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
      <Select label="Role" data={roleOptions} allowDeselect={false} value={role} onChange={(value) => value && setRole(value as Role)} error={errors.role} />
      <Switch
        label="Active"
        description="A deactivated user cannot sign in and gets no notifications."
        checked={active}
        onChange={(e) => setActive(e.currentTarget.checked)}
        error={errors.active}
      />
    </FormBody>
  );
}

export function ResetPasswordFormModal(props: UserModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title="Reset password">
      <ResetPasswordForm {...props} />
    </FormModal>
  );
}

function ResetPasswordForm({ onClose, user }: UserModalProps) {
  const reset = useMutate('users.resetPassword');
  const errors = fieldErrorsOf(reset.error);
  const [password, setPassword] = useState('');

  return (
    <FormBody
      onSubmit={() =>
        reset.mutate(
          { id: user.id, password },
          {
            onSuccess: (saved) => {
              notifyDone('Password reset', `${saved.displayName} can sign in with the new password.`);
              onClose();
            },
          },
        )
      }
      onCancel={onClose}
      submitLabel="Save"
      pending={reset.isPending}
      error={reset.error}
      fieldNames={['password']}
    >
      <Text size="sm">
        Set a new password for <b>{user.displayName}</b> ({user.username}).
      </Text>
      <PasswordInput label="New password" description={PASSWORD_HELP} withAsterisk data-autofocus autoComplete="new-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors.password} />
    </FormBody>
  );
}

export function ActivationModal({ opened, onClose, user }: UserModalProps) {
  const update = useMutate('users.update');
  const activate = !user.active;
  const verb = activate ? 'Activate' : 'Deactivate';
  return (
    <FormModal opened={opened} onClose={onClose} title={`${verb} ${user.displayName}?`} size="sm">
      <FormBody
        onSubmit={() =>
          update.mutate(
            { id: user.id, displayName: user.displayName, email: user.email ?? '', role: user.role, active: activate },
            {
              onSuccess: (saved) => {
                notifyDone(activate ? 'User activated' : 'User deactivated', saved.displayName);
                onClose();
              },
            },
          )
        }
        onCancel={onClose}
        submitLabel={verb}
        submitColor={activate ? undefined : 'red'}
        pending={update.isPending}
        error={update.error}
        fieldNames={[]}
      >
        <Text size="sm">
          {activate
            ? `${user.displayName} will be able to sign in again and receive notifications.`
            : `${user.displayName} will be signed out, cannot sign in, and gets no notifications or emails. Their history stays.`}
        </Text>
      </FormBody>
    </FormModal>
  );
}
