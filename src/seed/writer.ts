// Bulk loading of generated rows: a batch collects rows per table, then one transaction writes them
// in foreign-key order, with COPY (node-postgres, postgres.js, PGlite) or multi-row INSERTs.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName, is, sql, type SQL, type Table } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import { getTableConfig, PgDialect, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../connection.js';
import { ConfigurationError, SeedVerificationError } from '../errors.js';
import { arrayLiteral, updateRows, type UpdateColumn, type UpdateRow } from './sql.js';
import { derivedValueChecks, foreignKeyChecks, type VerificationCheck } from './verify.js';

/** How rows reach the database: `copy` (COPY ... FROM STDIN) or `insert` (multi-row INSERT). */
export type WriteMethod = 'copy' | 'insert';

/** When a queued update runs: see {@link SeedBatch.update}. */
export type UpdatePhase = 'after' | 'fixup' | 'derived';

/** The driver behind a drizzle handle, read from its client. */
export type ClientKind = 'pg' | 'postgres' | 'pglite';

type AnyRow = Record<string, unknown>;

/**
 * Rows waiting to be written, per table. Written in foreign-key order (parents first), rows of
 * one table in the order they were pushed (so a parent task precedes its subtasks).
 *
 * @example
 * ```ts
 * import { SeedBatch, writeBatch } from '@stocksync/db/seed';
 * import { tenants } from '@stocksync/db';
 * const batch = new SeedBatch();
 * batch.push(tenants, [{ name: 'Acme', slug: 'acme', email: 'ops@acme.test' }]);
 * await writeBatch(db, batch, { method: 'insert' });
 * ```
 */
export class SeedBatch {
  private readonly rows = new Map<PgTable, AnyRow[]>();
  private readonly statements: SQL[] = [];
  private readonly fixups: SQL[] = [];
  private readonly updates = new Map<string, { phase: UpdatePhase; table: string; columns: UpdateColumn[]; rows: UpdateRow[] }>();
  private count = 0;

  /**
   * Queues a set-based update by `(tenant_id, id)`. Updates with the same `key` (for example
   * `tasks:status:1`, the second status step) are merged across tenants into one statement, run
   * in the order their keys were first used; `phase` is as for {@link after} and {@link fixup}, or
   * `derived`: a value the triggers compute on the rule-following path (for example a stock level
   * from its movements), written only by a trusted load, which runs no triggers.
   * A trusted load applies every queued update to the rows before copying them (see {@link materialize}).
   */
  update(key: string, phase: UpdatePhase, table: string, columns: UpdateColumn[], rows: UpdateRow[]): void {
    if (!rows.length) return;
    const entry = this.updates.get(key);
    if (entry) entry.rows.push(...rows);
    else this.updates.set(key, { phase, table, columns, rows: rows.slice() });
  }

  /**
   * Queues a statement to run after the rows are written, in the same transaction (for example
   * walking tasks through their status transitions, which the database only allows one step at a time).
   */
  after(statement: SQL): void {
    this.statements.push(statement);
  }

  /**
   * Queues a statement that restores deterministic bookkeeping columns (`updated_at` that triggers
   * set to now()); it runs with triggers off (`session_replication_role = replica`) and only when
   * the connection may do that (superuser), otherwise it is skipped.
   */
  fixup(statement: SQL): void {
    this.fixups.push(statement);
  }

  /** The queued statements of the rule-following path (after, then fixups; `derived` updates are left out). */
  pending(): { after: SQL[]; fixups: SQL[] } {
    const merged = { after: [] as SQL[], fixup: [] as SQL[] };
    for (const u of this.updates.values()) {
      if (u.phase !== 'derived') merged[u.phase].push(updateRows(u.table, u.rows, u.columns));
    }
    return { after: [...merged.after, ...this.statements], fixups: [...merged.fixup, ...this.fixups] };
  }

