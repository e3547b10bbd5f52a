// The CLI's database context: --url / DATABASE_URL selects a server, otherwise an embedded PGlite
// database under .stocksync/ in the working directory (or in memory with --memory).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database, DatabaseHandle } from '@stocksync/db';
import { migrateToLatest, migrationStatus, openMigrationConnection, redactUrl, type MigrationConnection } from '@stocksync/db/migrations';

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

/** Seconds to wait for a server to answer a connect: PGCONNECT_TIMEOUT (as libpq reads it), else 10. */
export function connectTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PGCONNECT_TIMEOUT);
  return Number.isFinite(value) && value > 0 ? value : 10;
}

/**
 * Connects once to a server before a command runs, so every command fails the same way and early:
 * an unreachable server, a refused login or a missing database surface here (cli/error-message.ts
 * says what to do), and so does the wrong role. Operator commands need a role that row-level
 * security does not filter: a superuser, a BYPASSRLS role or a member of the tables' owner (the
 * test deployment.ts applies to a session). The service role would see no tenant at all.
 */
export async function preflight(url: string): Promise<void> {
  const conn = await openCheckedConnection(url);
  await conn.release();
}

/**
 * Opens one session on a server and runs the {@link preflight} check on it, so a command that needs
 * only this one session (`migrate status`) connects once. Release it with `conn.release()`.
 */
export async function openCheckedConnection(url: string): Promise<MigrationConnection> {
  const conn = await openMigrationConnection({ url, connectTimeoutMs: connectTimeoutSeconds() * 1000 });
  try {
    const [row] = await conn.query<{ role: string; has_tenants: boolean; privileged: boolean }>(
      `select current_user::text as role, c.oid is not null as has_tenants,
              (r.rolsuper or r.rolbypassrls or coalesce(pg_has_role(r.oid, c.relowner, 'USAGE'), false)) as privileged
         from pg_roles r left join pg_class c on c.oid = to_regclass('public.tenants')
        where r.rolname = current_user`,
    );
    if (row && row.has_tenants && !row.privileged) {
      // The root entry defines every table: loaded on this path only.
      const { WrongRoleError } = await import('@stocksync/db');
      throw new WrongRoleError(
        `Connected as ${row.role}, which cannot see tenants (row-level security filters it): use the owner URL for this command ` +
          `(the role that owns the tables and runs the migrations, or a superuser).`,
        row.role,
      );
    }
  } catch (error) {
    await conn.release();
    throw error;
  }
  return conn;
}

/** Opens the database the options point at. */
export async function openCliDatabase(options: GlobalOptions): Promise<CliDatabase> {
  const target = resolveTarget(options);
  if (target.kind === 'server') await preflight(target.url);
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
