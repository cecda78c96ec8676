import { CallFailure } from '../client/callFailure';

export function isNotFound(error: unknown): boolean {
  return error instanceof CallFailure && error.code === 'NOT_FOUND';
}
