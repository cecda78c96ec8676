import { describe, expect, it } from 'vitest';
import { median, overRuns, timing } from './stats';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles, and the median of several runs with the spread of their p99', () => {
    expect(timing([5, 1, 3, 2, 4])).toEqual({ p50: 3, p99: 5, mean: 3, samples: 5 });
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // One noisy run does not decide the figure: its p99 shows in the spread.
    const summary = overRuns([
      [1, 1, 1, 2],
      [1, 1, 1, 9],
      [1, 1, 2, 3],
    ]);
    expect(summary).toMatchObject({ p50: 1, p99: 3, p99Min: 2, p99Max: 9, runs: 3, samples: 4 });
  });
});
