import { Button, Modal } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { notifyDone } from '../components/notify';
import { ProfileForm } from './ProfileForm';

/** Creating a profile signs it in, so the app continues as the new person from the home page. */
export function NewProfileModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title="New profile" styles={{ title: { fontWeight: 650, fontSize: 18 } }}>
      <ProfileForm
        onCreated={(user) => {
          notifyDone('Profile created', `You are now using Stockbell as ${user.displayName}.`);
          onClose();
          void navigate('/');
        }}
        secondary={
          <Button variant="default" onClick={onClose} fullWidth>
            Cancel
          </Button>
        }
      />
    </Modal>
  );
}
