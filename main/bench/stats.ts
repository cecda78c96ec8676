export interface Timing {
  p50: number;
  p99: number;
  mean: number;
  samples: number;
}

/**
 * A timed case run several times: the median of the runs' p50 and p99, and the spread of their p99
 * (a noisy neighbour moves one run, not the median). `samples` is per run.
 */
export interface RunTiming extends Timing {
  runs: number;
  p99Min: number;
  p99Max: number;
}

/** Percentiles of a set of durations in milliseconds (nearest-rank). */
export function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { p50: rank(0.5), p99: rank(0.99), mean, samples: sorted.length };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Summarises several runs of one case, each a set of samples. */
export function overRuns(runs: number[][]): RunTiming {
  const each = runs.map(timing);
  const p99s = each.map((run) => run.p99);
  return {
    p50: median(each.map((run) => run.p50)),
    p99: median(p99s),
    mean: median(each.map((run) => run.mean)),
    samples: each[0]?.samples ?? 0,
    runs: runs.length,
    p99Min: Math.min(...p99s),
    p99Max: Math.max(...p99s),
  };
}

/** Runs `work` and returns its duration in milliseconds. */
export async function measure(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
