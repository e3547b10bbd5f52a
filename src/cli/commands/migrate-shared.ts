// What the `migrate` commands share: their options, the runner options built from them, and how a
// migration error is printed (its own recovery message, no stack).
import { resolve } from 'node:path';
import {
  MigrationChecksumError,
  MigrationFailedError,
  MigrationIrreversibleError,
  MigrationLockError,
  MigrationPlanError,
  defaultMigrationsFolder,
  type MigrationEvent,
  type MigratorOptions,
} from '@stocksync/db/migrations';
import type { GlobalOptions } from '../database.js';
import { color, EXIT, printError } from '../output.js';

/** Options of the `migrate` group (and the program's). */
export interface MigrateOptions extends GlobalOptions {
  folder?: string;
  lockTimeout?: string;
  wait?: string;
  failIfLocked?: boolean;
  allowOutOfOrder?: boolean;
}

const MIGRATION_ERRORS = [MigrationFailedError, MigrationPlanError, MigrationChecksumError, MigrationIrreversibleError, MigrationLockError];

/** The migrations folder: --folder, else the package's. */
export function folderOf(opts: MigrateOptions): string {
  return opts.folder ? resolve(opts.folder) : defaultMigrationsFolder();
}

/** The runner options the group's flags select. */
export function runnerOptions(opts: MigrateOptions, onEvent?: (e: MigrationEvent) => void): MigratorOptions {
  return {
    folder: folderOf(opts),
    ...(opts.lockTimeout ? { lockTimeout: opts.lockTimeout } : {}),
    lock: { mode: opts.failIfLocked ? 'fail' : 'wait', timeoutMs: opts.wait ? Number(opts.wait) * 1000 : 60_000 },
    ...(opts.allowOutOfOrder ? { allowOutOfOrder: true } : {}),
    ...(onEvent ? { onEvent } : {}),
  };
}

/**
 * Runs a command body. Migration errors carry their own recovery message: it is printed (with the
 * failing statement) and the exit code is 1; any other error goes on to the CLI's error formatter.
 */
export async function guarded(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (!MIGRATION_ERRORS.some((E) => error instanceof E)) throw error;
    printError((error as Error).message);
    const statement = error instanceof MigrationFailedError ? error.statement : undefined;
    if (statement) process.stderr.write(`${color.dim(`  statement: ${statement.length > 400 ? `${statement.slice(0, 400)}…` : statement}`)}\n`);
    process.exitCode = EXIT.failure;
  }
}
