import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '../errors';

/** An upload is kept this long after it arrived or was last used, then its file is deleted. */
export const UPLOAD_KEPT_MS = 30 * 60 * 1000;

interface Upload {
  /** Whoever sent it (the host's session object); nobody else can name it. */
  owner: object;
  path: string;
  bytes: number;
  expiry: NodeJS.Timeout;
}

/**
 * Exports a host received as files ahead of the call that imports them (the headless host's upload
 * route). An id is random and works only for the session that uploaded it; a session keeps at most
 * one upload (a new one replaces the last), and an unused one expires, so disk use stays bounded.
 * Held in memory, like the sessions they belong to: a restart forgets both.
 */
export class UploadedExports {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly keptMs = UPLOAD_KEPT_MS) {}

  /** A new id for a file about to be received, so the host can name the file after it. */
  newId(): string {
    return randomBytes(24).toString('hex');
  }

  /** Records a received file as the owner's upload, replacing (and deleting) the one it had. */
  hold(owner: object, id: string, path: string, bytes: number): void {
    for (const [otherId, upload] of this.uploads) if (upload.owner === owner) this.discard(otherId);
    this.uploads.set(id, { owner, path, bytes, expiry: this.expireLater(id) });
  }

  /** The file of an upload, for its owner only; using it keeps it for another while. */
  pathFor(owner: object, id: string): string {
    const upload = this.uploads.get(id);
    if (!upload || upload.owner !== owner) {
      const message = `The uploaded file is no longer here: uploads are kept for ${Math.round(this.keptMs / 60_000)} minutes, for the page that sent them, and until you sign out. Choose the file again.`;
      throw new DomainError('NOT_FOUND', message, { content: message });
    }
    clearTimeout(upload.expiry);
    upload.expiry = this.expireLater(id);
    return upload.path;
  }

  /** Deletes an upload's file, once imported or expired; nothing when it is already gone. */
  discard(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    clearTimeout(upload.expiry);
    this.uploads.delete(id);
    rmSync(upload.path, { force: true });
  }

  /** Deletes every upload whose file is in `folder` (a host closing). */
  discardIn(folder: string): void {
    for (const [id, upload] of this.uploads) if (dirname(upload.path) === folder) this.discard(id);
  }

  get size(): number {
    return this.uploads.size;
  }

  private expireLater(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => this.discard(id), this.keptMs);
    timer.unref();
    return timer;
  }
}

/** The uploads of every host in this process: the host receives them, the import call reads them. */
export const uploadedExports = new UploadedExports();
