// One database per test file, cloned from a template migrated once per migrations hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import type pg from 'pg';
import { openDatabase, withDatabase, type Database, type Driver } from '../connection.js';
import { SERVICE_ROLE } from '../schema/_roles.js';
import { allowPrivilegedSession } from '../tenancy/context/index.js';
import { defaultMigrationsFolder, migrateToLatest } from '../migrations/index.js';
import { startPostgres, type TestPostgres } from './start-postgres.js';

/** A fresh database for one test file. */
export interface TestDatabase {
  /** URL of the new database, connecting as the server's superuser. */
  url: string;
  /** Database name. */
  name: string;
  /**
   * A drizzle handle on it (node-postgres by default), as the server's superuser: for setting up data.
   * withTenant accepts this privileged session (see allowPrivilegedSession) and runs as stocksync_app.
   */
  db: Database;
  /** URL of the new database as `stocksync_service`, the role services connect as (subject to RLS). */
  serviceUrl: string;
  /** A drizzle handle as `stocksync_service` (same driver): what a service sees. Opened on first use. */
  serviceDb(): Promise<Database>;
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
 * exactly when a migration changes. Reading every snapshot takes ~15 ms, so the hash is kept per
 * folder and computed again only when a file's name, size or modification time changed.
 *
 * @example
 * ```ts
 * import { migrationsHash } from '@stocksync/db/testing';
 * ```
 */
export function migrationsHash(folder: string): string {
  const files: Array<{ path: string; name: string }> = [];
  let stamp = '';
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else {
        const name = relative(folder, path);
        files.push({ path, name });
        stamp += `${name}\0${stat.size}\0${stat.mtimeMs}\n`;
      }
    }
  };
  walk(folder);
  const known = hashes.get(folder);
  if (known?.stamp === stamp) return known.hash;
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update('\0').update(readFileSync(file.path)).update('\0');
  const digest = hash.digest('hex');
  hashes.set(folder, { stamp, hash: digest });
  return digest;
}

const hashes = new Map<string, { stamp: string; hash: string }>();

export { withDatabase };

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

// One small pool of superuser connections per server, shared by every call of this process:
// a new connection costs a backend start and authentication (~3 ms) on each side of a clone.
// Idle connections close after a few seconds and never keep the process alive.
const adminPools = new Map<string, pg.Pool>();

async function adminPool(url: string): Promise<pg.Pool> {
  let pool = adminPools.get(url);
  if (!pool) {
    const { default: pgModule } = await import('pg');
    pool = new pgModule.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 5_000, allowExitOnIdle: true });
    // A server stopped while a connection idles (the end of a test run) must not crash the process.
    pool.on('error', () => {});
    adminPools.set(url, pool);
  }
  return pool;
}

// Per process and server: templates known to exist, the server version, when stale databases were last swept.
const readyTemplates = new Set<string>();
const serverVersions = new Map<string, number>();
const swept = new Map<string, number>();
const SWEEP_EVERY_MS = 60_000;

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
  const key = `${serverUrl}\0${template}`;
  if (readyTemplates.has(key)) return template;
  const admin = await (await adminPool(serverUrl)).connect();
  let broken: Error | undefined;
  try {
    await admin.query(`select pg_advisory_lock(hashtext('stocksync_test_template'))`);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (!found.rowCount) {
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
      }
      readyTemplates.add(key);
      return template;
    } finally {
      await admin.query(`select pg_advisory_unlock(hashtext('stocksync_test_template'))`).catch((error: Error) => {
        broken = error;
      });
    }
  } finally {
    // A connection that could not unlock still holds the lock: it is closed, not reused.
    admin.release(broken);
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
  const template = await ensureTemplate(serverUrl, folder, options.migrate);
  const name = `stocksync_test_${HOST_TAG}_${process.pid}_${++sequence}_${Date.now().toString(36)}`;
  const admin = await adminPool(serverUrl);
  const now = Date.now();
  if (now - (swept.get(serverUrl) ?? -Infinity) >= SWEEP_EVERY_MS) {
    await sweepStaleDatabases(admin);
    swept.set(serverUrl, now);
  }
  let version = serverVersions.get(serverUrl);
  if (version === undefined) {
    version = Number((await admin.query('show server_version_num')).rows[0].server_version_num);
    serverVersions.set(serverUrl, version);
  }
  const strategy = version >= 150000 ? ' strategy file_copy' : '';
  const clone = (from: string) => admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(from)}${strategy}`);
  try {
    await clone(template);
  } catch (error) {
    // The template this process knew is gone (dropped by hand, or a server reset): build it again.
    if ((error as { code?: string }).code !== '3D000') throw error;
    readyTemplates.delete(`${serverUrl}\0${template}`);
    await clone(await ensureTemplate(serverUrl, folder, options.migrate));
  }
  // A database's privileges are not cloned with it: repeat migration 0033's revoke of TEMPORARY.
  await admin.query(`revoke temporary on database ${quoteIdent(name)} from public`);
  const url = withDatabase(serverUrl, name);
  const driver = options.driver ?? 'pg';
  const handle = await openDatabase({ url, driver, max: options.max ?? 5 });
  allowPrivilegedSession(handle.db, decodeURIComponent(new URL(serverUrl).username) || 'postgres');
  const serviceUrl = await serviceRoleUrl(admin, serverUrl, name);
  let service: Promise<Awaited<ReturnType<typeof openDatabase>>> | undefined;
  let dropped = false;
  return {
    url,
    name,
    db: handle.db,
    serviceUrl,
    serviceDb: async () => (await (service ??= openDatabase({ url: serviceUrl, driver, max: options.max ?? 5 }))).db,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await handle.close();
      if (service) await (await service).close();
      await (await adminPool(serverUrl)).query(`drop database if exists ${quoteIdent(name)} with (force)`);
    },
  };
}

const servicePasswords = new Map<string, Promise<string>>();

// The service role has no password of its own (operators set one). On a test server it gets one derived
// from the server URL, so every test process of a run computes the same and none overwrites another's.
async function serviceRoleUrl(admin: pg.Pool, serverUrl: string, database: string): Promise<string> {
  let password = servicePasswords.get(serverUrl);
  if (!password) {
    const derived = createHash('sha256').update(`${serverUrl}\0${SERVICE_ROLE}`).digest('hex').slice(0, 32);
    password = admin.query(`alter role ${SERVICE_ROLE} password '${derived}'`).then(() => derived);
    servicePasswords.set(serverUrl, password);
  }
  const url = new URL(withDatabase(serverUrl, database));
  url.username = SERVICE_ROLE;
  url.password = await password;
  return url.toString();
}

// Databases left by a test process of this host that no longer runs (killed mid-run) are dropped.
async function sweepStaleDatabases(admin: pg.Pool): Promise<void> {
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