  /**
   * For a trusted load: writes every queued update (`after` steps in order, then `derived`, then
   * `fixup`) into the rows themselves, so each row goes in once with its final values, and returns
   * the statements that remain (raw `after` and `fixup` statements).
   */
  materialize(): { after: SQL[]; fixups: SQL[] } {
    const byName = new Map<string, PgTable>();
    for (const table of this.rows.keys()) byName.set(getTableName(table), table);
    const indexes = new Map<string, Map<string, AnyRow>>();
    const indexOf = (name: string) => {
      let index = indexes.get(name);
      if (!index) {
        index = new Map();
        const table = byName.get(name);
        for (const row of table ? this.rows.get(table)! : []) index.set(`${row.tenantId as string}/${row.id as string}`, row);
        indexes.set(name, index);
      }
      return index;
    };
    for (const phase of ['after', 'derived', 'fixup'] as const) {
      for (const u of this.updates.values()) {
        if (u.phase !== phase) continue;
        const table = byName.get(u.table);
        if (!table) throw new ConfigurationError(`Seed update for ${u.table}, which has no rows in the batch.`);
        const keys = u.columns.map((c) => keyOfColumn(table, c.name));
        const index = indexOf(u.table);
        for (const r of u.rows) {
          const row = index.get(`${r.tenantId}/${r.id}`);
          if (!row) throw new ConfigurationError(`Seed update for ${u.table} ${r.id}, which is not in the batch.`);
          for (let i = 0; i < keys.length; i++) row[keys[i]!] = r.values[i] ?? null;
        }
      }
    }
    return { after: this.statements.slice(), fixups: this.fixups.slice() };
  }

  /** Adds rows for a table. */
  push<T extends PgTable>(table: T, rows: Array<T['$inferInsert']>): void {
    if (rows.length === 0) return;
    let list = this.rows.get(table);
    if (!list) {
      list = [];
      this.rows.set(table, list);
    }
    for (const row of rows) list.push(row as AnyRow);
    this.count += rows.length;
  }

  /** Number of rows waiting. */
  get size(): number {
    return this.count;
  }

  /** Rows waiting for a table (read-only view, for tests and for seeders that look up earlier rows). */
  rowsOf<T extends PgTable>(table: T): ReadonlyArray<T['$inferInsert']> {
    return (this.rows.get(table) ?? []) as Array<T['$inferInsert']>;
  }

  /** Row counts per table name. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [table, rows] of this.rows) out[getTableName(table)] = rows.length;
    return out;
  }

  /** The tables in foreign-key order with their rows. */
  ordered(): Array<[PgTable, AnyRow[]]> {
    return orderByForeignKeys([...this.rows.keys()]).map((t) => [t, this.rows.get(t)!]);
  }

  /** Empties the batch. */
  clear(): void {
    this.rows.clear();
    this.statements.length = 0;
    this.fixups.length = 0;
    this.updates.clear();
    this.count = 0;
  }
}

/**
 * Orders tables so referenced tables come before the tables that reference them (stable).
 *
 * @example
 * ```ts
 * import { orderByForeignKeys } from '@stocksync/db/seed';
 * orderByForeignKeys([tasks, projects]); // [projects, tasks]
 * ```
 */
export function orderByForeignKeys(tables: PgTable[]): PgTable[] {
  const present = new Set(tables);
  const deps = new Map<PgTable, Set<PgTable>>();
  for (const table of tables) {
    const set = new Set<PgTable>();
    for (const fk of getTableConfig(table).foreignKeys) {
      const target = fk.reference().foreignTable as PgTable;
      if (target !== table && present.has(target)) set.add(target);
    }
    deps.set(table, set);
  }
  const out: PgTable[] = [];
  const done = new Set<PgTable>();
  while (out.length < tables.length) {
    const next = tables.find((t) => !done.has(t) && [...deps.get(t)!].every((d) => done.has(d)));
    // A cycle between tables (none in this schema) falls back to push order.
    const pick = next ?? tables.find((t) => !done.has(t))!;
    done.add(pick);
    out.push(pick);
  }
  return out;
}

