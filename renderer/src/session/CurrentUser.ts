import { createContext, useContext } from 'react';
import type { UserView } from '../../../main/contract';

export const CurrentUserContext = createContext<UserView | null>(null);

/** The signed-in user; only used below SessionGate, which renders nothing else without one. */
export function useCurrentUser(): UserView {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside <SessionGate>');
  return user;
}
