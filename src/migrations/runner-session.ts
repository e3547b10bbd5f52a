// The runner's session: connect -> lock -> ensure history -> load files and applied rows -> ... ->
// unlock, around whatever a runner entry point does in between.
import { MigrationPlanError } from '../errors.js';
import { openMigrationConnection, type MigrationConnection, type MigrationTarget } from './adapter.js';
import { defaultMigrationsFolder } from './folder.js';
import {
  appliedFromHistory,
  DEFAULT_MIGRATIONS_SCHEMA,
  DEFAULT_MIGRATIONS_TABLE,
  DRIZZLE_MIGRATIONS_TABLE,
  ensureHistory,
  historyExists,
  readHistory,
  type AppliedState,
  type HistoryLocation,
  type HistoryRow,
} from './history.js';
import { loadMigrations, type MigrationFile } from './loader.js';
import { acquireMigrationLock, migrationLockKey, releaseMigrationLock, resolveMigrationLockKey } from './lock.js';
import type { MigratorOptions } from './runner-options.js';

/** What every runner entry point works on: the connection, history location, files and applied rows. */
export interface Session {
  conn: MigrationConnection;
  loc: HistoryLocation;
  files: MigrationFile[];
  history: HistoryRow[];
  applied: Map<string, AppliedState>;
  options: MigratorOptions;
}

function locationOf(options: MigratorOptions): HistoryLocation {
  return {
    schema: options.schema ?? DEFAULT_MIGRATIONS_SCHEMA,
    table: options.table ?? DEFAULT_MIGRATIONS_TABLE,
    drizzleTable: options.drizzleTable ?? DRIZZLE_MIGRATIONS_TABLE,
  };
}

/**
 * The runner's outer phases: load the files, connect, (lock, ensure the history table,) read the
 * history, run `fn`, then unlock and release whatever happened.
 */
export async function withSession<T>(
  target: MigrationTarget,
  options: MigratorOptions,
  mode: 'lock' | 'read',
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  const loc = locationOf(options);
  const files = loadMigrations(options.folder ?? defaultMigrationsFolder());
  const conn = await openMigrationConnection(target);
  let key = migrationLockKey(loc.schema, loc.table);
  let locked = false;
  try {
    if (mode === 'lock') {
      key = await resolveMigrationLockKey(conn, loc.schema, loc.table);
      const unsalted = migrationLockKey(loc.schema, loc.table);
      await acquireMigrationLock(conn, key, { ...options.lock, onWait: () => options.onEvent?.({ type: 'lock-wait' }) }, unsalted);
      locked = true;
      await ensureHistory(conn, loc);
    }
    const history = mode === 'lock' || (await historyExists(conn, loc)) ? await readHistory(conn, loc) : [];
    return await fn({ conn, loc, files, history, applied: appliedFromHistory(history), options });
  } finally {
    try {
      if (locked) await releaseMigrationLock(conn, key);
    } finally {
      await conn.release();
    }
  }
}

/** Refuses to run on a database drizzle-kit migrated until `baseline` adopted it. */
export function refuseUnadopted(session: Session, drizzleRows: number): void {
  if (session.history.length === 0 && drizzleRows > 0) {
    throw new MigrationPlanError(
      'This database was migrated by drizzle-kit migrate and has no runner history yet. Run `stocksync-db migrate baseline` once to adopt it.',
    );
  }
}
