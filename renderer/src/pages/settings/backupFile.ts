import type { MethodOutput } from '../../../../main/contract';

export type BackupFile = MethodOutput<'backup.create'>;

/** The host names a backup after why it was taken: `stockbell-<time>-<reason>.db`. */
export function backupKind(name: string): string {
  if (name.endsWith('-before-upgrade.db')) return 'Before upgrade';
  if (name.endsWith('-before-restore.db')) return 'Before restore';
  if (name.endsWith('-manual.db')) return 'Manual';
  return 'Other';
}

export function fileSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${megabytes.toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} KB`;
}
