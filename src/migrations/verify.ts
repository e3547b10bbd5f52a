// `verify`: on a throwaway database, every migration goes up, down and up again; the schema (and
// data) after the down must equal the state before the up, and the second up must match the first.
import { randomBytes } from 'node:crypto';
import { withDatabase } from '../connection.js';
import { ConfigurationError } from '../errors.js';
import { openMigrationConnection, type MigrationConnection, type MigrationTarget } from './adapter.js';
import { createDataContext } from './data.js';
import { dataFingerprint, diffLines, schemaFingerprint } from './fingerprint.js';
import { checkpointTable, DEFAULT_MIGRATIONS_SCHEMA, DEFAULT_MIGRATIONS_TABLE, DRIZZLE_MIGRATIONS_TABLE } from './history.js';
import { defaultMigrationsFolder } from './folder.js';
import { loadDataMigration, loadMigrations } from './loader.js';
import { migrateDown, migrateUp, type MigrationEvent } from './runner.js';
import { quoteIdent } from './sql.js';

/** The outcome of verifying one migration. */
export interface VerifiedMigration {
  name: string;
  kind: 'sql' | 'data';
  ok: boolean;
  /** Why it failed: a runner error or the catalog lines that differ (`- before`, `+ after`). */
  problems: string[];
  /** Set when the down part was skipped (irreversible data migration). */
  skipped?: string;
  durationMs: number;
}

/** Result of {@link verifyMigrations}. */
export interface VerifyResult {
  ok: boolean;
  migrations: VerifiedMigration[];
  /** Where it ran: 'server' (a throwaway database) or 'embedded' (in-memory PGlite). */
  engine: 'server' | 'embedded';
}

/** Options of {@link verifyMigrations}. */
export interface VerifyOptions {
  folder?: string;
  /** Superuser URL of a server to create the throwaway database on. Default: TEST_DATABASE_URL, else STOCKSYNC_TEST_SERVER_URL, else `startServer`. */
  serverUrl?: string;
  /**
   * Starts a throwaway server when no URL is given (pass `startPostgres` from `@stocksync/db/testing`,
   * as the CLI does); the library itself never depends on its test helpers.
   */
  startServer?: () => Promise<{ url: string; stop(): Promise<void> }>;
  /** Verify on an in-memory PGlite instead of a server. */
  embedded?: boolean;
  /** Only report migrations from this one on (earlier ones are still applied first). */
  from?: string;
  /** Stop at the first failing migration (default true: later results would be noise). */
  bail?: boolean;
  /**
   * Tables left out of the data comparison, as schema.table. Default: public.audit_logs, which is
   * append-only by design (a down records its own deletes there).
   */
  ignoreDataTables?: string[];
  onMigration?: (result: VerifiedMigration) => void;
  onEvent?: (event: MigrationEvent) => void;
}

async function throwaway(options: VerifyOptions): Promise<{ target: MigrationTarget; engine: VerifyResult['engine']; cleanup(): Promise<void> }> {
  if (options.embedded) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
    const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
    const client = new PGlite({ extensions: { btree_gin, btree_gist } });
    await client.waitReady;
    return {
      target: { db: undefined as never, driver: 'pglite', client, close: () => client.close() },
      engine: 'embedded',
      cleanup: () => client.close(),
    };
  }
  let stop = async () => {};
  let serverUrl = options.serverUrl ?? process.env.TEST_DATABASE_URL ?? process.env.STOCKSYNC_TEST_SERVER_URL;
  if (!serverUrl) {
    if (!options.startServer) {
      throw new ConfigurationError(
        'verifyMigrations needs a server: pass serverUrl (or set TEST_DATABASE_URL), pass startServer: startPostgres from @stocksync/db/testing, or use embedded: true.',
      );
    }
    const server = await options.startServer();
    serverUrl = server.url;
    stop = server.stop;
  }
  const name = `stocksync_verify_${randomBytes(6).toString('hex')}`;
  const admin = await openMigrationConnection({ url: serverUrl });
  try {
    await admin.exec(`create database ${quoteIdent(name)}`);
  } finally {
    await admin.release();
  }
  return {
    target: { url: withDatabase(serverUrl, name) },
    engine: 'server',
    cleanup: async () => {
      const drop = await openMigrationConnection({ url: serverUrl });
      try {
        await drop.exec(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await drop.release();
        await stop();
      }
    },
  };
}

/** Tables the data comparison skips by default (append-only by design). */
export const VERIFY_IGNORED_DATA_TABLES = ['public.audit_logs'];

async function snapshot(conn: MigrationConnection, ignore: string[]) {
  return { schema: await schemaFingerprint(conn), data: await dataFingerprint(conn, 'drizzle', ignore) };
}

/** The schema tenant verify keeps beside the public tables once the migrations allow one (0040). */
const VERIFY_TENANT = '00000000-0000-7000-8000-000000000e01';

/**
 * Once the database has schema-per-tenant isolation, gives it one schema tenant (created before the
 * migration under test), and after every up and down brings the tenant schemas to the public tables as
 * `migrate up`/`down` do: the fingerprints then compare the tenant's schema too. Returns its audit table,
 * which (like public.audit_logs) a down appends to by design.
 */