/** Options for {@link writeBatch}. */
export interface WriteBatchOptions {
  /** `copy` (default) or `insert`. */
  method?: WriteMethod;
  /**
   * Trusted bulk load (COPY only): rows go in with `session_replication_role = replica` (no
   * triggers, no foreign-key checks; CHECK constraints and unique indexes still hold) carrying the
   * values the triggers would derive, then set-based checks prove the foreign keys and derived
   * values before commit. Default: when the method is `copy` and the connection may switch to
   * replica mode ({@link mayLoadTrusted}); `false` forces the rule-following path.
   */
  trusted?: boolean;
  /** Called after each table with the number of rows written. */
  onRows?: (table: string, rows: number) => void;
}

/**
 * Which driver a drizzle handle runs on.
 *
 * @example
 * ```ts
 * import { clientKind } from '@stocksync/db/seed';
 * clientKind(db); // 'pg' | 'postgres' | 'pglite'
 * ```
 */
export function clientKind(db: Database): ClientKind {
  const client = (db as unknown as { $client?: unknown }).$client as Record<string, unknown> | undefined;
  if (client && typeof client === 'function' && 'unsafe' in client) return 'postgres';
  if (client && typeof client === 'object' && 'waitReady' in client) return 'pglite';
  if (client && typeof client === 'object' && typeof client['connect'] === 'function') return 'pg';
  throw new ConfigurationError('Unknown database client: open the database with openDatabase() from @stocksync/db.');
}

/**
 * The default method for a database: COPY everywhere (on PGlite through its `/dev/blob` device,
 * measured about 20% faster than multi-row INSERT for the small preset; INSERT stays available).
 *
 * @example
 * ```ts
 * import { defaultWriteMethod } from '@stocksync/db/seed';
 * await writeBatch(db, batch, { method: defaultWriteMethod(db) });
 * ```
 */
export function defaultWriteMethod(db: Database): WriteMethod {
  clientKind(db);
  return 'copy';
}

/**
 * Writes a batch in one transaction (all or nothing) and empties it; returns rows written per table.
 * On the trusted path a failed verification throws {@link SeedVerificationError} and writes nothing.
 *
 * @example
 * ```ts
 * import { SeedBatch, writeBatch } from '@stocksync/db/seed';
 * await writeBatch(db, batch, { method: 'copy' });
 * ```
 */
export async function writeBatch(db: Database, batch: SeedBatch, options: WriteBatchOptions = {}): Promise<Record<string, number>> {
  const method = options.method ?? defaultWriteMethod(db);
  const counts: Record<string, number> = {};
  if (batch.size === 0) return counts;
  const trusted = method === 'copy' && (options.trusted ?? (await mayLoadTrusted(db)));
  if (options.trusted && method !== 'copy') {
    throw new ConfigurationError(`A trusted load needs method 'copy' (got '${method}').`);
  }
  if (options.trusted && !(await mayLoadTrusted(db))) {
    throw new ConfigurationError(
      'A trusted load needs a role that may set session_replication_role (a superuser, or GRANT SET ON PARAMETER ' +
        'session_replication_role): connect as one, or leave `trusted` unset to follow every rule.',
    );
  }
  const done = (table: PgTable, rows: number) => {
    const name = getTableName(table);
    counts[name] = (counts[name] ?? 0) + rows;
    options.onRows?.(name, rows);
  };
  if (trusted) {
    const { after, fixups } = batch.materialize();
    const ordered = batch.ordered();
    const tenantIds = [...new Set(ordered.flatMap(([table, rows]) => rows.map((r) => (getTableName(table) === 'tenants' ? r.id : r.tenantId) as string)))];
    const checks = [...foreignKeyChecks(ordered.map(([t]) => t)), ...derivedValueChecks(new Set(ordered.map(([t]) => getTableName(t))))];
    await copyRows(db, ordered, {
      // Seed batches are reproducible (a lost batch is seeded again by the next run), so the
      // commit need not wait for the WAL flush.
      prelude: [REPLICA, 'set local synchronous_commit = off'],
      statements: [...fixups.map((f) => dialect.sqlToQuery(f)), { sql: ORIGIN, params: [] }, ...after.map((a) => dialect.sqlToQuery(a))],
      verify: { checks, tenantIds },
      done,
    });
  } else {
    const ordered = batch.ordered();
    const { after, fixups } = batch.pending();
    const statements = [...after];
    if (fixups.length && (await mayLoadTrusted(db))) {
      statements.push(sql.raw(REPLICA), ...fixups, sql.raw(ORIGIN));
    }
    if (method === 'insert') await insertRows(db, ordered, statements, done);
    else await copyRows(db, ordered, { prelude: [], statements: statements.map((s) => dialect.sqlToQuery(s)), done });
  }
  batch.clear();
  return counts;
}

