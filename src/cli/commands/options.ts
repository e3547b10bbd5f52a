// Argument parsers shared by commands: they reject bad values with a usage error (exit code 2).
// No library import here: `migrate` uses these too and must not load the seeders.
import { InvalidArgumentError } from 'commander';

/** Parses a whole number >= 0. */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number >= 0.');
  return n;
}
