import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconKey, IconLockOpen, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { UserListEntry } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { notifyDone, notifyFailed } from '../../components/notify';
import { useCurrentUser } from '../../session/CurrentUser';
import { ActivationModal, EditUserFormModal, ResetPasswordFormModal } from './UserForms';

type Action = 'edit' | 'password' | 'activation';

/** The per-row menu of the Users table, with the dialogs it opens. */
export function UserRowActions({ user }: { user: UserListEntry }) {
  const me = useCurrentUser();
  const [action, setAction] = useState<Action | null>(null);
  const close = () => setAction(null);
  const allowSignIn = useMutate('users.allowSignIn');
  const allow = () =>
    allowSignIn.mutate(
      { id: user.id },
      { onSuccess: (saved) => notifyDone('Sign-in allowed again', saved.displayName), onError: (error) => notifyFailed('Could not allow sign-in', error) },
    );

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.username}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setAction('edit')}>
            Edit
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setAction('password')}>
            Reset password
          </Menu.Item>
          {user.signInBlockedUntil !== null && (
            <Menu.Item leftSection={<IconLockOpen size={16} />} onClick={allow}>
              Allow sign-in now
            </Menu.Item>
          )}
          <Menu.Divider />
          {user.active ? (
            // Deactivating yourself would sign you out mid-task; another administrator can do it.
            <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => setAction('activation')} disabled={user.id === me.id}>
              Deactivate
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => setAction('activation')}>
              Activate
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <EditUserFormModal opened={action === 'edit'} onClose={close} user={user} />
      <ResetPasswordFormModal opened={action === 'password'} onClose={close} user={user} />
      <ActivationModal opened={action === 'activation'} onClose={close} user={user} />
    </>
  );
}
