export interface Timing {
  p50: number;
  p99: number;
  mean: number;
  samples: number;
}

/** Percentiles of a set of durations in milliseconds (nearest-rank). */
export function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { p50: rank(0.5), p99: rank(0.99), mean, samples: sorted.length };
}

/** Runs `work` and returns its duration in milliseconds. */
export async function measure(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
