import { parseArgs } from 'node:util';
import { runLoad } from './load';

// `npm run load [-- --seconds 30 --rate 5000 --until-steady 120]`: the sustained-load figures in the
// README. With --until-steady N the run ends once memory has set no new high for N seconds, or at
// --seconds, whichever is first.
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, rate: { type: 'string', default: '5000' }, 'until-steady': { type: 'string' } },
});
const steady = values['until-steady'];
const result = await runLoad({ seconds: Number(values.seconds), rate: Number(values.rate), ...(steady === undefined ? {} : { untilSteadySeconds: Number(steady) }) });
const mb = (value: number) => `${Math.round(value)} MB`;
console.log(`Sustained load: ${Math.round(result.achievedRate).toLocaleString('en-US')} stock changes/s for ${result.seconds.toFixed(1)} s (target ${result.targetRate.toLocaleString('en-US')}/s), ${result.changes.toLocaleString('en-US')} changes, ${result.errors} errors`);
console.log(`Crossings: ${result.crossings}; notifications expected ${result.notificationsExpected}, found ${result.notificationsFound}`);
console.log(`Reads (unread count + first inbox page) during the load: ${result.reads}, p50 ${result.readLatency.p50.toFixed(2)} ms, p99 ${result.readLatency.p99.toFixed(2)} ms`);
console.log(`Memory: RSS ${mb(result.rssMb.start)} at start, ${mb(result.rssMb.max)} at most, ${mb(result.rssMb.end)} at the end; heap ${mb(result.heapMb.start)} -> ${mb(result.heapMb.end)}`);
console.log(`Memory every 10 s (s: RSS / heap MB): ${result.memory.map((sample) => `${sample.second}: ${mb(sample.rssMb)} / ${mb(sample.heapMb)}`).join(', ')}`);
console.log(
  result.levelledOff
    ? `Memory levelled off: no new high (by more than 1%) after ${Math.round(result.lastHighAt)} s, to the end at ${result.seconds.toFixed(0)} s.`
    : `The last new high of memory was at ${Math.round(result.lastHighAt)} s of ${result.seconds.toFixed(0)} s.`,
);
if (result.errors > 0 || result.notificationsFound !== result.notificationsExpected) process.exitCode = 1;
