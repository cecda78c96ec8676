import type { z } from 'zod';
import { contract, type CallError, type MethodName } from '../contract';
import type { Core } from '../core/core';
import { DomainError, type FieldErrors } from '../core/errors';
import type { Secrets } from '../core/ports';
import type { TeamControl } from '../team/teamControl';
import { handlers, type CallContext, type Storage } from './handlers';
import { signedInUser, type Session } from './session';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: CallError };

export interface Dispatcher {
  (method: string, input: unknown, session: Session): Promise<DispatchResult>;
}

function isMethod(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

// SQLite's storage failures: the change was rolled back and the person should know why.
const storageCodes = new Set(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_BUSY']);

function toCallError(error: unknown): CallError {
  if (error instanceof DomainError) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && [...storageCodes].some((prefix) => code.startsWith(prefix))) {
    return {
      code: 'STORAGE_FAILURE',
      message: 'Stockbell could not save this change (the disk may be full or read-only). Nothing was changed.',
    };
  }
  console.error('Unexpected failure in a call:', error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Stockbell. Nothing was changed.' };
}

/**
 * The single way into the core: look the method up, check who may call it, validate the input,
 * run the handler. Every failure is a value, and a failed call has written nothing.
 */
export function createDispatcher(core: Core, secrets: Secrets, team: TeamControl, storage: Storage, options: { checkOutputs?: boolean } = {}): Dispatcher {
  return async (method, input, session) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${method}".` } };
    const spec = contract[method];
    try {
      const user = signedInUser(core, session);
      const actorId = user?.id ?? null;
      if (spec.access !== 'public' && actorId === null) {
        return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } };
      }
      if (spec.access === 'admin' && user?.role !== 'admin') {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Only an administrator can do this.' } };
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        const first = Object.values(fields)[0] ?? 'The request is not valid.';
        return { ok: false, error: { code: 'INVALID_INPUT', message: first, fields } };
      }
      const call: CallContext = { core, secrets, team, storage, session, actorId };
      const handler = handlers[method] as (input: unknown, call: CallContext) => unknown;
      const value = await handler(parsed.data, call);
      if (options.checkOutputs) spec.output.parse(value);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toCallError(error) };
    }
  };
}
