// Data migrations: the module shape (`up`/`down` or `irreversible`), the context they receive,
// and the keyset batching helper (per-batch timeouts, progress events, resumable checkpoints).
import type { Database, Driver } from '../connection.js';
import { sqlStateOf } from '../errors.js';
import type { MigrationConnection } from './adapter.js';
import { quoteIdent, quoteLiteral } from './sql.js';

/** Progress of one batched step, emitted after every batch. */
export interface BatchProgress {
  migration: string;
  step: string;
  /** Rows done so far, including those done by an earlier (killed) run. */
  done: number;
  /** Rows the step walks in total (counted when the step starts). */
  total: number;
  /** Rows per second in this run. */
  rowsPerSecond: number;
  /** Estimated milliseconds left, or null before the first batch. */
  etaMs: number | null;
  /** Whether this run resumed from a checkpoint. */
  resumed: boolean;
}

/** One keyset batch: the keys in (from, to], in key order. */
export interface Batch {
  /** Exclusive lower bound (null for the first batch). */
  from: string | null;
  /** Inclusive upper bound. */
  to: string;
  /** The keys of the batch as text, ascending. */
  keys: string[];
}

/** Options of {@link DataMigrationContext.batch}. */
export interface BatchOptions {
  /** Checkpoint name, unique within the migration and direction (e.g. 'import-products'). */
  step: string;
  /** The table to walk, optionally schema-qualified as `schema.table`. */
  table: string;
  /** Its single-column primary key (or any unique, indexed, orderable column). */
  key: string;
  /** An extra SQL predicate on the walked table (no parameters), e.g. `tenant_id is null`. */
  where?: string;
  /** Rows per batch (default 1000). */
  batchSize?: number;
  /** Pause between batches in ms, to leave room for production traffic (default 0). */
  pauseMs?: number;
  /** `SET LOCAL lock_timeout` per batch (default '5s'). */
  lockTimeout?: string;
  /** `SET LOCAL statement_timeout` per batch (default '60s'). */
  statementTimeout?: string;
  /** Retries of a batch that hit lock_timeout (default 3). */
  retries?: number;
  /** Does the work for one batch; returns the rows it changed (defaults to the batch size). */
  run(batch: Batch): Promise<number | void>;
}

/** What {@link DataMigrationContext.batch} returns. */
export interface BatchResult {
  step: string;
  batches: number;
  /** Rows changed in this run. */
  rows: number;
  resumed: boolean;
}

/** What a data migration's `up`/`down` receive. */
export interface DataMigrationContext {
  readonly migration: string;
  readonly direction: 'up' | 'down';
  readonly driver: Driver;
  /** A drizzle database on the runner's session (inside its transaction when there is one). */
  readonly db: Database;
  /** Whether the whole migration runs in one transaction (`transaction` export, default true). */
  readonly inTransaction: boolean;
  /** Runs one parameterized statement on the runner's session. */
  query<T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL text without parameters (may hold several statements). */
  exec(text: string): Promise<void>;
  /** Runs `fn` atomically: a transaction, or a savepoint when the migration already has one. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Walks a table in keyset batches by primary key; see {@link BatchOptions}. */
  batch(options: BatchOptions): Promise<BatchResult>;
  /** Adds a line to the run's log (the CLI prints it). */
  log(message: string): void;
  /**
   * Runs `fn` once for each tenant schema (schema-per-tenant isolation; none: `fn` never runs), with the
   * session's search_path set to `<schema>, public`, so the same unqualified SQL that the migration ran
   * on the public tables now reaches that tenant's tables. Each schema is first brought to the public
   * tables' structure as this migration sees it (what the migrations before it changed). Returns the
   * schemas, in order.
   */
  forEachTenantSchema(fn: (schema: string) => Promise<void>): Promise<string[]>;
}

