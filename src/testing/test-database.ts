// One database per test file, cloned from a template migrated once per migrations hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import type pg from 'pg';
import { openDatabase, type Database, type Driver } from '../connection.js';
import { defaultMigrationsFolder, migrateToLatest } from '../migrations/index.js';
import { startPostgres, type TestPostgres } from './start-postgres.js';

/** A fresh database for one test file. */
export interface TestDatabase {
  /** URL of the new database, connecting as the server's superuser. */
  url: string;
  /** Database name. */
  name: string;
  /** A drizzle handle on it (node-postgres by default). */
  db: Database;
  /** Closes the handle and drops the database. Safe to call twice. */
  drop(): Promise<void>;
}

/** Options for {@link createTestDatabase}. */
export interface CreateTestDatabaseOptions {
  /** Superuser URL of the server; default STOCKSYNC_TEST_SERVER_URL, TEST_DATABASE_URL, else a server started on demand. */
  serverUrl?: string;
  /** Migrations folder the template is built from (default: the package's drizzle/). */
  migrationsFolder?: string;
  /** How to migrate the template (default: the package's runner). */
  migrate?: (url: string, migrationsFolder: string) => Promise<unknown>;
  /** Driver for the returned `db` handle. */
  driver?: Extract<Driver, 'pg' | 'postgres'>;
  /** Pool size of the returned handle (default 5). */
  max?: number;
}

const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);
let sequence = 0;
let onDemandServer: Promise<TestPostgres> | undefined;

/**
 * Hashes every file of a migrations folder (names and contents), so the template is rebuilt
 * exactly when a migration changes.
 *
 * @example
 * ```ts
 * import { migrationsHash } from '@stocksync/db/testing';
 * ```
 */
export function migrationsHash(folder: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(folder, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(folder);
  return hash.digest('hex');
}

/** Builds `postgres://.../<database>` from a server URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function resolveServerUrl(explicit?: string): Promise<string> {
  const url = explicit ?? process.env.STOCKSYNC_TEST_SERVER_URL ?? process.env.TEST_DATABASE_URL;
  if (url) return url;
  onDemandServer ??= startPostgres().then((server) => {
    process.once('beforeExit', () => void server.stop());
    return server;
  });
  return (await onDemandServer).url;
}

async function adminClient(url: string): Promise<pg.Client> {
  const { default: pgModule } = await import('pg');
  const client = new pgModule.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Makes sure the template for the current migrations exists and returns its name. Concurrent
 * callers (vitest workers) serialize on an advisory lock; only the first one migrates.
 *
 * @example
 * ```ts
 * import { ensureTemplate } from '@stocksync/db/testing';
 * const template = await ensureTemplate(process.env.TEST_DATABASE_URL!);
 * ```
 */
export async function ensureTemplate(
  serverUrl: string,
  migrationsFolder: string = defaultMigrationsFolder(),
  migrate: (url: string, folder: string) => Promise<unknown> = (url, folder) =>
    migrateToLatest({ url, migrationsFolder: folder }),
): Promise<string> {
  const template = `stocksync_tpl_${migrationsHash(migrationsFolder).slice(0, 16)}`;
  const admin = await adminClient(serverUrl);
  try {
    await admin.query(`select pg_advisory_lock(hashtext('stocksync_test_template'))`);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount) return template;
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${quoteIdent(building)} with (force)`);
      await admin.query(`create database ${quoteIdent(building)}`);
      try {
        await migrate(withDatabase(serverUrl, building), migrationsFolder);
      } catch (error) {
        await admin.query(`drop database if exists ${quoteIdent(building)} with (force)`);
        throw error;
      }
      await admin.query(`alter database ${quoteIdent(building)} rename to ${quoteIdent(template)}`);
      await admin.query(`alter database ${quoteIdent(template)} with is_template true`);
      return template;
    } finally {
      await admin.query(`select pg_advisory_unlock(hashtext('stocksync_test_template'))`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Creates a database for one test file by cloning the migrated template
 * (`CREATE DATABASE ... TEMPLATE ... STRATEGY FILE_COPY`).
 *
 * @example
 * ```ts
 * import { createTestDatabase } from '@stocksync/db/testing';
 * const test = await createTestDatabase();
 * afterAll(() => test.drop());
 * ```
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = await resolveServerUrl(options.serverUrl);
  const folder = options.migrationsFolder ?? defaultMigrationsFolder();
  const template = await ensureTemplate(
    serverUrl,
    folder,
    options.migrate ?? ((url, f) => migrateToLatest({ url, migrationsFolder: f })),
  );
  const name = `stocksync_test_${HOST_TAG}_${process.pid}_${++sequence}_${Date.now().toString(36)}`;
  const admin = await adminClient(serverUrl);
  try {
    await sweepStaleDatabases(admin);
    const version = Number((await admin.query('show server_version_num')).rows[0].server_version_num);
    const strategy = version >= 150000 ? ' strategy file_copy' : '';
    await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}${strategy}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const handle = await openDatabase({ url, driver: options.driver ?? 'pg', max: options.max ?? 5 });
  let dropped = false;
  return {
    url,
    name,
    db: handle.db,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await handle.close();
      const client = await adminClient(serverUrl);
      try {
        await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

// Databases left by a test process of this host that no longer runs (killed mid-run) are dropped.
async function sweepStaleDatabases(admin: pg.Client): Promise<void> {
  const rows = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like $1`,
    [`stocksync_test_${HOST_TAG}_%`],
  );
  for (const { datname } of rows.rows) {
    const pid = Number(datname.split('_')[3]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    await admin.query(`drop database if exists ${quoteIdent(datname)} with (force)`).catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
