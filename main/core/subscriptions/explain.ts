import type { HearingExplanation } from '../../contract/notifications';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { whyNoEmail } from '../mail/delivery';
import { readEmailSettings } from '../mail/emailSettings';
import { preferenceFor } from '../notifications/preferences';
import { quietHoursOf } from '../notifications/quietHours';
import { formatQuantity } from '../quantity';
import { mutes } from './mutes';
import { coverageOfPart, describeVia } from './subscribers';

// "Why would I (not) hear about this part?": every rule between a part's stock falling and this
// person being told, checked for them now, each as a plain sentence. Anything that stops it
// outright is a 'blocked' line; what changes how they are told is a 'note'.

type Line = HearingExplanation['lines'][number];

interface PartFacts {
  name: string;
  active: number;
  minimumStock: number;
  stockTotal: number;
  isLow: number;
  units: string;
}

function amount(quantity: number, units: string): string {
  return units ? `${formatQuantity(quantity)} ${units}` : formatQuantity(quantity);
}

export function explainHearing(ctx: CoreContext, userId: number, partId: number): HearingExplanation {
  const client = ctx.db.$client;
  const part = client
    .prepare('select name, active, minimum_stock as minimumStock, stock_total as stockTotal, is_low as isLow, units from parts where id = ?')
    .get(partId) as PartFacts | undefined;
  if (!part) throw notFound('Part');
  const lines: Line[] = [];

  const via = coverageOfPart(ctx, userId, partId);
  lines.push(
    via
      ? { kind: 'ok', text: describeVia(via).replace('this part', part.name) }
      : { kind: 'blocked', text: `You are not subscribed to ${part.name}, to a template it is a variant of, or to its category. Use the bell to subscribe.` },
  );
  if (!part.active) lines.push({ kind: 'blocked', text: `${part.name} is inactive: inactive parts never alert.` });
  if (part.minimumStock === 0) lines.push({ kind: 'blocked', text: `${part.name} has no minimum stock, so it is never low. Set a minimum on the part to be told.` });

  const [mute] = mutes.status(ctx, userId, [{ kind: 'part', id: partId }]);
  if (mute?.muted) {
    const what = mute.muted.via ? mute.muted.via.name : part.name;
    // The time itself is shown by the app, in the person's own clock (`until`).
    const text = mute.muted.untilRestocked ? `You muted ${what} until its stock is back: nothing about it reaches you meanwhile.` : `You muted ${what}: nothing about it reaches you until the mute ends.`;
    lines.push({ kind: 'blocked', text, until: mute.muted.until });
  }

  if (part.isLow && part.minimumStock > 0) {
    lines.push({
      kind: 'note',
      text: `${part.name} is below its minimum now (${amount(part.stockTotal, part.units)} of ${amount(part.minimumStock, part.units)}). You are told when it falls below, so the next notice comes after it is back at its minimum and falls again.`,
    });
  }

  const preference = preferenceFor(ctx, userId, 'part.low_stock');
  if (!preference.desktop) lines.push({ kind: 'note', text: 'Desktop banners for low stock are off in your preferences; it still reaches your inbox.' });
  const email = client.prepare('select email from users where id = ?').pluck().get(userId) as string | null;
  const noEmail = whyNoEmail(readEmailSettings(ctx), email);
  if (!preference.email) lines.push({ kind: 'note', text: 'Low-stock emails are off in your preferences.' });
  else if (noEmail) lines.push({ kind: 'note', text: `No email: ${noEmail}` });
  else if (preference.emailMode === 'digest') lines.push({ kind: 'note', text: 'Low-stock emails come in your daily summary, not one by one.' });

  const quiet = quietHoursOf(ctx, userId);
  if (quiet) {
    lines.push({
      kind: 'note',
      text: `From ${quiet.start} to ${quiet.end}${quiet.weekends ? ' and at weekends' : ''} (${quiet.timeZone}) banners and emails wait for your quiet hours to end.`,
    });
  }
  return { hears: !lines.some((line) => line.kind === 'blocked'), lines };
}
