import { notifications } from '@mantine/notifications';
import { errorMessage } from '../client/callFailure';

/** A toast after an action succeeds: what happened, in the past tense. A status, announced politely; not an alert. */
export function notifyDone(title: string, message?: string) {
  notifications.show({ title, message: message ?? '', color: 'teal', autoClose: 3500, role: 'status' });
}

/** A toast for an action that failed outside a form (forms show their errors in place). */
export function notifyFailed(title: string, error: unknown) {
  notifications.show({ title, message: errorMessage(error), color: 'red', autoClose: 6000 });
}
