// Side-by-side measurement: subject and baseline run interleaved in one process, so machine
// noise hits both alike; results are min/median/max and the ratio of medians.
import { performance } from 'node:perf_hooks';

/** Summary statistics of one series, in milliseconds (or the unit given). */
export interface Stats {
  min: number;
  median: number;
  max: number;
  samples: number;
}

/** One benchmark figure: a subject against its baseline, or an absolute figure. */
export interface Figure {
  key: string;
  what: string;
  unit: string;
  subject: Stats;
  baseline?: Stats & { label: string };
  /** subject.median / baseline.median, or the absolute median for figures without a baseline. */
  ratio: number;
  target?: string;
  /** Whether the target is met (undefined when the figure is only reported). */
  met?: boolean;
  note?: string;
}

/** Computes min/median/max of a series. */
export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)!, samples: sorted.length };
}

/** Times one async call in milliseconds. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Runs subject and baseline alternately `rounds` times after `warmup` untimed rounds each, and
 * returns both series. Alternating (ABAB...) keeps drift from favouring either side.
 */
export async function sideBySide(
  subject: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  rounds: number,
  warmup = Math.max(1, Math.floor(rounds / 10)),
): Promise<{ subject: number[]; baseline: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await subject();
    await baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      s.push(await time(subject));
      b.push(await time(baseline));
    } else {
      b.push(await time(baseline));
      s.push(await time(subject));
    }
  }
  return { subject: s, baseline: b };
}

/** Builds a ratio figure from two series. */
export function ratioFigure(
  key: string,
  what: string,
  series: { subject: number[]; baseline: number[] },
  baselineLabel: string,
  target?: { max?: number; min?: number; text: string },
  unit = 'ms',
): Figure {
  const subject = stats(series.subject);
  const baseline = { ...stats(series.baseline), label: baselineLabel };
  const ratio = subject.median / baseline.median;
  const met = target ? (target.max === undefined || ratio <= target.max) && (target.min === undefined || ratio >= target.min) : undefined;
  return { key, what, unit, subject, baseline, ratio, target: target?.text, met };
}