const REPLICA = 'set local session_replication_role = replica';
const ORIGIN = 'set local session_replication_role = origin';

// Postgres accepts at most 65,535 bind parameters per statement.
const MAX_PARAMETERS = 60_000;

const privileged = new WeakMap<object, boolean>();

/**
 * Whether this connection may switch triggers and foreign-key checks off for a transaction
 * (`set local session_replication_role = replica`: superusers, or roles granted SET on it),
 * which the trusted COPY load and the seed's bookkeeping fixups need. Tried once per handle.
 *
 * @example
 * ```ts
 * import { mayLoadTrusted } from '@stocksync/db/seed';
 * const trusted = await mayLoadTrusted(db); // false: seeding follows every trigger (slower)
 * ```
 */
export async function mayLoadTrusted(db: Database): Promise<boolean> {
  const known = privileged.get(db);
  if (known !== undefined) return known;
  let value = false;
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(REPLICA));
      value = true;
      tx.rollback();
    });
  } catch {
    // A refused SET (42501) or the rollback above: value says which.
  }
  privileged.set(db, value);
  return value;
}

const dialect = new PgDialect({ casing: 'snake_case' });

async function insertRows(
  db: Database,
  ordered: Array<[PgTable, AnyRow[]]>,
  statements: SQL[],
  done: (t: PgTable, n: number) => void,
) {
  await db.transaction(async (tx) => {
    for (const [table, rows] of ordered) {
      const width = Object.keys(getTableConfig(table).columns).length || 1;
      const size = Math.max(1, Math.floor(MAX_PARAMETERS / width));
      for (let i = 0; i < rows.length; i += size) {
        await tx.insert(table).values(rows.slice(i, i + size) as never);
      }
      done(table, rows.length);
    }
    for (const statement of statements) await tx.execute(statement);
  });
}

const casing = new CasingCache('snake_case');

interface CopyPlan {
  statement: (source: string) => string;
  encode: (rows: AnyRow[]) => string;
}

/**
 * Builds the COPY statement and the text-format encoder for a table and the keys its rows use.
 *
 * @example
 * ```ts
 * import { copyPlan } from '@stocksync/db/seed';
 * const plan = copyPlan(users, rows);
 * plan.statement('STDIN'); // 'COPY "users" (...) FROM STDIN'
 * ```
 */