async function keepSchemaTenant(conn: MigrationConnection, state: { created: boolean }): Promise<string[]> {
  const schema = `tenant_${VERIFY_TENANT.replace(/-/g, '')}`;
  if (!state.created) {
    const [ready] = await conn.query<{ ok: boolean }>(`select to_regprocedure('public.stocksync_tenant_schema(uuid)') is not null
      and exists (select 1 from pg_attribute where attrelid = to_regclass('public.tenants') and attname = 'isolation' and not attisdropped) as ok`);
    if (!ready?.ok) return [];
    await conn.query(`insert into public.tenants (id, name, slug, email, isolation) values ($1, 'verify', 'verify-schema-tenant', 'verify@example.com', 'schema')`, [VERIFY_TENANT]);
    await syncFleet(conn, VERIFY_TENANT);
    state.created = true;
  }
  return [`${schema}.audit_logs`];
}

async function syncFleet(conn: MigrationConnection, tenantId?: string): Promise<void> {
  const tenantSchemas = await import('../tenant-schemas/index.js');
  const db = (await conn.drizzle()) as unknown as import('../tenant-schemas/index.js').TransactionRunner;
  if (tenantId) {
    const template = await tenantSchemas.readTemplate(db);
    await tenantSchemas.saveTemplate(db, template);
    await tenantSchemas.syncTenantSchema(db, template, tenantSchemas.tenantSchemaName(tenantId), { tenantId });
    return;
  }
  if (!(await tenantSchemas.listTenantSchemas(db)).length) return;
  const report = await tenantSchemas.migrateTenantSchemas(db, { concurrency: 1 });
  const failed = report.outcomes.filter((o) => o.status !== 'migrated');
  if (failed.length) throw new ConfigurationError(`tenant schema ${failed[0]!.schema} could not follow the public tables: ${failed[0]!.error ?? failed[0]!.status}`);
}

/**
 * Verifies every migration of a folder on a throwaway database: up, down, up again. A down must
 * bring back exactly the schema (and data) the up started from, and the second up must produce
 * the same state as the first. Data migrations may export `fixture(ctx)` to add rows first.
 *
 * @example
 * ```ts
 * import { verifyMigrations } from '@stocksync/db/migrations';
 * const { ok, migrations } = await verifyMigrations({ folder: 'drizzle' });
 * ```
 */
export async function verifyMigrations(options: VerifyOptions = {}): Promise<VerifyResult> {
  const folder = options.folder ?? defaultMigrationsFolder();
  const files = loadMigrations(folder);
  const db = await throwaway(options);
  const results: VerifiedMigration[] = [];
  const ignore = options.ignoreDataTables ?? VERIFY_IGNORED_DATA_TABLES;
  try {
    const conn = await openMigrationConnection(db.target);
    try {
      const runner = { folder, onEvent: options.onEvent, lock: { mode: 'fail' as const } };
      let reporting = options.from === undefined;
      const tenantState = { created: false };
      for (const file of files) {
        reporting ||= file.name === options.from;
        if (!reporting) {
          await migrateUp(conn, { ...runner, to: file.name });
          continue;
        }
        const started = Date.now();
        const problems: string[] = [];
        let skipped: string | undefined;
        try {
          if (file.kind === 'data') {
            const mod = await loadDataMigration(file.dataPath!);
            if (mod.fixture) {
              const ctx = await createDataContext({
                conn,
                migration: file.name,
                direction: 'up',
                inTransaction: false,
                checkpointTable: checkpointTable({ schema: DEFAULT_MIGRATIONS_SCHEMA, table: DEFAULT_MIGRATIONS_TABLE, drizzleTable: DRIZZLE_MIGRATIONS_TABLE }),
              });
              await mod.fixture(ctx);
            }
            if (typeof mod.down !== 'function') skipped = `irreversible: ${mod.irreversible}`;
          } else if (file.downSql === undefined) {
            problems.push('no down file');
          }
          const ignored = [...ignore, ...(await keepSchemaTenant(conn, tenantState))];
          const before = await snapshot(conn, ignored);
          await migrateUp(conn, { ...runner, to: file.name });
          await syncFleet(conn);
          const afterUp = await snapshot(conn, ignored);
          if (!skipped && problems.length === 0) {
            await migrateDown(conn, { ...runner, steps: 1 });
            await syncFleet(conn);
            const afterDown = await snapshot(conn, ignored);
            for (const line of diffLines(before.schema, afterDown.schema)) problems.push(`schema after down differs from before up: ${line}`);
            for (const line of diffLines(before.data, afterDown.data)) problems.push(`data after down differs from before up: ${line}`);
            await migrateUp(conn, { ...runner, to: file.name });
            await syncFleet(conn);
            const again = await snapshot(conn, ignored);
            for (const line of diffLines(afterUp.schema, again.schema)) problems.push(`schema after up, down, up differs from the first up: ${line}`);
          }
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
        const result: VerifiedMigration = {
          name: file.name,
          kind: file.kind,
          ok: problems.length === 0,
          problems,
          ...(skipped ? { skipped } : {}),
          durationMs: Date.now() - started,
        };
        results.push(result);
        options.onMigration?.(result);
        if (!result.ok && (options.bail ?? true)) break;
      }
    } finally {
      await conn.release();
    }
  } finally {
    await db.cleanup();
  }
  return { ok: results.every((r) => r.ok), migrations: results, engine: db.engine };
}