/**
 * A data migration module (`drizzle/NNNN_name.data.ts`): `up` plus `down`, or `irreversible`.
 *
 * @example
 * ```ts
 * import type { DataMigration } from '@stocksync/db/migrations';
 * export const up: DataMigration['up'] = async (ctx) => { await ctx.exec('update t set x = 1'); };
 * export const down: DataMigration['down'] = async (ctx) => { await ctx.exec('update t set x = null'); };
 * ```
 */
export interface DataMigration {
  up(ctx: DataMigrationContext): Promise<unknown>;
  down?(ctx: DataMigrationContext): Promise<unknown>;
  /** Set instead of `down` when the change cannot be undone: `down` past it refuses with this reason. */
  irreversible?: string;
  /** One transaction for the whole migration (default true). Set false for batched, resumable runs. */
  transaction?: boolean;
  /** For `migrate verify`: inserts representative rows before `up` so up/down are checked on data. */
  fixture?(ctx: DataMigrationContext): Promise<void>;
}

/**
 * Types a data migration module written as a default export.
 *
 * @example
 * ```ts
 * import { defineDataMigration } from '@stocksync/db/migrations';
 * export default defineDataMigration({ up: async (ctx) => {}, irreversible: 'drops a column' });
 * ```
 */
export function defineDataMigration(migration: DataMigration): DataMigration {
  return migration;
}

/** Internal: builds the context for one run of one data migration. */
export async function createDataContext(options: {
  conn: MigrationConnection;
  migration: string;
  direction: 'up' | 'down';
  inTransaction: boolean;
  checkpointTable: string;
  onProgress?: (progress: BatchProgress) => void;
  onLog?: (message: string) => void;
}): Promise<DataMigrationContext> {
  const { conn, migration, direction, inTransaction } = options;
  const db = await conn.drizzle();
  let savepoints = 0;
  const ctx: DataMigrationContext = {
    migration,
    direction,
    driver: conn.driver,
    db,
    inTransaction,
    query: (text, params) => conn.query(text, params),
    exec: (text) => conn.exec(text),
    log: (message) => options.onLog?.(message),
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      const nested = inTransaction || savepoints > 0;
      const name = `stocksync_sp_${++savepoints}`;
      await conn.exec(nested ? `savepoint ${name}` : 'begin');
      try {
        const result = await fn();
        await conn.exec(nested ? `release savepoint ${name}` : 'commit');
        return result;
      } catch (error) {
        await conn.exec(nested ? `rollback to savepoint ${name}` : 'rollback').catch(() => {});
        throw error;
      } finally {
        savepoints--;
      }
    },
    batch: (batchOptions) => runBatches(ctx, conn, options, batchOptions),
    forEachTenantSchema: (fn) => forEachTenantSchema(ctx, conn, fn),
  };
  return ctx;
}

async function forEachTenantSchema(ctx: DataMigrationContext, conn: MigrationConnection, fn: (schema: string) => Promise<void>): Promise<string[]> {
  // Loaded here: a service importing @stocksync/db/migrations does not load the tenant-schemas part.
  const tenantSchemas = await import('../tenant-schemas/index.js');
  // The runner's own session, its transactions as ctx.transaction runs them (a savepoint inside the
  // migration's transaction, never a second BEGIN or an early COMMIT).
  const runner: import('../tenant-schemas/index.js').TransactionRunner = {
    execute: (query) => ctx.db.execute(query),
    transaction: (inner) => ctx.transaction(() => inner(runner)),
  };
  const stamps = await tenantSchemas.listTenantSchemas(runner);
  if (!stamps.length) return [];
  const template = await tenantSchemas.readTemplate(runner);
  await tenantSchemas.saveTemplate(runner, template);
  const [saved] = await conn.query<{ path: string }>(`select current_setting('search_path') as path`);
  for (const { schema } of stamps) {
    await tenantSchemas.syncTenantSchema(runner, template, schema);
    await conn.query(`select set_config('search_path', $1, false)`, [`${quoteIdent(schema)}, public`]);
    try {
      await fn(schema);
    } finally {
      await conn.query(`select set_config('search_path', $1, false)`, [saved!.path]);
    }
  }
  return stamps.map((s) => s.schema);
}

