// The history table (one row per run of a migration, success or failure) and drizzle's own
// `__drizzle_migrations` rows, kept in step so `drizzle-kit migrate` sees the same state.
import type { MigrationConnection } from './adapter.js';
import { quoteIdent } from './sql.js';

/** Schema of the history and checkpoint tables (the same one drizzle-kit uses). */
export const DEFAULT_MIGRATIONS_SCHEMA = 'drizzle';
/** Name of the runner's history table. */
export const DEFAULT_MIGRATIONS_TABLE = 'stocksync_migrations';
/** Name of drizzle-orm's migrations table (drizzle.config.ts). */
export const DRIZZLE_MIGRATIONS_TABLE = '__drizzle_migrations';

/** Where the runner keeps its bookkeeping. */
export interface HistoryLocation {
  schema: string;
  table: string;
  drizzleTable: string;
}

/** What a history row says happened. */
export type HistoryDirection = 'up' | 'down' | 'baseline' | 'repair';

/** One row of the history table. */
export interface HistoryRow {
  id: number;
  name: string;
  sha256: string;
  direction: HistoryDirection;
  kind: 'sql' | 'data';
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  error: string | null;
}

/** The latest state of one migration according to the history. */
export interface AppliedState {
  name: string;
  sha256: string;
  appliedAt: Date;
}

const table = (loc: HistoryLocation) => `${quoteIdent(loc.schema)}.${quoteIdent(loc.table)}`;
const drizzleTable = (loc: HistoryLocation) => `${quoteIdent(loc.schema)}.${quoteIdent(loc.drizzleTable)}`;
const checkpoints = (loc: HistoryLocation) => `${quoteIdent(loc.schema)}.${quoteIdent(`${loc.table}_checkpoints`)}`;

/** Name of the checkpoint table used by the batching helper. */
export function checkpointTable(loc: HistoryLocation): string {
  return checkpoints(loc);
}

/** Creates the history, checkpoint and drizzle tables when missing (run under the lock). */
export async function ensureHistory(conn: MigrationConnection, loc: HistoryLocation): Promise<void> {
  await conn.exec(`
    create schema if not exists ${quoteIdent(loc.schema)};
    create table if not exists ${table(loc)} (
      id bigserial primary key,
      name text not null,
      sha256 text not null,
      direction text not null check (direction in ('up', 'down', 'baseline', 'repair')),
      kind text not null check (kind in ('sql', 'data')),
      started_at timestamptz not null default clock_timestamp(),
      finished_at timestamptz,
      duration_ms integer,
      error text,
      run_by text not null default current_user
    );
    create index if not exists ${quoteIdent(`${loc.table}_name_idx`)} on ${table(loc)} (name, id);
    create table if not exists ${checkpoints(loc)} (
      migration text not null,
      direction text not null,
      step text not null,
      last_key text,
      rows_done bigint not null default 0,
      updated_at timestamptz not null default clock_timestamp(),
      primary key (migration, direction, step)
    );
    create table if not exists ${drizzleTable(loc)} (
      id serial primary key,
      hash text not null,
      created_at bigint
    );
  `);
}

/** Whether the history table exists yet (status on a fresh database must not create it). */
export async function historyExists(conn: MigrationConnection, loc: HistoryLocation): Promise<boolean> {
  const rows = await conn.query<{ found: boolean }>(`select to_regclass($1) is not null as found`, [
    `${quoteIdent(loc.schema)}.${quoteIdent(loc.table)}`,
  ]);
  return rows[0]?.found === true;
}

/**
 * Every history row, oldest first.
 *
 * @example
 * ```ts
 * import { openMigrationConnection, readHistory } from '@stocksync/db/migrations';
 * const conn = await openMigrationConnection({ url: process.env.DATABASE_URL! });
 * const rows = await readHistory(conn, { schema: 'drizzle', table: 'stocksync_migrations', drizzleTable: '__drizzle_migrations' });
 * ```
 */
export async function readHistory(conn: MigrationConnection, loc: HistoryLocation): Promise<HistoryRow[]> {
  const rows = await conn.query<Record<string, unknown>>(
    `select id::int as id, name, sha256, direction, kind, started_at, finished_at, duration_ms, error from ${table(loc)} order by id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    sha256: String(r.sha256),
    direction: r.direction as HistoryDirection,
    kind: r.kind as 'sql' | 'data',
    startedAt: new Date(r.started_at as string),
    finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
    durationMs: r.duration_ms === null || r.duration_ms === undefined ? null : Number(r.duration_ms),
    error: (r.error as string | null) ?? null,
  }));
}

/** The applied migrations: for each name, its latest successful row says up/baseline/repair. */
export function appliedFromHistory(rows: HistoryRow[]): Map<string, AppliedState> {
  const latest = new Map<string, HistoryRow>();
  for (const row of rows) if (row.finishedAt && row.error === null) latest.set(row.name, row);
  const applied = new Map<string, AppliedState>();
  for (const [name, row] of latest) {
    if (row.direction !== 'down') applied.set(name, { name, sha256: row.sha256, appliedAt: row.finishedAt! });
  }
  return applied;
}

/** Inserts a started row and returns its id (autocommit, so a failure can still be recorded). */
export async function startRow(
  conn: MigrationConnection,
  loc: HistoryLocation,
  row: { name: string; sha256: string; direction: HistoryDirection; kind: 'sql' | 'data' },
): Promise<number> {
  const result = await conn.query<{ id: number }>(
    `insert into ${table(loc)} (name, sha256, direction, kind) values ($1, $2, $3, $4) returning id::int as id`,
    [row.name, row.sha256, row.direction, row.kind],
  );
  return Number(result[0]!.id);
}

/** Marks a row finished, successfully or with an error. */
export async function finishRow(conn: MigrationConnection, loc: HistoryLocation, id: number, error?: string): Promise<void> {
  await conn.query(
    `update ${table(loc)} set finished_at = clock_timestamp(),
       duration_ms = (extract(epoch from clock_timestamp() - started_at) * 1000)::int, error = $2 where id = $1`,
    [id, error ?? null],
  );
}

/** Adds drizzle's row for an applied migration (hash + journal `when`), so `drizzle-kit migrate` skips it. */
export async function recordDrizzleApplied(
  conn: MigrationConnection,
  loc: HistoryLocation,
  migration: { drizzleHash: string; when: number },
): Promise<void> {
  await conn.query(
    `insert into ${drizzleTable(loc)} (hash, created_at)
     select $1::text, $2::bigint where not exists (select 1 from ${drizzleTable(loc)} where created_at = $2::bigint)`,
    [migration.drizzleHash, String(migration.when)],
  );
}

/** Removes drizzle's row of a reverted migration. */
export async function recordDrizzleReverted(conn: MigrationConnection, loc: HistoryLocation, when: number): Promise<void> {
  await conn.query(`delete from ${drizzleTable(loc)} where created_at = $1::bigint`, [String(when)]);
}

/** drizzle's rows (hash, created_at), to adopt a database migrated by `drizzle-kit migrate`. */
export async function readDrizzleRows(
  conn: MigrationConnection,
  loc: HistoryLocation,
): Promise<Array<{ hash: string; createdAt: number }>> {
  const exists = await conn.query<{ found: boolean }>(`select to_regclass($1) is not null as found`, [drizzleTable(loc)]);
  if (!exists[0]?.found) return [];
  const rows = await conn.query<{ hash: string; created_at: string }>(
    `select hash, created_at::text as created_at from ${drizzleTable(loc)} order by created_at`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}
