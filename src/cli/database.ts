// The CLI's database context: --url / DATABASE_URL selects a server, otherwise an embedded PGlite
// database under .stocksync/ in the working directory (or in memory with --memory).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, redactUrl, type Database, type DatabaseHandle } from '@stocksync/db';
import { defaultMigrationsFolder, migrateToLatest } from '@stocksync/db/migrations';

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
  /** Tags of the migrations applied by this call, in order. */
  applied: string[];
  /** Number of migrations recorded before the call. */
  before: number;
  /** Number of migrations in the folder. */
  total: number;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

function readJournal(folder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

/** Returns the `created_at` values (journal `when`) of the applied drizzle migrations. */
export async function appliedMigrations(db: Database): Promise<number[]> {
  const exists = rowsOf<{ t: string | null }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`),
  );
  if (!exists[0]?.t) return [];
  const rows = rowsOf<{ created_at: string | number }>(
    await db.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at`),
  );
  return rows.map((r) => Number(r.created_at));
}

/** Lists the migrations of the folder that are not applied yet. */
export async function pendingMigrations(db: Database, folder = defaultMigrationsFolder()): Promise<string[]> {
  const applied = new Set(await appliedMigrations(db));
  return readJournal(folder)
    .filter((e) => !applied.has(e.when))
    .map((e) => e.tag);
}

/** Migrates the CLI database to the latest migration and says which migrations it applied. */
export async function migrateCliDatabase(cli: CliDatabase, folder = defaultMigrationsFolder()): Promise<MigrateSummary> {
  const journal = readJournal(folder);
  const before = new Set(await appliedMigrations(cli.db));
  if (cli.target.kind === 'server') {
    await migrateToLatest({ url: cli.target.url, migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(cli.db as never, {
      migrationsFolder: folder,
      migrationsSchema: 'drizzle',
      migrationsTable: '__drizzle_migrations',
    });
  }
  const after = new Set(await appliedMigrations(cli.db));
  const applied = journal.filter((e) => after.has(e.when) && !before.has(e.when)).map((e) => e.tag);
  return { applied, before: before.size, total: journal.length };
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
