// A seed batch: rows collected per table with the updates and statements queued for them, and the
// foreign-key order the writer loads the tables in.
import { getTableColumns, getTableName, is, type SQL, type Table } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { ConfigurationError } from '../errors.js';
import { updateRows, type UpdateColumn, type UpdateRow } from './sql.js';

/** When a queued update runs: see {@link SeedBatch.update}. */
export type UpdatePhase = 'after' | 'fixup' | 'derived';

/** A row of a batch, keyed by the table's TypeScript property names. */
export type SeedRow = Record<string, unknown>;
type AnyRow = SeedRow;

const casing = new CasingCache('snake_case');

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
