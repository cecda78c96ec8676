import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useMutate } from '../client/hooks';
import { setSessionUser } from '../client/sessionCache';
import { notifyFailed } from '../components/notify';
import { lastUsername } from './lastUsername';

/**
 * Ends the session and returns to the sign-in screen at Home, so the next person does not land on
 * the page the last one left open. "Switch user" also forgets the username, so the field starts empty.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutate('session.signOut');
  return (options: { switchUser?: boolean } = {}) =>
    signOut.mutate(
      {},
      {
        onSuccess: () => {
          if (options.switchUser) lastUsername.forget();
          void navigate('/');
          setSessionUser(queryClient, null);
        },
        onError: (error) => notifyFailed('Could not sign out', error),
      },
    );
}
