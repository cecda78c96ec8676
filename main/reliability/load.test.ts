import { describe, expect, it } from 'vitest';
import { runLoad } from './load';

// Short runs of the load test (the README's figures come from `npm run load` at 5 000/s until memory levels off).
describe('sustained load', () => {
  it('loses no notification and raises no error while reads go on', async () => {
    const result = await runLoad({ seconds: 3, rate: 2000, parts: 100, subscribersPerPart: 3 });
    expect(result.errors).toBe(0);
    expect(result.changes).toBeGreaterThan(1000);
    expect(result.crossings).toBeGreaterThan(10);
    expect(result.notificationsFound).toBe(result.notificationsExpected);
    expect(result.reads).toBeGreaterThan(50);
    expect(result.heapMb.end - result.heapMb.start).toBeLessThan(200);
  }, 60_000);

  it('can run until memory levels off, sampling it every 10 s and saying when the last high was', async () => {
    const result = await runLoad({ seconds: 6, rate: 500, parts: 20, subscribersPerPart: 1, untilSteadySeconds: 2 });
    expect(result.memory[0]?.second).toBe(0);
    if (result.levelledOff) {
      expect(result.seconds - result.lastHighAt).toBeGreaterThanOrEqual(2);
      expect(result.seconds).toBeLessThan(6);
    } else {
      expect(result.seconds).toBeGreaterThanOrEqual(6);
      expect(result.memory.map((sample) => sample.second)).toEqual([0]);
    }
    expect(result.errors).toBe(0);
  }, 60_000);
});
