// Argument parsers shared by commands: they reject bad values with a usage error (exit code 2)
// before anything connects; commander's message names the option, ours the accepted values.
// No library import here: `migrate` uses these too and must not load the seeders.
import { InvalidArgumentError, Option } from 'commander';

const grouped = (n: number) => n.toLocaleString('en-US');

/**
 * A parser for a whole number from `min` to `max`, written in decimal digits (so `1e3`, `0x10`,
 * `2.0`, `-1` and `' 5'` are refused, not read as numbers).
 */
export function countParser(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${grouped(min)} to ${grouped(max)}.`);
    return n;
  };
}

/** Parses a whole number >= 0 (up to the largest Postgres integer). */
export const parseCount = countParser(0, 2_147_483_647);

/** Parses a tenant count for seeding (`large` is 1,000; more than 100,000 is a typo). */
export const parseTenantCount = countParser(0, 100_000);

/** An option whose value must be one of `values` (commander lists them in its error message). */
export function choiceOption(flags: string, description: string, values: readonly string[]): Option {
  return new Option(flags, description).choices(values);
}
