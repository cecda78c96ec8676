import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../contract';
import type { Clock } from '../core/clock';
import { newSession, type Session } from '../dispatch/session';
import type { Role } from '../contract/users';
import { hashPassword } from '../core/users/passwords';
import { users } from '../core/users/users';
import { keyFileSecrets } from '../hosts/headless/keyFileSecrets';
import { startCore, type Runtime } from '../hosts/startCore';

/** Every account made by signIn() has this password. */
export const TEST_PASSWORD = 'correct horse battery';
let sharedHash: Promise<string> | null = null;

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private time = Date.UTC(2026, 10, 26, 9, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestRuntime extends Runtime {
  dataDir: string;
  clock: ManualClock;
  /** Calls a method through dispatch and returns the value, or throws with the typed error. */
  call<M extends MethodName>(method: M, input: MethodInput<M>, session?: Session): Promise<MethodOutput<M>>;
  /** Creates a member (or administrator) and signs them in on a fresh session. */
  signIn(displayName: string, role?: Role): Promise<Session>;
  session: Session;
  /** Closes the database; the data folder is removed unless `keepData` (to reopen it, as after a restart). */
  close(options?: { keepData?: boolean }): void;
}

export class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(`${code}: ${message}`);
  }
}

/** A real database file with the real migrations, in a temporary folder removed on close. */
export async function openTestRuntime(options: { dataDir?: string; clock?: ManualClock } = {}): Promise<TestRuntime> {
  const reopening = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'stockbell-test-'));
  const clock = options.clock ?? new ManualClock();
  const runtime = await startCore(dataDir, { clock, checkOutputs: true, secrets: keyFileSecrets(dataDir) });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, session?: Session) => {
    const result = await runtime.dispatch(method, input, session ?? testRuntime.session);
    if (!result.ok) throw new CallFailed(result.error.code, result.error.message, result.error.fields);
    return result.value as MethodOutput<M>;
  };
  const signIn = async (displayName: string, role: Role = 'member') => {
    const session = newSession();
    const username = displayName.toLowerCase().replace(/[^a-z]+/g, '.');
    const passwordHash = await (sharedHash ??= hashPassword(TEST_PASSWORD));
    const user = runtime.core.write(null, (ctx) =>
      users.create(ctx, { username, displayName, email: `${username}@example.test`, role, passwordHash }),
    );
    session.userId = user.id;
    return session;
  };
  const testRuntime: TestRuntime = {
    ...runtime,
    dataDir,
    clock,
    call,
    signIn,
    session: newSession(),
    close(closeOptions = {}) {
      runtime.core.close();
      if (!closeOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (reopening) {
    const admin = runtime.core.read((ctx) => ctx.db.$client.prepare(`select id from users where role = 'admin' order by id limit 1`).pluck().get() as number);
    const epoch = runtime.core.read((ctx) => users.forSession(ctx, admin)?.sessionEpoch ?? 0);
    testRuntime.session = { ...newSession(), userId: admin, epoch };
  } else {
    testRuntime.session = await signIn('Test Person', 'admin');
  }
  return testRuntime;
}

/** The error a call failed with, for asserting on codes and field messages. */
export async function failure(promise: Promise<unknown>): Promise<CallFailed> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CallFailed) return error;
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
