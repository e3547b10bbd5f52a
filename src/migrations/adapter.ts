// One dedicated database session for the runner, whatever the driver (node-postgres, postgres.js,
// PGlite): session advisory locks and BEGIN/COMMIT need every statement on the same connection.
import type { Database, DatabaseHandle, Driver } from '../connection.js';
import { ConfigurationError } from '../errors.js';

/** A single database session the migration runner talks to. */
export interface MigrationConnection {
  readonly driver: Driver;
  /** Runs one statement with `$1..$n` parameters and returns its rows. */
  query<T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL text that may hold several statements (simple query protocol, no parameters). */
  exec(text: string): Promise<void>;
  /** A drizzle database bound to this very session (for data migrations). */
  drizzle(): Promise<Database>;
  /** Gives the session back (to its pool) or closes it. */
  release(): Promise<void>;
}

/**
 * Where migrations run: a postgres:// URL (node-postgres by default, or postgres.js; with
 * `connectTimeoutMs`, a server that does not answer in time fails the connect instead of waiting
 * for the operating system's TCP timeout), an open {@link DatabaseHandle} from `openDatabase`, or a
 * {@link MigrationConnection} you built.
 */
export type MigrationTarget =
  | { url: string; driver?: 'pg' | 'postgres'; connectTimeoutMs?: number }
  | DatabaseHandle
  | MigrationConnection;

interface PgLikeClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
interface PostgresJsLike {
  unsafe(text: string, params?: unknown[]): Promise<Record<string, unknown>[]> & { simple(): Promise<unknown> };
}
interface PgliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(text: string): Promise<unknown>;
}

function isConnection(target: MigrationTarget): target is MigrationConnection {
  return typeof (target as MigrationConnection).exec === 'function' && typeof (target as MigrationConnection).query === 'function';
}

function isHandle(target: MigrationTarget): target is DatabaseHandle {
  return 'client' in target && 'db' in target && 'driver' in target;
}

async function drizzleFor(driver: Driver, client: unknown): Promise<Database> {
  const schema = await import('../schema/index.js');
  if (driver === 'pg') {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    return drizzle({ client: client as never, schema, casing: 'snake_case' }) as unknown as Database;
  }
  if (driver === 'postgres') {
    const { drizzle } = await import('drizzle-orm/postgres-js');
    return drizzle({ client: client as never, schema, casing: 'snake_case' }) as unknown as Database;
  }
  const { drizzle } = await import('drizzle-orm/pglite');
  return drizzle({ client: client as never, schema, casing: 'snake_case' }) as unknown as Database;
}

function pgConnection(client: PgLikeClient, release: () => Promise<void>): MigrationConnection {
  let db: Promise<Database> | undefined;
  return {
    driver: 'pg',
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as T[];
    },
    async exec(text: string) {
      await client.query(text);
    },
    drizzle: () => (db ??= drizzleFor('pg', client)),
    release,
  };
}

function postgresJsConnection(sql: PostgresJsLike, release: () => Promise<void>): MigrationConnection {
  let db: Promise<Database> | undefined;
  return {
    driver: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      return [...(await sql.unsafe(text, params ?? []))] as T[];
    },
    async exec(text: string) {
      await sql.unsafe(text).simple();
    },
    drizzle: () => (db ??= drizzleFor('postgres', sql)),
    release,
  };
}

function pgliteConnection(client: PgliteLike, release: () => Promise<void>): MigrationConnection {
  let db: Promise<Database> | undefined;
  return {
    driver: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as T[];
    },
    async exec(text: string) {
      await client.exec(text);
    },
    drizzle: () => (db ??= drizzleFor('pglite', client)),
    release,
  };
}

/**
 * Opens one dedicated session on a migration target. Release it with `connection.release()`.
 *
 * @example
 * ```ts
 * import { openMigrationConnection } from '@stocksync/db/migrations';
 * const conn = await openMigrationConnection({ url: process.env.DATABASE_URL! });
 * try { await conn.query('select 1'); } finally { await conn.release(); }
 * ```
 */
export async function openMigrationConnection(target: MigrationTarget): Promise<MigrationConnection> {
  if (isConnection(target)) return { ...target, release: async () => {} };
  if (isHandle(target)) {
    if (target.driver === 'pg') {
      const pool = target.client as { connect(): Promise<PgLikeClient & { release(): void }> };
      const client = await pool.connect();
      return pgConnection(client, async () => client.release());
    }
    if (target.driver === 'postgres') {
      const sql = target.client as { options: unknown; reserve(): Promise<PostgresJsLike & { release(): void; options?: unknown }> };
      const reserved = await sql.reserve();
      // drizzle's postgres-js driver reads `options.parsers`, which a reserved connection lacks.
      reserved.options ??= sql.options;
      return postgresJsConnection(reserved, async () => reserved.release());
    }
    return pgliteConnection(target.client as PgliteLike, async () => {});
  }
  if (!/^postgres(ql)?:\/\//.test(target.url)) {
    throw new ConfigurationError('Not a Postgres URL. Use postgres://user@host:port/database.');
  }
  if (target.driver === 'postgres') {
    const { default: postgres } = await import('postgres');
    const timeout = target.connectTimeoutMs ? { connect_timeout: Math.max(1, Math.ceil(target.connectTimeoutMs / 1000)) } : {};
    const sql = postgres(target.url, { max: 1, onnotice: () => {}, ...timeout });
    const reserved = await sql.reserve();
    (reserved as unknown as { options?: unknown }).options ??= sql.options;
    return postgresJsConnection(reserved as unknown as PostgresJsLike, async () => {
      reserved.release();
      await sql.end({ timeout: 5 });
    });
  }
  const pg = await import('pg');
  const Client = pg.default?.Client ?? (pg as unknown as { Client: typeof import('pg').Client }).Client;
  const client = new Client({ connectionString: target.url, ...(target.connectTimeoutMs ? { connectionTimeoutMillis: target.connectTimeoutMs } : {}) });
  await client.connect();
  // A server-side error on an idle client must not crash the process.
  client.on('error', () => {});
  return pgConnection(client as unknown as PgLikeClient, () => client.end());
}
