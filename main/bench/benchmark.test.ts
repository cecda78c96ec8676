import { describe, expect, it } from 'vitest';
import { runBenchmark } from './benchmark';

// A smoke test at a tiny size: the benchmark runs end to end and reports every figure. Its timings
// are never asserted here; `npm run bench` measures them at full size.
describe('benchmark', () => {
  it('runs every measurement at a tiny size', async () => {
    const result = await runBenchmark({
      size: { parts: 300, categories: 40, users: 120, subscriptions: 300, categorySubscriptions: 20, notifications: 2_000, stockItems: 600, locations: 10 },
      iterations: 5,
      runs: 2,
      bulkMovements: 500,
      emails: 20,
      log: () => undefined,
    });
    expect(result.adjustment.crossing100.subscribers).toBe(100);
    expect(result.adjustment.crossing1000.subscribers).toBe(120);
    expect(result.adjustment.noCrossing).toMatchObject({ samples: 5, runs: 2 });
    // Each single change is set against its raw baseline from the same run.
    expect(result.adjustment.crossing100.raw.samples).toBe(5);
    expect(result.adjustment.crossing1000.ratioP50).toBeGreaterThan(0);
    expect(result.bulk.ratioMin).toBeLessThanOrEqual(result.bulk.ratioMax);
    expect(result.deferred.emails).toBe(120);
    expect(result.bulk.movements).toBe(500);
    expect(result.inbox.notifications).toBeGreaterThan(100);
    expect(result.outbox.emails).toBe(20);
    expect(result.open.firstCallMs).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThan(0);
  }, 60_000);
});