export function copyPlan(table: PgTable, rows: AnyRow[]): CopyPlan {
  const byKey = new Map<string, PgColumn>(Object.entries(getTableColumns(table)));
  const used = new Set<string>();
  for (const row of rows) for (const key in row) if (row[key] !== undefined) used.add(key);
  const keys = [...byKey.keys()].filter((k) => used.has(k));
  for (const key of used) {
    if (!byKey.has(key)) throw new ConfigurationError(`Seed row for ${getTableName(table)} has unknown key "${key}".`);
  }
  const cols = keys.map((k) => byKey.get(k)!);
  const names = cols.map((c) => quoteIdent(casing.getColumnCasing(c))).join(', ');
  const target = quoteIdent(getTableName(table));
  // Consecutive timestamps repeat often (created_at = updated_at, rows of one moment): format once.
  let lastTime = NaN;
  let lastText = '';
  const iso = (date: Date) => {
    const time = date.getTime();
    if (time !== lastTime) {
      lastTime = time;
      lastText = date.toISOString();
    }
    return lastText;
  };
  const encoders = cols.map((col) => encoderOf(col, iso));
  const width = cols.length;
  return {
    statement: (source) => `COPY ${target} (${names}) FROM ${source}`,
    encode: (batch) => {
      let out = '';
      for (const row of batch) {
        let line = '';
        for (let i = 0; i < width; i++) {
          let value = row[keys[i]!];
          if (value === undefined) {
            const col = cols[i]!;
            value = col.defaultFn ? col.defaultFn() : null;
          }
          line += (i ? '\t' : '') + (value === null || value === undefined ? '\\N' : encoders[i]!(value));
        }
        out += line + '\n';
      }
      return out;
    },
  };
}

type Encoder = (value: unknown) => string;

const NEEDS_ESCAPE = /[\\\n\r\t]/;

