// Opens a drizzle database on any of the three supported drivers (node-postgres, postgres.js,
// PGlite) with the package's schema and snake_case casing; drivers load lazily (optional peers).
import type { TablesRelationalConfig } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { ConfigurationError } from './errors.js';
import type * as SchemaModule from './schema/_tables.js';

/** The supported drivers. */
export type Driver = 'pg' | 'postgres' | 'pglite';

/** The schema type every database handle is typed with: every table and relations object. */
export type Schema = typeof SchemaModule;

/** A drizzle database with the package schema, whatever the driver. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** An open database and how to close it. */
export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** The driver's own client (pg.Pool, postgres.Sql or PGlite). */
  client: unknown;
  close(): Promise<void>;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** A postgres:// URL. Without it, PGlite is used. */
  url?: string;
  /** Driver for a URL: node-postgres (default) or postgres.js. */
  driver?: 'pg' | 'postgres';
  /** PGlite data directory, or 'memory' (default when no url and no dir). */
  pgliteDir?: string;
  /** Pool size for server drivers (default 10). */
  max?: number;
  /**
   * Prepare statements on the server (default true). Set false behind a pooler that does not track
   * prepared statements (PgBouncer before 1.21, or with `max_prepared_statements = 0`): every
   * statement, the tenant context included, is then sent unnamed. See docs/deployment.md.
   */
  prepare?: boolean;
}

// Drivers load on first use (they are optional peers). The module promises are kept: a dynamic
// import() of a module already loaded still goes through the loader, ~1.4 ms per call under tsx
// or a test runner, several per handle. A failed load is not kept, so installing the peer helps.
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}

