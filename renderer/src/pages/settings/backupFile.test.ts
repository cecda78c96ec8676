import { describe, expect, it } from 'vitest';
import { backupKind, fileSize } from './backupFile';

describe('backupKind', () => {
  it('reads why a backup was taken from the end of its name', () => {
    expect(backupKind('stockbell-20260101-120000-manual.db')).toBe('Manual');
    expect(backupKind('stockbell-20260101-120000-before-upgrade.db')).toBe('Before upgrade');
    expect(backupKind('stockbell-20260101-120000-before-restore.db')).toBe('Before restore');
    expect(backupKind('copied-by-hand.db')).toBe('Other');
  });
});

describe('fileSize', () => {
  it('shows kilobytes below a megabyte and megabytes above', () => {
    expect(fileSize(200)).toBe('1 KB');
    expect(fileSize(300 * 1024)).toBe('300 KB');
    expect(fileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
