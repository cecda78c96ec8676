import type { Role } from '../../../main/contract';

export const roleLabel: Record<Role, string> = { admin: 'Administrator', member: 'Member' };

/** For role selects: the usual choice first. */
export const roleOptions: { value: Role; label: string }[] = [
  { value: 'member', label: roleLabel.member },
  { value: 'admin', label: roleLabel.admin },
];
