import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { CallError } from '../../contract';
import { INVENTREE_EXPORT_MAX_BYTES, sizeInMegabytes } from '../../contract/transfer';
import type { Core } from '../../core/core';
import { uploadedExports } from '../../core/import/uploadedExports';
import { signedInUser, type Session } from '../../dispatch/session';

/** Where uploads wait for their import: the data folder's own temporary area, on the same disk. */
export function uploadFolder(dataDir: string): string {
  return join(dataDir, 'tmp', 'uploads');
}

export interface UploadAnswer {
  status: number;
  body: { ok: true; value: { uploadId: string; bytes: number } } | { ok: false; error: CallError };
  /** The body was not read to its end: answer, then drop the connection rather than read the rest. */
  closeConnection: boolean;
}

class UploadTooLarge extends Error {}
class UploadAborted extends Error {}

function refusal(status: number, code: CallError['code'], message: string): UploadAnswer {
  return { status, body: { ok: false, error: { code, message } }, closeConnection: true };
}

function closed(file: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (file.closed) resolve();
    else file.once('close', () => resolve());
    file.end();
  });
}

/** Writes the request's body to `path`, and stops reading the moment it passes `limitBytes`. */
async function receiveInto(request: IncomingMessage, path: string, limitBytes: number): Promise<number> {
  const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  let received = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      request.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limitBytes) {
          request.pause();
          request.removeAllListeners('data');
          reject(new UploadTooLarge());
          return;
        }
        if (!file.write(chunk)) {
          request.pause();
          file.once('drain', () => request.resume());
        }
      });
      request.once('end', () => resolve());
      request.once('close', () => {
        if (!request.complete) reject(new UploadAborted());
      });
      file.once('error', reject);
    });
  } finally {
    await closed(file);
  }
  return received;
}

/**
 * The headless host's upload route: an InvenTree export too large for a call's body arrives here as
 * a stream, goes to a file in the data folder with a hard byte cap, and is named in the import call
 * by the id returned. Only a signed-in administrator may upload (the import is theirs alone).
 */
export class UploadReceiver {
  private readonly folder: string;

  constructor(
    private readonly core: Core,
    dataDir: string,
    private readonly limitBytes = INVENTREE_EXPORT_MAX_BYTES,
  ) {
    this.folder = uploadFolder(dataDir);
    // Files left by a host that stopped without tidying (a crash) can never be named again.
    rmSync(this.folder, { recursive: true, force: true });
  }

  async receive(request: IncomingMessage, session: Session): Promise<UploadAnswer> {
    const user = signedInUser(this.core, session);
    if (!user) return refusal(401, 'UNAUTHENTICATED', 'Please sign in.');
    if (user.role !== 'admin') return refusal(403, 'FORBIDDEN', 'Only an administrator can do this.');
    const tooLarge = refusal(413, 'INVALID_INPUT', `The file is larger than ${sizeInMegabytes(this.limitBytes)}, the largest InvenTree export Stockbell imports.`);
    if (Number(request.headers['content-length'] ?? 0) > this.limitBytes) return tooLarge;

    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const id = uploadedExports.newId();
    const path = join(this.folder, `${id}.json`);
    let bytes: number;
    try {
      bytes = await receiveInto(request, path, this.limitBytes);
    } catch (error) {
      rmSync(path, { force: true });
      if (error instanceof UploadTooLarge) return tooLarge;
      if (error instanceof UploadAborted) return refusal(400, 'INVALID_INPUT', 'The upload stopped before the whole file arrived.');
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EROFS' || code === 'EDQUOT') {
        return refusal(507, 'STORAGE_FAILURE', 'Stockbell could not keep the file (the disk may be full or read-only). Nothing was changed.');
      }
      throw error;
    }
    uploadedExports.hold(session, id, path, bytes);
    return { status: 200, body: { ok: true, value: { uploadId: id, bytes } }, closeConnection: false };
  }

  /** Deletes every upload still waiting (the host is closing). */
  close(): void {
    uploadedExports.discardIn(this.folder);
  }
}
