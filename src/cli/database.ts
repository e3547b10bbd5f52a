// The CLI's database context: --url / DATABASE_URL selects a server, otherwise an embedded PGlite
// database under .stocksync/ in the working directory (or in memory with --memory).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database, DatabaseHandle } from '@stocksync/db';
import { migrateToLatest, migrationStatus, redactUrl } from '@stocksync/db/migrations';

/** Options every command inherits from the program. */
export interface GlobalOptions {
  url?: string;
  memory?: boolean;
  json?: boolean;
  verbose?: boolean;
}

/** Where the CLI's database lives. */
export type Target =
  | { kind: 'server'; url: string; display: string }
  | { kind: 'embedded'; dir: string; display: string }
  | { kind: 'memory'; display: string };

/** An open CLI database. */
export interface CliDatabase {
  target: Target;
  handle: DatabaseHandle;
  db: Database;
  close(): Promise<void>;
}

/** Directory of the embedded database, relative to the working directory. */
export const EMBEDDED_DIR = join('.stocksync', 'pglite');

/** Picks the target from the options and the environment, without connecting. */
export function resolveTarget(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Target {
  const url = options.url ?? (options.memory ? undefined : env.DATABASE_URL || undefined);
  if (url) return { kind: 'server', url, display: redactUrl(url) };
  if (options.memory) return { kind: 'memory', display: 'embedded (in memory)' };
  const dir = resolve(cwd, EMBEDDED_DIR);
  return { kind: 'embedded', dir, display: `embedded (${EMBEDDED_DIR})` };
}

/** Opens the database the options point at. */
export async function openCliDatabase(options: GlobalOptions): Promise<CliDatabase> {
  const target = resolveTarget(options);
  // Loaded here, not at import: the root entry defines every table.
  const { openDatabase } = await import('@stocksync/db');
  let handle: DatabaseHandle;
  if (target.kind === 'server') {
    handle = await openDatabase({ url: target.url, max: 4 });
  } else if (target.kind === 'embedded') {
    mkdirSync(target.dir, { recursive: true });
    handle = await openDatabase({ pgliteDir: target.dir });
  } else {
    handle = await openDatabase({ pgliteDir: 'memory' });
  }
  return { target, handle, db: handle.db, close: () => handle.close() };
}

/** What a migrate call did. */
export interface MigrateSummary {
  /** Names of the migrations applied by this call, in order. */
  applied: string[];
  /** Number of migrations applied before the call. */
  before: number;
  /** Number of migrations in the folder. */
  total: number;
}

/** Lists the migrations of the package folder that are not applied yet (with the package runner). */
export async function pendingMigrations(cli: CliDatabase): Promise<string[]> {
  const status = await migrationStatus(cli.handle);
  return status.migrations.filter((e) => e.state !== 'applied').map((e) => e.name);
}

/** Migrates the CLI database to the latest migration (package runner) and says what it applied. */
export async function migrateCliDatabase(cli: CliDatabase): Promise<MigrateSummary> {
  const status = await migrationStatus(cli.handle);
  const before = status.applied;
  const result = await migrateToLatest({ handle: cli.handle, lock: { mode: 'wait' } });
  return { applied: result.migrations.map((m) => m.name), before, total: status.migrations.length };
}

/** Rows of a `db.execute` result, whatever the driver (postgres.js returns an array). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Opens the database for a command (from its own and the program's options), runs `fn`, and
 * always closes it.
 */
export async function withCliDatabase<T>(options: GlobalOptions, fn: (cli: CliDatabase) => Promise<T>): Promise<T> {
  const cli = await openCliDatabase(options);
  try {
    return await fn(cli);
  } finally {
    await cli.close();
  }
}
