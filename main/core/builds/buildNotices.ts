import type { WriteContext } from '../context';
import { queueEmails } from '../mail/delivery';
import { renderEmail } from '../mail/templates';
import type { NotificationKind } from '../notifications/kinds';
import { notifications } from '../notifications/notifications';
import { formatQuantity } from '../quantity';
import { mutedUsersOfPart } from '../subscriptions/mutes';
import { describeVia, subscribersOfPart } from '../subscriptions/subscribers';
import type { Requirement } from './requirements';

export interface BuildFacts {
  id: number;
  reference: string;
  assemblyId: number;
  assemblyName: string;
  quantity: number;
  targetDate: string | null;
}

interface Notice {
  kind: NotificationKind;
  title: string;
  message: string;
  /** Short lines, for "stock required". */
  shortLines?: Requirement[];
  /** Someone who should not get this (the person who did it). */
  except?: number | null;
}

function withUnits(quantity: number, units: string): string {
  return units ? `${formatQuantity(quantity)} ${units}` : formatQuantity(quantity);
}

/**
 * Tells the subscribers of the assembly (through its templates and categories, as for low stock)
 * about a build order, in-app and by email per their preferences, in the caller's transaction.
 */
export function noticeToAssemblySubscribers(ctx: WriteContext, build: BuildFacts, notice: Notice): void {
  if (ctx.change.derivationsDeferred) return;
  const path = `/builds/${build.id}`;
  const shortLines = (notice.shortLines ?? []).map((line) => ({
    partId: line.partId,
    name: line.name,
    required: formatQuantity(line.required),
    available: formatQuantity(line.available),
    minimum: formatQuantity(line.minimum),
  }));
  const muted = mutedUsersOfPart(ctx, build.assemblyId);
  const recipients = subscribersOfPart(ctx, build.assemblyId).filter(
    (subscriber) => (notice.except === undefined || notice.except !== subscriber.userId) && !muted.has(subscriber.userId),
  );
  const created = notifications.createMany(
    ctx,
    {
      kind: notice.kind,
      title: notice.title,
      message: notice.message,
      target: { kind: 'build', id: String(build.id) },
      data: { buildId: build.id, reference: build.reference, assembly: build.assemblyName, shortLines },
    },
    recipients.map((subscriber) => ({ userId: subscriber.userId, reason: describeVia(subscriber.via).replace('this part', build.assemblyName) })),
  );
  queueEmails(
    ctx,
    notice.kind,
    created.map((notification) => ({ notificationId: notification.id, reason: notification.reason })),
    (reason, settings) =>
      renderEmail({
        instanceName: settings.instanceName,
        heading: notice.title,
        intro: notice.message,
        facts: [
          { label: 'Build order', value: build.reference },
          { label: 'Assembly', value: build.assemblyName },
          { label: 'Quantity', value: formatQuantity(build.quantity) },
          { label: 'Target date', value: build.targetDate ?? 'None' },
        ],
        ...(notice.shortLines?.length
          ? {
              table: {
                columns: ['Part', 'Required', 'Available', 'Minimum'],
                rows: notice.shortLines.map((line) => [
                  line.name,
                  withUnits(line.required, line.units),
                  withUnits(line.available, line.units),
                  withUnits(line.minimum, line.units),
                ]),
              },
            }
          : {}),
        reason,
        path,
        links: ctx.links,
      }),
  );
}

/** Short lines named in the notice itself; the rest are on the order's page and in the email. */
const LINES_IN_MESSAGE = 5;

/** "R 10k: needs 50, 12 available", as the order page shows a short line. */
export function describeShortLine(line: Requirement): string {
  const facts = `${line.name}: needs ${withUnits(line.required, line.units)}, ${withUnits(line.available, line.units)} available`;
  return line.available >= line.required ? `${facts} (below its minimum of ${withUnits(line.minimum, line.units)})` : facts;
}

/** "Stock required for build order BO-0001", when any required line is short. */
export function noticeStockRequired(ctx: WriteContext, build: BuildFacts, requirements: Requirement[]): void {
  const shortLines = requirements.filter((line) => line.short);
  if (shortLines.length === 0) return;
  const named = shortLines.slice(0, LINES_IN_MESSAGE).map(describeShortLine).join('; ');
  const more = shortLines.length > LINES_IN_MESSAGE ? `; and ${shortLines.length - LINES_IN_MESSAGE} more` : '';
  noticeToAssemblySubscribers(ctx, build, {
    kind: 'build.stock_required',
    title: `Stock required for build order ${build.reference}`,
    message: `${build.reference} (${formatQuantity(build.quantity)} x ${build.assemblyName}) is short. ${named}${more}.`,
    shortLines,
  });
}
