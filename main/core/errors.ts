// Exceptions inside the core; dispatch turns them into `{ ok: false, error }` values at the boundary.
export type ErrorCode =
  | 'UNKNOWN_METHOD'
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'STORAGE_FAILURE'
  // Produced by a transport, not the core: the host could not be reached.
  | 'UNAVAILABLE'
  | 'INTERNAL';

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} does not exist (it may have been deleted).`);
}

export function invalid(field: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { [field]: message });
}

export function conflict(message: string, field?: string): DomainError {
  return new DomainError('CONFLICT', message, field ? { [field]: message } : undefined);
}