function escapeCopy(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

// Column kinds whose text form never holds a tab, newline or backslash skip the escaping scan.
const PLAIN = new Set(['PgUUID', 'PgInteger', 'PgSmallInt', 'PgBigInt53', 'PgBigInt64', 'PgSerial', 'PgReal', 'PgDoublePrecision', 'PgNumeric', 'PgNumericNumber']);

/** The text-format encoder of one column (values here are never null or undefined). */
function encoderOf(col: PgColumn, iso: (date: Date) => string): Encoder {
  const kind = col.columnType;
  if (PLAIN.has(kind)) return (v) => String(col.mapToDriverValue(v));
  if (kind === 'PgTimestamp' || kind === 'PgDate') return (v) => (v instanceof Date ? iso(v) : escapeCopy(String(v)));
  if (kind === 'PgText' || kind === 'PgVarchar' || kind === 'PgEnumColumn' || kind === 'PgChar') {
    return (v) => escapeCopy(typeof v === 'string' ? v : String(col.mapToDriverValue(v)));
  }
  if (kind === 'PgBoolean') return (v) => (v ? 't' : 'f');
  return (v) => copyText(col, v);
}

const columnKeys = new WeakMap<PgTable, Map<string, string>>();

/** The row key (camelCase property) of a table's column by its SQL name. */
function keyOfColumn(table: PgTable, name: string): string {
  let keys = columnKeys.get(table);
  if (!keys) {
    keys = new Map(Object.entries(getTableColumns(table)).map(([key, col]) => [casing.getColumnCasing(col), key]));
    columnKeys.set(table, keys);
  }
  const key = keys.get(name);
  if (!key) throw new ConfigurationError(`Table ${getTableName(table)} has no column "${name}".`);
  return key;
}

function copyText(col: PgColumn, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let driver: unknown = col.mapToDriverValue(value);
  if (driver instanceof Date) driver = driver.toISOString();
  if (typeof driver === 'boolean') return driver ? 't' : 'f';
  if (typeof driver === 'object' && driver !== null) driver = JSON.stringify(driver);
  return escapeCopy(String(driver));
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Rows per COPY chunk written to the stream (keeps memory flat on large batches).
const COPY_CHUNK = 5_000;

interface CopyWork {
  /** Statements before the first COPY (the trusted path switches to replica mode). */
  prelude: string[];
  /** Statements after the rows are in. */
  statements: Array<{ sql: string; params: unknown[] }>;
  /** Checks that must each count zero rows before commit. */
  verify?: { checks: VerificationCheck[]; tenantIds: string[] };
  done: (t: PgTable, n: number) => void;
}

type Exec = (text: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function inLoad(exec: Exec, copy: (table: PgTable, rows: AnyRow[]) => Promise<void>, ordered: Array<[PgTable, AnyRow[]]>, work: CopyWork) {
  for (const statement of work.prelude) await exec(statement);
  for (const [table, rows] of ordered) {
    await copy(table, rows);
    work.done(table, rows.length);
  }
  for (const q of work.statements) await exec(q.sql, q.params);
  if (work.verify && work.verify.checks.length) await verifyLoad(exec, work.verify.checks, work.verify.tenantIds);
}

// All checks in one round trip: each query gives an array of counts, only non-zero ones come back.
async function verifyLoad(exec: Exec, checks: VerificationCheck[], tenantIds: string[]) {
  // Freshly loaded tables have no statistics, and the planner then serves `tenant_id = any(...)`
  // from the (tenant_id, tags) GIN indexes by bitmap scans: measured ~2.3x slower than plain scans.
  await exec('set local enable_bitmapscan = off');
  const values = checks.map((c, i) => `(${i}, (${c.sql}))`).join(',\n');
  const rows = await exec(
    `select g.i, x.k, x.n from (values ${values}) as g(i, a), unnest(g.a) with ordinality as x(n, k) where x.n > 0 order by 1, 2`,
    [arrayLiteral(tenantIds)],
  );
  if (rows.length) {
    throw new SeedVerificationError(rows.map((r) => ({ check: checks[Number(r.i)]!.checks[Number(r.k) - 1]!, rows: Number(r.n) })));
  }
}

async function copyRows(db: Database, ordered: Array<[PgTable, AnyRow[]]>, work: CopyWork) {
  const kind = clientKind(db);
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === 'pglite') {
    const pglite = client as import('@electric-sql/pglite').PGlite;
    await pglite.transaction(async (tx) => {
      const exec: Exec = async (text, params = []) => (await tx.query<Record<string, unknown>>(text, params)).rows;
      await inLoad(
        exec,
        async (table, rows) => {
          const plan = copyPlan(table, rows);
          await tx.query(plan.statement(`'/dev/blob'`), [], { blob: new Blob([plan.encode(rows)]) });
        },
        ordered,
        work,
      );
    });
    return;
  }
  if (kind === 'postgres') {
    const sql = client as import('postgres').Sql;
    await sql.begin(async (tx) => {
      const exec: Exec = async (text, params = []) => (await tx.unsafe(text, params as never[])) as unknown as Array<Record<string, unknown>>;
      await inLoad(
        exec,
        async (table, rows) => {
          const plan = copyPlan(table, rows);
          const stream = await tx.unsafe(plan.statement('STDIN')).writable();
          await pipeChunks(stream, plan, rows);
        },
        ordered,
        work,
      );
    });
    return;
  }
  const pool = client as import('pg').Pool;
  const { from } = await import('pg-copy-streams');
  const conn = await pool.connect();
  try {
    await conn.query('BEGIN');
    const exec: Exec = async (text, params = []) => (await conn.query(text, params)).rows;
    await inLoad(
      exec,
      async (table, rows) => {
        const plan = copyPlan(table, rows);
        await pipeChunks(conn.query(from(plan.statement('STDIN'))), plan, rows);
      },
      ordered,
      work,
    );
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    conn.release();
  }
}

async function pipeChunks(stream: NodeJS.WritableStream, plan: CopyPlan, rows: AnyRow[]): Promise<void> {
  function* chunks() {
    for (let i = 0; i < rows.length; i += COPY_CHUNK) yield plan.encode(rows.slice(i, i + COPY_CHUNK));
  }
  await pipeline(Readable.from(chunks()), stream);
}

/**
 * True when `value` is a drizzle Postgres table.
 *
 * @example
 * ```ts
 * import { isPgTable } from '@stocksync/db/seed';
 * isPgTable(users); // true
 * ```
 */
export function isPgTable(value: unknown): value is PgTable {
  return is(value as Table, PgTable);
}
