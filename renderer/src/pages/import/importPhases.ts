import { INVENTREE_IMPORT_PHASES } from '../../../../main/contract/transfer';

/** The phases the host reports, in the order it runs them: the contract's list, so each gets its own bar. */
export const IMPORT_PHASES = INVENTREE_IMPORT_PHASES;

export interface PhaseProgress {
  done: number;
  total: number;
}

export type ImportProgressState = Record<string, PhaseProgress>;

/** Each phase counts the same: record counts differ wildly between phases, time per record less so. */
export function overallPercent(progress: ImportProgressState, finished: boolean): number {
  if (finished) return 100;
  const fractions = IMPORT_PHASES.map((phase) => {
    const entry = progress[phase];
    if (!entry) return 0;
    return entry.total === 0 ? 1 : entry.done / entry.total;
  });
  return Math.round((fractions.reduce((sum, value) => sum + value, 0) / IMPORT_PHASES.length) * 100);
}
