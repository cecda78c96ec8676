import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../contract';
import type { Clock } from '../core/clock';
import { newSession, type Session } from '../dispatch/session';
import { startCore, type Runtime } from '../hosts/startCore';

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
  /** Signs a new user in on a fresh session. */
  signIn(displayName: string): Promise<Session>;
  session: Session;
  close(): void;
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
export async function openTestRuntime(): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stockbell-test-'));
  const clock = new ManualClock();
  const runtime = startCore(dataDir, { clock, checkOutputs: true });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, session?: Session) => {
    const result = await runtime.dispatch(method, input, session ?? testRuntime.session);
    if (!result.ok) throw new CallFailed(result.error.code, result.error.message, result.error.fields);
    return result.value as MethodOutput<M>;
  };
  const signIn = async (displayName: string) => {
    const session = newSession();
    const slug = displayName.toLowerCase().replace(/[^a-z]+/g, '.');
    await call('users.create', { displayName, email: `${slug}@example.test` }, session);
    return session;
  };
  const testRuntime: TestRuntime = {
    ...runtime,
    dataDir,
    clock,
    call,
    signIn,
    session: newSession(),
    close() {
      runtime.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  testRuntime.session = await signIn('Test Person');
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
