import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultSize, tinySize, type SyntheticSize } from '../../../db/synthetic/generate';
import { startHeadlessHost } from '../../../e2e/support/headlessHost';
import { markdownTable } from '../table';
import { uiInventory } from './inventory';
import { runUiBench, type UiResult } from './uiBench';

// `npm run bench:ui [-- --size tiny|full|SCALE] [--runs N] [--calls] [--json FILE]`: what a person
// feels in the app at the benchmark's scale, in Chromium against the headless host.

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    runs: { type: 'string', default: '5' },
    calls: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '30000' },
    json: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`bench:ui: ${message}`);
  process.exit(2);
}

/** `full`, `tiny`, or a fraction of the full size; people stay 1,000, so the bell's crossing always has 1,000 followers. */
function sizeOf(name: string): { label: string; size: SyntheticSize } {
  if (name === 'full') return { label: 'full', size: defaultSize };
  if (name === 'tiny') return { label: 'tiny', size: tinySize };
  const scale = Number(name);
  if (!(scale > 0 && scale <= 1)) fail(`--size is tiny, full or a fraction of the full size (0.1), not "${name}".`);
  const scaled = Object.fromEntries(Object.entries(defaultSize).map(([key, value]) => [key, Math.max(10, Math.round(value * scale))])) as unknown as SyntheticSize;
  return { label: `x${scale}`, size: { ...scaled, users: defaultSize.users } };
}

const { label, size } = sizeOf(values.size);
const runs = Number(values.runs);
const timeoutMs = Number(values.timeout);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs is a whole number of at least 1, not "${values.runs}".`);
if (!(timeoutMs > 0)) fail(`--timeout is a number of milliseconds, not "${values.timeout}".`);
const log = (line: string) => console.error(line);

const inventory = await uiInventory(label, size, log);
log('Starting the headless host...');
const host = await startHeadlessHost({ dataDir: inventory.dataDir });
let results: UiResult[];
try {
  results = await runUiBench({ url: host.url, inventory, runs, warmUp: runs > 1, timeoutMs, log });
} finally {
  await host.stop({ keepData: true });
}

const ms = (value: number) => `${Math.round(value)} ms`;
const rows = results.map((result) => [
  result.name,
  result.shows,
  ms(result.timing.p50),
  result.timing.runs > 1 ? `${Math.round(result.timing.p99Min)}-${Math.round(result.timing.p99Max)}` : '',
  `< ${result.targetMs} ms`,
  result.timing.p50 < result.targetMs ? 'met' : 'MISSED',
]);
const header = ['Measure', 'Timed until on screen', `Median of ${runs} run${runs === 1 ? '' : 's'}`, 'Spread', 'Target', ''];
const count = (value: number) => value.toLocaleString('en-US');
console.log(
  `Stockbell UI benchmark (${label}): ${count(size.parts)} parts, ${count(size.categories)} categories, ${count(size.notifications)} notifications, ${count(size.stockItems)} stock items, ${count(size.locations)} locations; Chromium against the headless host; ${cpus().length} CPUs, Node ${process.version}.`,
);
console.log(markdownTable(header, rows));
if (values.calls) {
  console.log('\nCalls per measure (median time from request to the end of its answer, slowest first):');
  for (const result of results) console.log(`- ${result.name}: ${result.calls.map((call) => `${call.method} ${ms(call.ms)}`).join(', ') || 'none'}`);
}
if (values.json) writeFileSync(values.json, `${JSON.stringify({ label, size, runs, results }, null, 2)}\n`);
// A smoke run (CI, at a tiny size) checks that every measure was taken, never how fast.
const missing = results.filter((result) => !Number.isFinite(result.timing.p50) || result.timing.runs !== runs);
if (missing.length > 0) fail(`no figure for ${missing.map((result) => result.name).join(', ')}.`);
