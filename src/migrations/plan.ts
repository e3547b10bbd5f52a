// Pure planning: the folder checked against the history, and which migrations run in which order.
import { MigrationChecksumError, MigrationPlanError } from '../errors.js';
import type { AppliedState } from './history.js';
import type { MigrationFile } from './loader.js';

/**
 * Checks the folder against the history: no applied migration without its file, no applied file
 * changed since (hash), and (for up) no pending file older than the newest applied one.
 *
 * @example
 * ```ts
 * import { checkFolderAgainstHistory, loadMigrations } from '@stocksync/db/migrations';
 * checkFolderAgainstHistory(loadMigrations('drizzle'), new Map(), { direction: 'up' });
 * ```
 */
export function checkFolderAgainstHistory(
  files: MigrationFile[],
  applied: Map<string, AppliedState>,
  options: { direction: 'up' | 'down'; allowOutOfOrder?: boolean },
): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  const missing = [...applied.keys()].filter((n) => !byName.has(n));
  if (missing.length) {
    throw new MigrationPlanError(
      `Applied migration(s) ${missing.join(', ')} have no file in the folder. Restore the files from version control (a renamed file is a new migration).`,
    );
  }
  const changed = files.filter((f) => applied.has(f.name) && applied.get(f.name)!.sha256 !== f.sha256);
  if (changed.length) {
    throw new MigrationChecksumError(
      `Applied migration(s) ${changed.map((f) => f.name).join(', ')} changed on disk since they ran. ` +
        'Revert the edit and add a new migration instead; if the edit is reviewed and harmless (a comment), run `stocksync-db migrate repair`.',
      changed[0]!.name,
    );
  }
  if (options.direction === 'up' && !options.allowOutOfOrder) {
    const newest = Math.max(-1, ...files.filter((f) => applied.has(f.name)).map((f) => f.index));
    const late = files.filter((f) => !applied.has(f.name) && f.index < newest);
    if (late.length) {
      throw new MigrationPlanError(
        `Pending migration(s) ${late.map((f) => f.name).join(', ')} come before already-applied ones (merged out of order). ` +
          'Regenerate them after the newest migration, or rerun with --allow-out-of-order if they are independent.',
      );
    }
  }
}

/**
 * Pure planning: which migrations run, in which order, for up (`to` inclusive) or down
 * (`steps`, `to` = the migration that stays applied, or `all`).
 *
 * @example
 * ```ts
 * import { selectMigrations } from '@stocksync/db/migrations';
 * const steps = selectMigrations(files, applied, { direction: 'down', steps: 1 });
 * ```
 */
export function selectMigrations(
  files: MigrationFile[],
  applied: Map<string, AppliedState>,
  options: { direction: 'up' | 'down'; to?: string; steps?: number; all?: boolean },
): MigrationFile[] {
  if (options.to !== undefined && !files.some((f) => f.name === options.to)) {
    throw new MigrationPlanError(`No migration named ${options.to} in the folder (names are journal tags such as 0003_inventory).`);
  }
  if (options.direction === 'up') {
    const pending = files.filter((f) => !applied.has(f.name));
    if (options.to === undefined) return pending;
    const limit = files.find((f) => f.name === options.to)!.index;
    return pending.filter((f) => f.index <= limit);
  }
  const done = files.filter((f) => applied.has(f.name)).reverse();
  if (options.all) return done;
  if (options.to !== undefined) {
    const limit = files.find((f) => f.name === options.to)!.index;
    return done.filter((f) => f.index > limit);
  }
  return done.slice(0, options.steps ?? 1);
}
