// The `--scale` parser of the commands that seed (its presets live in the seed module).
import { InvalidArgumentError } from 'commander';
import { SCALES, type ScaleName } from '@stocksync/db/seed';

/** Parses `--scale`. */
export function parseScale(value: string): ScaleName {
  if (!(value in SCALES)) throw new InvalidArgumentError(`use one of ${Object.keys(SCALES).join(', ')}.`);
  return value as ScaleName;
}
