import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../errors';
import { UploadedExports } from './uploadedExports';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'stockbell-uploads-'));
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(folder, { recursive: true, force: true });
});

function received(shelf: UploadedExports, owner: object): { id: string; path: string } {
  const id = shelf.newId();
  const path = join(folder, `${id}.json`);
  writeFileSync(path, '[]');
  shelf.hold(owner, id, path, 2);
  return { id, path };
}

describe('uploaded exports waiting for their import', () => {
  it('expire when unused, and their files go with them', () => {
    const shelf = new UploadedExports(60_000);
    const owner = {};
    const upload = received(shelf, owner);
    vi.advanceTimersByTime(45_000);
    // Using it (an import that was refused, say) keeps it for another while.
    expect(shelf.pathFor(owner, upload.id)).toBe(upload.path);
    vi.advanceTimersByTime(45_000);
    expect(existsSync(upload.path)).toBe(true);
    vi.advanceTimersByTime(20_000);
    expect(existsSync(upload.path)).toBe(false);
    expect(() => shelf.pathFor(owner, upload.id)).toThrow(DomainError);
  });

  it('answer only their owner, and a new upload replaces the owner’s last one', () => {
    const shelf = new UploadedExports();
    const owner = {};
    const first = received(shelf, owner);
    expect(() => shelf.pathFor({}, first.id)).toThrow(/no longer here/);
    const second = received(shelf, owner);
    expect(existsSync(first.path)).toBe(false);
    expect(shelf.pathFor(owner, second.id)).toBe(second.path);
    expect(shelf.size).toBe(1);
  });
});
