// Applies every pending migration of a folder to a database: the one call services and the test
// harness need (it is `migrateUp` with the lock in wait mode).
import type { DatabaseHandle } from '../connection.js';
import { defaultMigrationsFolder } from './folder.js';
import { migrateUp, type MigrationRunResult, type MigratorOptions } from './runner.js';

export { defaultMigrationsFolder };

/** Options for {@link migrateToLatest}: a URL or an open handle, plus runner options. */
export interface MigrateToLatestOptions extends MigratorOptions {
  /** postgres:// URL (node-postgres unless `driver: 'postgres'`). */
  url?: string;
  driver?: 'pg' | 'postgres';
  /** An open handle from `openDatabase` (any driver, PGlite included) instead of a URL. */
  handle?: DatabaseHandle;
  /** Alias of `folder`, kept for existing callers. */
  migrationsFolder?: string;
}

/**
 * Migrates the database to the latest migration with the package's runner.
 *
 * @example
 * ```ts
 * import { migrateToLatest } from '@stocksync/db/migrations';
 * await migrateToLatest({ url: process.env.DATABASE_URL! });
 * ```
 */
export async function migrateToLatest(options: MigrateToLatestOptions): Promise<MigrationRunResult> {
  const { url, driver, handle, migrationsFolder, ...rest } = options;
  const target = handle ?? (url ? { url, ...(driver ? { driver } : {}) } : undefined);
  if (!target) throw new TypeError('migrateToLatest needs a url or a handle.');
  return migrateUp(target, { ...rest, folder: rest.folder ?? migrationsFolder ?? defaultMigrationsFolder() });
}
