import type { CallError } from '../../../main/contract';

/** A call that came back `{ ok: false }`: thrown by the typed client so queries and mutations see it as an error. */
export class CallFailure extends Error {
  readonly code: CallError['code'];
  readonly fields: Record<string, string>;

  constructor(error: CallError) {
    super(error.message);
    this.name = 'CallFailure';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

/** The sentence to show a person for any error a call or a component may raise. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