function qualified(table: string): string {
  return table.split('.').map(quoteIdent).join('.');
}

async function runBatches(
  ctx: DataMigrationContext,
  conn: MigrationConnection,
  options: { migration: string; direction: 'up' | 'down'; checkpointTable: string; onProgress?: (p: BatchProgress) => void },
  batch: BatchOptions,
): Promise<BatchResult> {
  const size = batch.batchSize ?? 1000;
  const where = batch.where ? ` and (${batch.where})` : '';
  const key = quoteIdent(batch.key);
  const source = qualified(batch.table);
  const checkpoint = await conn.query<{ last_key: string | null; rows_done: string }>(
    `select last_key, rows_done::text as rows_done from ${options.checkpointTable}
      where migration = $1 and direction = $2 and step = $3`,
    [options.migration, options.direction, batch.step],
  );
  let last: string | null = checkpoint[0]?.last_key ?? null;
  const resumed = checkpoint.length > 0;
  let done = Number(checkpoint[0]?.rows_done ?? 0);
  const remaining = await conn.query<{ n: string }>(
    `select count(*)::text as n from ${source} where ${last === null ? 'true' : `${key} > $1`}${where}`,
    last === null ? [] : [last],
  );
  const total = done + Number(remaining[0]?.n ?? 0);
  const started = Date.now();
  let rowsThisRun = 0;
  let batches = 0;
  for (;;) {
    const keys = (
      await conn.query<{ k: string }>(
        `select ${key}::text as k from ${source} where ${last === null ? 'true' : `${key} > $1`}${where} order by ${key} limit ${size}`,
        last === null ? [] : [last],
      )
    ).map((r) => r.k);
    if (keys.length === 0) break;
    const current: Batch = { from: last, to: keys[keys.length - 1]!, keys };
    let attempt = 0;
    let changed = 0;
    for (;;) {
      try {
        changed = await ctx.transaction(async () => {
          await conn.exec(
            `set local lock_timeout = ${quoteLiteral(batch.lockTimeout ?? '5s')}; set local statement_timeout = ${quoteLiteral(batch.statementTimeout ?? '60s')}`,
          );
          const n = await batch.run(current);
          const rows = typeof n === 'number' ? n : keys.length;
          await conn.query(
            `insert into ${options.checkpointTable} (migration, direction, step, last_key, rows_done)
             values ($1, $2, $3, $4, $5)
             on conflict (migration, direction, step)
             do update set last_key = excluded.last_key, rows_done = excluded.rows_done, updated_at = clock_timestamp()`,
            [options.migration, options.direction, batch.step, current.to, String(done + keys.length)],
          );
          return rows;
        });
        break;
      } catch (error) {
        // A batch that waited too long for a lock is retried: production traffic wins, we come back.
        if (sqlStateOf(error) === '55P03' && attempt++ < (batch.retries ?? 3) && !ctx.inTransaction) {
          await new Promise((r) => setTimeout(r, 200 * attempt));
          continue;
        }
        throw error;
      }
    }
    last = current.to;
    done += keys.length;
    rowsThisRun += changed;
    batches++;
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? (done - (total - Number(remaining[0]?.n ?? 0))) / elapsed : 0;
    options.onProgress?.({
      migration: options.migration,
      step: batch.step,
      done,
      total,
      rowsPerSecond: Math.round(rate),
      etaMs: rate > 0 ? Math.round(((total - done) / rate) * 1000) : null,
      resumed,
    });
    if (keys.length < size) break;
    if (batch.pauseMs) await new Promise((r) => setTimeout(r, batch.pauseMs));
  }
  return { step: batch.step, batches, rows: rowsThisRun, resumed };
}
