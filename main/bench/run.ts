import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultSize, tinySize, type SyntheticSize } from '../../db/synthetic/generate';
import { runBenchmark, type AgainstRaw, type BenchResult, type RatioRuns } from './benchmark';
import type { RunTiming } from './stats';
import { markdownTable } from './table';

// `npm run bench [-- --parts N ... --json FILE]`: the performance figures the README reports.

const sizeFlags: Record<string, keyof SyntheticSize> = {
  parts: 'parts',
  categories: 'categories',
  users: 'users',
  subscriptions: 'subscriptions',
  'category-subscriptions': 'categorySubscriptions',
  notifications: 'notifications',
  'stock-items': 'stockItems',
  locations: 'locations',
};

const { values } = parseArgs({
  options: {
    ...Object.fromEntries(Object.keys(sizeFlags).map((flag) => [flag, { type: 'string' as const }])),
    iterations: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    movements: { type: 'string', default: '100000' },
    emails: { type: 'string', default: '10000' },
    tiny: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const size: SyntheticSize = { ...(values.tiny ? tinySize : defaultSize) };
for (const [flag, key] of Object.entries(sizeFlags)) {
  const given = (values as Record<string, string | boolean | undefined>)[flag];
  if (typeof given === 'string') size[key] = Number(given);
}
const number = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number(text));

const result = await runBenchmark({
  size,
  iterations: values.tiny ? 20 : number(values.iterations, 200),
  runs: values.tiny ? 1 : number(values.runs, 3),
  bulkMovements: values.tiny ? 5_000 : number(values.movements, 100_000),
  emails: values.tiny ? 200 : number(values.emails, 10_000),
  log: (line) => console.error(line),
});

const ms = (value: number) => `${value.toFixed(2)} ms`;
const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

const spread = (timing: RunTiming) => (timing.runs > 1 ? `${timing.p99Min.toFixed(2)}-${timing.p99Max.toFixed(2)}` : '');
const ratioSpread = (runs: RatioRuns, count: number) => (count > 1 ? `${runs.ratioMin.toFixed(2)}-${runs.ratioMax.toFixed(2)}` : '');

function againstRawRow(name: string, timing: AgainstRaw, limit: number): string[] {
  return [
    name,
    `${ms(timing.p50)} / ${ms(timing.p99)}`,
    spread(timing),
    `${ms(timing.raw.p50)} / ${ms(timing.raw.p99)}`,
    `${timing.ratioP50.toFixed(2)} / ${timing.ratioP99.toFixed(2)}`,
    `p50 ratio <= ${limit}`,
    verdict(timing.ratioP50 <= limit),
  ];
}

function table(r: BenchResult): string {
  const rows: string[][] = [
    againstRawRow('1a. Adjustment, no crossing', r.adjustment.noCrossing, 1.5),
    againstRawRow('1a+. The same, forecast worked out (90 days of use, an order due)', r.adjustment.forecast, 1.5),
    againstRawRow(`1b. Adjustment, crossing, ${r.adjustment.crossing100.subscribers} subscribers`, r.adjustment.crossing100, 2),
    againstRawRow(`1c. Adjustment, crossing, ${r.adjustment.crossing1000.subscribers} subscribers`, r.adjustment.crossing1000, 2),
    [`   1c leaves for idle time: settling / expanding ${r.deferred.emails.toLocaleString('en-US')} emails`, `${ms(r.deferred.settleMs)} / ${ms(r.deferred.expandEmailsMs)}`, '', '', '', 'not in the change', ''],
    [`2. Bulk: ${r.bulk.movements.toLocaleString('en-US')} movements in one call`, rate(r.bulk.movementsPerSecond), ratioSpread(r.bulk, r.runs), rate(r.bulk.rawInsertsPerSecond), r.bulk.ratio.toFixed(2), 'ratio >= 0.5', verdict(r.bulk.ratio >= 0.5)],
    [`3a. Unread count, ${r.inbox.notifications.toLocaleString('en-US')} notifications`, `${ms(r.inbox.unreadCount.p50)} / ${ms(r.inbox.unreadCount.p99)}`, spread(r.inbox.unreadCount), '', '', 'p99 < 2 ms', verdict(r.inbox.unreadCount.p99 < 2)],
    ['3b. First inbox page', `${ms(r.inbox.firstPage.p50)} / ${ms(r.inbox.firstPage.p99)}`, spread(r.inbox.firstPage), '', '', 'p99 < 2 ms', verdict(r.inbox.firstPage.p99 < 2)],
    [`4. Outbox drain, ${r.outbox.emails.toLocaleString('en-US')} emails`, rate(r.outbox.drainPerSecond), ratioSpread(r.outbox, r.runs), rate(r.outbox.rawPerSecond), r.outbox.ratio.toFixed(2), 'ratio >= 0.8', verdict(r.outbox.ratio >= 0.8)],
    ['5a. Open the database to first answer', ms(r.open.firstCallMs), '', '', '', '< 500 ms', verdict(r.open.firstCallMs < 500)],
    ['5b. Peak RSS', `${Math.round(r.peakRssMb)} MB`, '', '', '', '< 500 MB', verdict(r.peakRssMb < 500)],
    [`5c. Daily forecast pass, ${r.forecastPass.parts.toLocaleString('en-US')} parts with a minimum`, ms(r.forecastPass.ms), '', '', '', 'in the background', ''],
  ];
  const header = ['Measure', `Median of ${r.runs} run${r.runs === 1 ? '' : 's'} (p50 / p99)`, 'Spread (p99 or ratio)', 'Raw baseline', 'Ratio', 'Target', ''];
  return markdownTable(header, rows);
}

console.log(`Stockbell benchmark: ${result.size.parts.toLocaleString('en-US')} parts, ${result.size.categories.toLocaleString('en-US')} categories, ${result.size.users} users, ${result.size.subscriptions.toLocaleString('en-US')} subscriptions, ${result.size.notifications.toLocaleString('en-US')} notifications, ${result.size.stockItems.toLocaleString('en-US')} stock items; ${result.machine.cpus} CPUs, Node ${result.machine.node}. Generated in ${result.generateSeconds.toFixed(0)} s.`);
console.log(table(result));
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
