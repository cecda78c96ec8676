const KEY = 'stockbell.lastUsername';

/** Who signed in last in this tab, so signing back in after "Sign out" or an expired session asks only for the password. */
export const lastUsername = {
  get: (): string => sessionStorage.getItem(KEY) ?? '',
  set: (username: string) => sessionStorage.setItem(KEY, username),
  /** "Switch user": the next person types their own name. */
  forget: () => sessionStorage.removeItem(KEY),
};
