import { CallFailure, errorMessage } from '../../client/callFailure';

/** Field name -> sentence, from an INVALID_INPUT (or field-specific CONFLICT) failure. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof CallFailure ? error.fields : {};
}

/**
 * The message for the modal's alert: shown unless one of the form's own fields already displays it,
 * so no error is ever invisible (a field error for an input the form lacks still surfaces here).
 */
export function formAlertOf(error: unknown, fieldNames: readonly string[]): string | null {
  if (!error) return null;
  const fields = fieldErrorsOf(error);
  if (fieldNames.some((name) => fields[name])) return null;
  return errorMessage(error);
}