// A missing optional peer says what to install, instead of the loader's "Cannot find package".
function peer<T>(name: string, use: string, load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((error: unknown) => {
      const { code, message = '' } = error as { code?: string; message?: string };
      // Only the peer itself missing (ESM: Cannot find package 'x'; CJS: Cannot find module 'x'),
      // not a module the peer failed to load.
      const missing =
        (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
        (message.includes(`'${name}'`) || message.includes(`"${name}"`));
      if (!missing) throw error;
      throw new ConfigurationError(`${use} needs ${name}, which is not installed: install ${name} (npm i ${name}).`);
    });
}

const modules = {
  pg: lazy(peer('pg', 'A postgres:// URL with the node-postgres driver', () => import('pg'))),
  postgres: lazy(peer('postgres', "A postgres:// URL with driver 'postgres'", () => import('postgres'))),
  pglite: lazy(peer('@electric-sql/pglite', 'The embedded database (no URL)', () => import('@electric-sql/pglite'))),
  drizzle: lazy(() => import('drizzle-orm')),
  drizzlePgCore: lazy(() => import('drizzle-orm/pg-core')),
  drizzleNodePg: lazy(() => import('drizzle-orm/node-postgres')),
  drizzlePostgresJs: lazy(() => import('drizzle-orm/postgres-js')),
  // The schema too: importing this module (the migrations subpath does) loads no table definitions.
  schema: lazy(() => import('./schema/_tables.js')),
};

/**
 * Opens a database: node-postgres or postgres.js for a URL, PGlite otherwise.
 *
 * @example
 * ```ts
 * import { openDatabase } from '@stocksync/db';
 * const { db, close } = await openDatabase({ url: process.env.DATABASE_URL });
 * ```
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new ConfigurationError(
        `Not a Postgres URL: "${redactUrl(options.url)}". Use postgres://user@host:port/database.`,
      );
    }
    if ((options.driver ?? 'pg') === 'postgres') {
      const { default: postgres } = await modules.postgres();
      // `socket` is a documented postgres.js option missing from its type declarations.
      const config = { max: options.max ?? 10, onnotice: () => {}, socket: noDelaySocket, prepare: options.prepare ?? true };
      const sql = postgres(options.url, config);
      const db = await postgresJsDatabase(sql);
      return { db, driver: 'postgres', client: sql, close: () => sql.end({ timeout: 5 }) };
    }
    const pg = await modules.pg();
    const Pool = pg.default?.Pool ?? (pg as unknown as { Pool: typeof import('pg').Pool }).Pool;
    // `prepare` rides in the pool's options (node-postgres ignores it; the tenancy module reads it).
    const poolConfig = { connectionString: options.url, max: options.max ?? 10, prepare: options.prepare ?? true };
    const pool = new Pool(poolConfig);
    // An idle client whose connection ends (server restart, pg_terminate_backend, DROP DATABASE
    // ... WITH (FORCE) racing pool.end()) is discarded by the pool, which reconnects on demand;
    // without a listener node-postgres re-emits that error on the pool and crashes the process.
    pool.on('error', () => {});
    const db = await nodePgDatabase(pool);
    return { db, driver: 'pg', client: pool, close: () => pool.end() };
  }
  const { PGlite } = await modules.pglite();
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = options.pgliteDir && options.pgliteDir !== 'memory' ? options.pgliteDir : undefined;
  // Extensions the migrations create (btree_gist backs the sprint exclusion constraint, btree_gin
  // the (tenant_id, tags) GIN indexes).
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
  const extensions = { btree_gist, btree_gin };
  const client = dir ? new PGlite(dir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  const db = drizzle({ client, schema: await modules.schema(), casing: 'snake_case' }) as unknown as Database;
  return { db, driver: 'pglite', client, close: () => client.close() };
}

// drizzle() derives the relational config of the schema's ~70 tables on every call (3-8 ms
// measured), which every test database paid again. Handles are built from drizzle's public classes
// as its drizzle() builds them (dialect, session, database), with that config derived once per
// process and shared: drizzle only reads it.
let relationalConfig: ExtractedRelations | undefined;
type ExtractedRelations = { fullSchema: Record<string, unknown>; schema: TablesRelationalConfig; tableNamesMap: Record<string, string> };

async function sharedRelationalConfig(): Promise<ExtractedRelations> {
  if (!relationalConfig) {
    const [{ extractTablesRelationalConfig, createTableRelationsHelpers }, schema] = await Promise.all([modules.drizzle(), modules.schema()]);
    const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    relationalConfig = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  }
  return relationalConfig;
}

// The classes drizzle's driver entry points export, as this module constructs them.
type SessionClass = new (client: never, dialect: never, schema: never, options: object) => object;
type DatabaseClass = new (dialect: never, session: never, schema: never) => object;

/** A drizzle database on `client`, built as drizzle() builds it, with the shared relational config. */
async function sharedConfigDatabase(client: object, Session: SessionClass, Db: DatabaseClass): Promise<Database> {
  const [{ PgDialect }, config] = await Promise.all([modules.drizzlePgCore(), sharedRelationalConfig()]);
  const dialect = new PgDialect({ casing: 'snake_case' });
  const session = new Session(client as never, dialect as never, config as never, {});
  const db = new Db(dialect as never, session as never, config as never) as unknown as Database & { $client: unknown };
  db.$client = client;
  return db;
}

async function nodePgDatabase(pool: import('pg').Pool): Promise<Database> {
  const { NodePgDatabase, NodePgSession } = await modules.drizzleNodePg();
  return sharedConfigDatabase(pool, NodePgSession, NodePgDatabase);
}

async function postgresJsDatabase(sql: import('postgres').Sql): Promise<Database> {
  const { drizzle, PostgresJsDatabase, PostgresJsSession } = await modules.drizzlePostgresJs();
  // drizzle() without a schema is cheap, and installs drizzle's date and JSON type handling on the
  // client; the handle itself is then built with the shared config.
  drizzle({ client: sql });
  return sharedConfigDatabase(sql, PostgresJsSession, PostgresJsDatabase);
}

/**
 * Connects postgres.js with TCP_NODELAY, as node-postgres does: with Nagle's algorithm on, the small
 * CopyDone message that ends every COPY waits for the server's delayed ACK (measured ~90 ms per
 * COPY statement, which made seeding through postgres.js 7x slower than through node-postgres).
 * Tries each host of the URL in turn, within the connect timeout.
 */
async function noDelaySocket(o: { host: string[]; port: number[]; path?: string | false; connect_timeout?: number }) {
  const net = await import('node:net');
  const targets: Array<{ path: string } | { host: string; port: number }> = o.path
    ? [{ path: o.path }]
    : o.host.map((host, i) => ({ host, port: o.port[i] ?? o.port[0] ?? 5432 }));
  let last: unknown;
  for (const target of targets) {
    try {
      return await new Promise<import('node:net').Socket>((resolve, reject) => {
        const socket = net.connect({ ...target, noDelay: true });
        const timer = setTimeout(() => socket.destroy(new Error(`connect timeout to ${JSON.stringify(target)}`)), (o.connect_timeout ?? 30) * 1000);
        socket.once('connect', () => {
          clearTimeout(timer);
          socket.removeListener('error', reject);
          Object.assign(socket, target);
          resolve(socket);
        });
        socket.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      });
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

/**
 * Hides the password in a connection URL, for messages and logs.
 *
 * @example
 * ```ts
 * import { redactUrl } from '@stocksync/db';
 * redactUrl('postgres://u:secret@h/db'); // 'postgres://u:***@h/db'
 * ```
 */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

/**
 * The same server URL pointing at another database: `postgres://.../<database>`.
 *
 * @example
 * ```ts
 * import { withDatabase } from '@stocksync/db/testing';
 * withDatabase('postgres://u@h:5432/postgres', 'app_test'); // 'postgres://u@h:5432/app_test'
 * ```
 */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
