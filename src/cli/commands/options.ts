// Argument parsers shared by commands: they reject bad values with a usage error (exit code 2).
import { InvalidArgumentError } from 'commander';
import { SCALES, type ScaleName } from '@stocksync/db/seed';

/** Parses `--scale`. */
export function parseScale(value: string): ScaleName {
  if (!(value in SCALES)) throw new InvalidArgumentError(`use one of ${Object.keys(SCALES).join(', ')}.`);
  return value as ScaleName;
}

/** Parses a whole number >= 0. */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number >= 0.');
  return n;
}
