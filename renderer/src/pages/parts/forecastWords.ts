import { MIN_HISTORY_DAYS, MIN_USES, type ForecastView, type StockHistoryView } from '../../../../main/contract/forecast';
import { formatQuantityText } from '../../components/QuantityText';

// The forecast in plain words with its working, so a person can check it against what they know
// (the rate, what is on order and when, the lead time that makes it urgent) rather than trust a date.

type Arrival = StockHistoryView['arrivals'][number];

export interface ForecastWords {
  /** The answer: when it falls below the minimum, or why there is no date. */
  headline: string;
  /** How that was worked out, one sentence each. */
  working: string[];
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatQuantityText(String(count))} ${count === 1 ? one : many}`;
}

/** A rate is an average: "about 2.7", not "2.66667". */
function approximately(value: string, locale: string | undefined): string {
  const rate = Number(value);
  const digits = rate >= 10 ? 0 : rate >= 1 ? 1 : 2;
  return rate > 0 && rate < 0.01 ? 'less than 0.01' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(rate);
}

function amount(value: string | number, units: string): string {
  return `${formatQuantityText(String(value))} ${units}`;
}

/** A calendar date (YYYY-MM-DD) read where it was written, not shifted through a time zone. */
function localDay(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day);
}

export function fullDate(date: string, locale?: string): string {
  return localDay(date).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

export function shortDate(time: number, locale?: string): string {
  return new Date(time).toLocaleDateString(locale, { day: 'numeric', month: 'short' });
}

function usage(view: ForecastView, locale: string | undefined): string | null {
  if (view.dailyUse === null) return null;
  const days = plural(Math.round(view.historyDays), 'day');
  if (view.uses === 0) return `Nothing was removed over the last ${days}.`;
  return `Uses about ${approximately(view.dailyUse, locale)} ${view.units} a day (${amount(view.used, view.units)} removed over the last ${days}).`;
}

function arrivalsPhrase(arrivals: Arrival[], units: string, locale: string | undefined): string {
  const [first, second] = arrivals;
  if (!first) return '';
  if (arrivals.length === 1) return `with ${amount(first.quantity, units)} on order arriving ${shortDate(first.at, locale)}, `;
  if (arrivals.length === 2 && second) {
    return `with ${amount(first.quantity, units)} on order arriving ${shortDate(first.at, locale)} and ${amount(second.quantity, units)} on ${shortDate(second.at, locale)}, `;
  }
  const total = arrivals.reduce((sum, arrival) => sum + arrival.quantity, 0);
  const last = arrivals.at(-1) ?? first;
  return `with ${amount(total, units)} on order arriving in ${arrivals.length} deliveries from ${shortDate(first.at, locale)} to ${shortDate(last.at, locale)}, `;
}

function leadTimePhrase(view: ForecastView): string {
  const margin = `the ${view.safetyDays}-day margin`;
  if (view.leadTimeSource === 'none') return `${margin} (no lead time is known: give a supplier one)`;
  const from = view.leadTimeSupplier ? ` (${view.leadTimeSupplier}, ${view.leadTimeSource === 'preferred' ? 'preferred' : 'the shortest known'})` : '';
  return `its ${view.leadTimeDays}-day lead time${from} plus ${margin}`;
}

function ahead(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `${days} days ahead`;
}

export function forecastWords(view: ForecastView, arrivals: Arrival[], options: { active: boolean; locale?: string }): ForecastWords {
  const { locale } = options;
  const { units } = view;
  const used = usage(view, locale);
  const undated = view.undatedOnOrder !== '0' ? `${amount(view.undatedOnOrder, units)} more on order ${view.undatedOnOrder === '1' ? 'has' : 'have'} no expected date, so ${view.undatedOnOrder === '1' ? 'it is' : 'they are'} not counted.` : null;
  const withWorking = (headline: string, ...working: (string | null)[]) => ({ headline, working: working.filter((line) => line !== null) });

  switch (view.status) {
    case 'no_minimum':
      if (!options.active) return withWorking('Inactive parts are not forecast.', used);
      return withWorking('A forecast needs a minimum stock: set one to see when this part will run low.', used);
    case 'already_low':
      return withWorking(
        `Already below the minimum: ${amount(view.stock, units)} in stock against a minimum of ${amount(view.minimum, units)}.`,
        used,
        view.onOrder !== '0' ? `${amount(view.onOrder, units)} on order.` : 'Nothing is on order.',
      );
    case 'too_little_history': {
      const recorded = Math.floor(view.historyDays);
      const missing = [
        view.historyDays < MIN_HISTORY_DAYS ? plural(Math.ceil(MIN_HISTORY_DAYS - view.historyDays), 'more day') : null,
        view.uses < MIN_USES ? plural(MIN_USES - view.uses, 'more removal') : null,
      ].filter((part) => part !== null);
      return withWorking(
        'Too little history for a forecast yet.',
        `A forecast needs at least ${MIN_HISTORY_DAYS} days of record and ${MIN_USES} removals; so far there ${recorded === 1 ? 'is' : 'are'} ${plural(recorded, 'day')} and ${plural(view.uses, 'removal')}${missing.length > 0 ? `: ${missing.join(' and ')} to go` : ''}.`,
      );
    }
    case 'not_projected':
      return withWorking(`Not projected to fall below the minimum of ${amount(view.minimum, units)}.`, used, undated);
    case 'projected': {
      const on = view.belowMinimumOn === null ? 'soon' : `on ${fullDate(view.belowMinimumOn, locale)}`;
      const days = view.daysAhead ?? 0;
      const within = view.warnFrom === null || days <= view.leadTimeDays + view.safetyDays;
      const reach = within ? `, within ${leadTimePhrase(view)}.` : `. It will count as running low from ${view.warnFrom === null ? 'then' : fullDate(view.warnFrom, locale)}, when that date is within ${leadTimePhrase(view)}.`;
      const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
      return withWorking(
        `Expected below the minimum ${when}.`,
        used,
        `At that pace, ${arrivalsPhrase(arrivals, units, locale)}stock falls below the minimum of ${amount(view.minimum, units)} ${on} — ${ahead(days)}${reach}`,
        undated,
      );
    }
  }
}
