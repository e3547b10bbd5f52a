// The migration runner, in plain phases: connect -> lock -> ensure history -> load files and
// applied rows -> check order and hashes -> plan -> apply (one transaction each) -> unlock.
import {
  MigrationChecksumError,
  MigrationFailedError,
  MigrationIrreversibleError,
  MigrationPlanError,
  sqlStateOf,
} from '../errors.js';
import { openMigrationConnection, type MigrationConnection, type MigrationTarget } from './adapter.js';
import { createDataContext, type BatchProgress, type DataMigration } from './data.js';
import {
  appliedFromHistory,
  checkpointTable,
  DEFAULT_MIGRATIONS_SCHEMA,
  DEFAULT_MIGRATIONS_TABLE,
  DRIZZLE_MIGRATIONS_TABLE,
  ensureHistory,
  finishRow,
  historyExists,
  readDrizzleRows,
  readHistory,
  recordDrizzleApplied,
  recordDrizzleReverted,
  startRow,
  type AppliedState,
  type HistoryLocation,
  type HistoryRow,
} from './history.js';
import { loadDataMigration, loadMigrations, splitStatements, type MigrationFile } from './loader.js';
import { acquireMigrationLock, migrationLockKey, releaseMigrationLock, resolveMigrationLockKey, type LockOptions } from './lock.js';
import { defaultMigrationsFolder } from './folder.js';
import { quoteLiteral } from './sql.js';

/** Something the runner reports while it works (the CLI turns these into output). */
export type MigrationEvent =
  | { type: 'lock-wait' }
  | { type: 'start'; name: string; direction: 'up' | 'down'; kind: 'sql' | 'data'; transaction: boolean }
  | { type: 'done'; name: string; direction: 'up' | 'down'; durationMs: number }
  | { type: 'failed'; name: string; direction: 'up' | 'down'; error: MigrationFailedError }
  | { type: 'progress'; name: string; progress: BatchProgress }
  | { type: 'log'; name: string; message: string };

/** Options shared by every runner entry point. */
export interface MigratorOptions {
  /** drizzle-kit migrations folder (default: the package's drizzle/). */
  folder?: string;
  /** Schema of the history table (default 'drizzle'). */
  schema?: string;
  /** History table (default 'stocksync_migrations'). */
  table?: string;
  /** drizzle-orm's table in the same schema (default '__drizzle_migrations'). */
  drizzleTable?: string;
  /** Lock mode and wait timeout. */
  lock?: LockOptions;
  /** `SET LOCAL lock_timeout` for each transactional migration, e.g. '10s' (default: none). */
  lockTimeout?: string;
  /** Apply pending files older than the newest applied one instead of refusing (after a branch merge). */
  allowOutOfOrder?: boolean;
  /** Receives progress; the library itself never prints. */
  onEvent?: (event: MigrationEvent) => void;
}

/** One migration that ran. */
export interface MigrationOutcome {
  name: string;
  direction: 'up' | 'down';
  kind: 'sql' | 'data';
  durationMs: number;
  /** What a data migration's up/down returned (e.g. a quarantine report). */
  report?: unknown;
}

/** Result of {@link migrateUp} and {@link migrateDown}. */
export interface MigrationRunResult {
  direction: 'up' | 'down';
  migrations: MigrationOutcome[];
}

/** A migration the runner would run, with its SQL (for `plan`). */
export interface PlannedMigration {
  name: string;
  direction: 'up' | 'down';
  kind: 'sql' | 'data';
  transaction: boolean;
  noTransactionReason?: string;
  /** The statements (SQL migrations) or the data file path. */
  statements: string[];
  dataPath?: string;
}

/** The state of one migration for `status`. */
export interface MigrationStatusEntry {
  name: string;
  kind: 'sql' | 'data';
  state: 'applied' | 'pending' | 'failed' | 'interrupted' | 'missing-file';
  appliedAt: Date | null;
  /** false when the file changed after it was applied (repair after review). */
  checksumOk: boolean | null;
  /** true for a pending file older than the newest applied one. */
  outOfOrder: boolean;
  reversible: boolean;
  /** Error of the latest failed attempt. */
  lastError: string | null;
}

/** Result of {@link migrationStatus}. */
export interface MigrationStatus {
  migrations: MigrationStatusEntry[];
  applied: number;
  pending: number;
  /** drizzle-kit migrate ran here but the runner never did: run `baseline`. */
  needsBaseline: boolean;
}

interface Session {
  conn: MigrationConnection;
  loc: HistoryLocation;
  files: MigrationFile[];
  history: HistoryRow[];
  applied: Map<string, AppliedState>;
  options: MigratorOptions;
}

function locationOf(options: MigratorOptions): HistoryLocation {
  return {
    schema: options.schema ?? DEFAULT_MIGRATIONS_SCHEMA,
    table: options.table ?? DEFAULT_MIGRATIONS_TABLE,
    drizzleTable: options.drizzleTable ?? DRIZZLE_MIGRATIONS_TABLE,
  };
}

async function withSession<T>(
  target: MigrationTarget,
  options: MigratorOptions,
  mode: 'lock' | 'read',
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  const loc = locationOf(options);
  const files = loadMigrations(options.folder ?? defaultMigrationsFolder());
  const conn = await openMigrationConnection(target);
  let key = migrationLockKey(loc.schema, loc.table);
  let locked = false;
  try {
    if (mode === 'lock') {
      key = await resolveMigrationLockKey(conn, loc.schema, loc.table);
      const unsalted = migrationLockKey(loc.schema, loc.table);
      await acquireMigrationLock(conn, key, { ...options.lock, onWait: () => options.onEvent?.({ type: 'lock-wait' }) }, unsalted);
      locked = true;
      await ensureHistory(conn, loc);
    }
    const history = mode === 'lock' || (await historyExists(conn, loc)) ? await readHistory(conn, loc) : [];
    return await fn({ conn, loc, files, history, applied: appliedFromHistory(history), options });
  } finally {
    try {
      if (locked) await releaseMigrationLock(conn, key);
    } finally {
      await conn.release();
    }
  }
}

/**
 * Checks the folder against the history: no applied migration without its file, no applied file
 * changed since (hash), and (for up) no pending file older than the newest applied one.
 *
 * @example
 * ```ts
 * import { checkFolderAgainstHistory, loadMigrations } from '@stocksync/db/migrations';
 * checkFolderAgainstHistory(loadMigrations('drizzle'), new Map(), { direction: 'up' });
 * ```
 */
export function checkFolderAgainstHistory(
  files: MigrationFile[],
  applied: Map<string, AppliedState>,
  options: { direction: 'up' | 'down'; allowOutOfOrder?: boolean },
): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  const missing = [...applied.keys()].filter((n) => !byName.has(n));
  if (missing.length) {
    throw new MigrationPlanError(
      `Applied migration(s) ${missing.join(', ')} have no file in the folder. Restore the files from version control (a renamed file is a new migration).`,
    );
  }
  const changed = files.filter((f) => applied.has(f.name) && applied.get(f.name)!.sha256 !== f.sha256);
  if (changed.length) {
    throw new MigrationChecksumError(
      `Applied migration(s) ${changed.map((f) => f.name).join(', ')} changed on disk since they ran. ` +
        'Revert the edit and add a new migration instead; if the edit is reviewed and harmless (a comment), run `stocksync-db migrate repair`.',
      changed[0]!.name,
    );
  }
  if (options.direction === 'up' && !options.allowOutOfOrder) {
    const newest = Math.max(-1, ...files.filter((f) => applied.has(f.name)).map((f) => f.index));
    const late = files.filter((f) => !applied.has(f.name) && f.index < newest);
    if (late.length) {
      throw new MigrationPlanError(
        `Pending migration(s) ${late.map((f) => f.name).join(', ')} come before already-applied ones (merged out of order). ` +
          'Regenerate them after the newest migration, or rerun with --allow-out-of-order if they are independent.',
      );
    }
  }
}

/**
 * Pure planning: which migrations run, in which order, for up (`to` inclusive) or down
 * (`steps`, `to` = the migration that stays applied, or `all`).
 *
 * @example
 * ```ts
 * import { selectMigrations } from '@stocksync/db/migrations';
 * const steps = selectMigrations(files, applied, { direction: 'down', steps: 1 });
 * ```
 */
export function selectMigrations(
  files: MigrationFile[],
  applied: Map<string, AppliedState>,
  options: { direction: 'up' | 'down'; to?: string; steps?: number; all?: boolean },
): MigrationFile[] {
  if (options.to !== undefined && !files.some((f) => f.name === options.to)) {
    throw new MigrationPlanError(`No migration named ${options.to} in the folder (names are journal tags such as 0003_inventory).`);
  }
  if (options.direction === 'up') {
    const pending = files.filter((f) => !applied.has(f.name));
    if (options.to === undefined) return pending;
    const limit = files.find((f) => f.name === options.to)!.index;
    return pending.filter((f) => f.index <= limit);
  }
  const done = files.filter((f) => applied.has(f.name)).reverse();
  if (options.all) return done;
  if (options.to !== undefined) {
    const limit = files.find((f) => f.name === options.to)!.index;
    return done.filter((f) => f.index > limit);
  }
  return done.slice(0, options.steps ?? 1);
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const state = sqlStateOf(error);
  return state ? `${message} [SQLSTATE ${state}]` : message;
}

async function checkReversible(session: Session, plan: MigrationFile[]): Promise<Map<string, DataMigration>> {
  const modules = new Map<string, DataMigration>();
  const missingDown: string[] = [];
  for (const file of plan) {
    if (file.kind === 'data') {
      const mod = await loadDataMigration(file.dataPath!);
      modules.set(file.name, mod);
      if (typeof mod.down !== 'function') {
        throw new MigrationIrreversibleError(
          `${file.name} is irreversible: ${mod.irreversible}. Roll forward with a new migration instead of reverting past it.`,
          file.name,
          mod.irreversible ?? 'no down',
        );
      }
    } else if (file.downSql === undefined) {
      missingDown.push(file.name);
    }
  }
  if (missingDown.length) {
    throw new MigrationPlanError(
      `No down file for ${missingDown.join(', ')}: write <tag>.down.sql (stocksync-db migrate generate writes it from the snapshots). Nothing was reverted.`,
    );
  }
  void session;
  return modules;
}

async function runOne(
  session: Session,
  file: MigrationFile,
  direction: 'up' | 'down',
  module: DataMigration | undefined,
): Promise<MigrationOutcome> {
  const { conn, loc, options } = session;
  const transaction =
    file.kind === 'data' ? (module!.transaction ?? true) : direction === 'up' ? file.upTransaction : file.downTransaction;
  options.onEvent?.({ type: 'start', name: file.name, direction, kind: file.kind, transaction });
  const started = Date.now();
  const rowId = await startRow(conn, loc, { name: file.name, sha256: file.sha256, direction, kind: file.kind });
  const statements = file.kind === 'sql' ? splitStatements(direction === 'up' ? file.upSql : file.downSql!) : [];
  let ran = 0;
  let current: string | undefined;
  let inTx = false;
  let report: unknown;
  const bookkeeping = async () => {
    if (direction === 'up') await recordDrizzleApplied(conn, loc, file);
    else await recordDrizzleReverted(conn, loc, file.when);
    await conn.query(`delete from ${checkpointTable(loc)} where migration = $1 and direction = $2`, [file.name, direction]);
    await finishRow(conn, loc, rowId);
  };
  try {
    if (transaction) {
      await conn.exec('begin');
      inTx = true;
      if (options.lockTimeout) await conn.exec(`set local lock_timeout = ${quoteLiteral(options.lockTimeout)}`);
    }
    if (file.kind === 'sql') {
      for (const statement of statements) {
        current = statement;
        await conn.exec(statement);
        ran++;
      }
      current = undefined;
    } else {
      const ctx = await createDataContext({
        conn,
        migration: file.name,
        direction,
        inTransaction: transaction,
        checkpointTable: checkpointTable(loc),
        onProgress: (progress) => options.onEvent?.({ type: 'progress', name: file.name, progress }),
        onLog: (message) => options.onEvent?.({ type: 'log', name: file.name, message }),
      });
      report = direction === 'up' ? await module!.up(ctx) : await module!.down!(ctx);
    }
    if (!inTx) {
      await conn.exec('begin');
      inTx = true;
    }
    await bookkeeping();
    await conn.exec('commit');
    inTx = false;
  } catch (error) {
    if (inTx) await conn.exec('rollback').catch(() => {});
    const partial = !transaction && (file.kind === 'data' || ran > 0);
    const where = current ? ` at statement ${ran + 1} of ${statements.length}` : '';
    const state = transaction
      ? 'Its transaction rolled back: nothing of it is applied.'
      : partial
        ? file.kind === 'data'
          ? 'It ran outside a transaction: finished batches stay committed and a rerun resumes from the last checkpoint.'
          : `It ran outside a transaction: statements 1-${ran} stay applied. Make the rest idempotent or finish them by hand, then rerun (or mark it with \`stocksync-db migrate repair --mark-applied ${file.name}\`).`
        : 'Nothing of it was applied.';
    const next = direction === 'up' ? 'stocksync-db migrate up' : 'stocksync-db migrate down';
    const failure = new MigrationFailedError(
      `Migration ${file.name} failed (${direction})${where}: ${describe(error)}. ${state} Fix the cause, then run \`${next}\`.`,
      file.name,
      direction,
      { cause: error, ...(current ? { statement: current } : {}) },
    );
    await finishRow(conn, loc, rowId, failure.message).catch(() => {});
    options.onEvent?.({ type: 'failed', name: file.name, direction, error: failure });
    throw failure;
  }
  const durationMs = Date.now() - started;
  options.onEvent?.({ type: 'done', name: file.name, direction, durationMs });
  return { name: file.name, direction, kind: file.kind, durationMs, ...(report === undefined ? {} : { report }) };
}

function refuseUnadopted(session: Session, drizzleRows: number): void {
  if (session.history.length === 0 && drizzleRows > 0) {
    throw new MigrationPlanError(
      'This database was migrated by drizzle-kit migrate and has no runner history yet. Run `stocksync-db migrate baseline` once to adopt it.',
    );
  }
}

/**
 * Applies pending migrations in journal order, each in its own transaction (unless it cannot be),
 * under the session advisory lock.
 *
 * @example
 * ```ts
 * import { migrateUp } from '@stocksync/db/migrations';
 * const result = await migrateUp({ url: process.env.DATABASE_URL! });
 * ```
 */
export async function migrateUp(
  target: MigrationTarget,
  options: MigratorOptions & { to?: string } = {},
): Promise<MigrationRunResult> {
  return withSession(target, options, 'lock', async (session) => {
    refuseUnadopted(session, (await readDrizzleRows(session.conn, session.loc)).length);
    checkFolderAgainstHistory(session.files, session.applied, { direction: 'up', allowOutOfOrder: options.allowOutOfOrder });
    const plan = selectMigrations(session.files, session.applied, { direction: 'up', to: options.to });
    const migrations: MigrationOutcome[] = [];
    for (const file of plan) {
      const module = file.kind === 'data' ? await loadDataMigration(file.dataPath!) : undefined;
      migrations.push(await runOne(session, file, 'up', module));
    }
    return { direction: 'up' as const, migrations };
  });
}

/**
 * Reverts applied migrations, newest first: one by default, `steps`, down `to` a migration that
 * stays applied, or `all`. Refuses before running anything when a down file is missing or a
 * data migration is irreversible.
 *
 * @example
 * ```ts
 * import { migrateDown } from '@stocksync/db/migrations';
 * await migrateDown({ url: process.env.DATABASE_URL! }, { steps: 2 });
 * ```
 */
export async function migrateDown(
  target: MigrationTarget,
  options: MigratorOptions & { steps?: number; to?: string; all?: boolean } = {},
): Promise<MigrationRunResult> {
  return withSession(target, options, 'lock', async (session) => {
    checkFolderAgainstHistory(session.files, session.applied, { direction: 'down' });
    const plan = selectMigrations(session.files, session.applied, { direction: 'down', ...options });
    const modules = await checkReversible(session, plan);
    const migrations: MigrationOutcome[] = [];
    for (const file of plan) migrations.push(await runOne(session, file, 'down', modules.get(file.name)));
    return { direction: 'down' as const, migrations };
  });
}

/**
 * What `up` (or `down`) would run, with the SQL, without changing anything and without the lock.
 *
 * @example
 * ```ts
 * import { planMigrations } from '@stocksync/db/migrations';
 * const plan = await planMigrations({ url }, { direction: 'up' }); // [{ name, statements, ... }]
 * ```
 */
export async function planMigrations(
  target: MigrationTarget,
  options: MigratorOptions & { direction?: 'up' | 'down'; to?: string; steps?: number; all?: boolean } = {},
): Promise<PlannedMigration[]> {
  const direction = options.direction ?? 'up';
  return withSession(target, options, 'read', async (session) => {
    checkFolderAgainstHistory(session.files, session.applied, { direction, allowOutOfOrder: options.allowOutOfOrder });
    const plan = selectMigrations(session.files, session.applied, { ...options, direction });
    if (direction === 'down') await checkReversible(session, plan);
    const planned: PlannedMigration[] = [];
    for (const f of plan) {
      if (f.kind === 'data') {
        const mod = await loadDataMigration(f.dataPath!);
        planned.push({ name: f.name, direction, kind: 'data', transaction: mod.transaction ?? true, statements: [], dataPath: f.dataPath! });
        continue;
      }
      const transaction = direction === 'up' ? f.upTransaction : f.downTransaction;
      planned.push({
        name: f.name,
        direction,
        kind: 'sql',
        transaction,
        ...(!transaction && f.noTransactionReason ? { noTransactionReason: f.noTransactionReason } : {}),
        statements: splitStatements(direction === 'up' ? f.upSql : f.downSql!),
      });
    }
    return planned;
  });
}

/**
 * Applied, pending, failed and changed migrations; read-only (creates nothing on a fresh database).
 *
 * @example
 * ```ts
 * import { migrationStatus } from '@stocksync/db/migrations';
 * const { pending } = await migrationStatus({ url: process.env.DATABASE_URL! });
 * ```
 */
export async function migrationStatus(target: MigrationTarget, options: MigratorOptions = {}): Promise<MigrationStatus> {
  return withSession(target, options, 'read', async (session) => {
    const latest = new Map<string, HistoryRow>();
    for (const row of session.history) latest.set(row.name, row);
    const newest = Math.max(-1, ...session.files.filter((f) => session.applied.has(f.name)).map((f) => f.index));
    const entries: MigrationStatusEntry[] = [];
    for (const file of session.files) {
      const applied = session.applied.get(file.name);
      const last = latest.get(file.name);
      const state: MigrationStatusEntry['state'] = applied
        ? 'applied'
        : last?.error
          ? 'failed'
          : last && !last.finishedAt
            ? 'interrupted'
            : 'pending';
      let reversible = file.kind === 'sql' ? file.downSql !== undefined : true;
      // Read from the source: status loads no TypeScript (running the migration checks the module).
      if (file.kind === 'data') reversible = file.dataReversible ?? false;
      entries.push({
        name: file.name,
        kind: file.kind,
        state,
        appliedAt: applied?.appliedAt ?? null,
        checksumOk: applied ? applied.sha256 === file.sha256 : null,
        outOfOrder: !applied && file.index < newest,
        reversible,
        lastError: last?.error ?? null,
      });
    }
    for (const name of session.applied.keys()) {
      if (!session.files.some((f) => f.name === name)) {
        entries.push({
          name,
          kind: 'sql',
          state: 'missing-file',
          appliedAt: session.applied.get(name)!.appliedAt,
          checksumOk: null,
          outOfOrder: false,
          reversible: false,
          lastError: null,
        });
      }
    }
    const drizzleRows = session.history.length === 0 ? (await readDrizzleRows(session.conn, session.loc)).length : 0;
    return {
      migrations: entries,
      applied: entries.filter((e) => e.state === 'applied').length,
      pending: entries.filter((e) => e.state !== 'applied' && e.state !== 'missing-file').length,
      needsBaseline: drizzleRows > 0,
    };
  });
}

/**
 * Adopts a database migrated by `drizzle-kit migrate` (records its applied migrations, matched
 * by journal `when` and verified by hash), or with `to`, marks every migration up to `to` as
 * applied on a database whose schema was created another way. drizzle-kit records data
 * migrations without running them, so those stay pending (`skippedData`): run them with
 * `migrateUp(..., { allowOutOfOrder: true })`.
 *
 * @example
 * ```ts
 * import { baselineMigrations } from '@stocksync/db/migrations';
 * const { baselined } = await baselineMigrations({ url: process.env.DATABASE_URL! });
 * ```
 */
export async function baselineMigrations(
  target: MigrationTarget,
  options: MigratorOptions & { to?: string } = {},
): Promise<{ baselined: string[]; skippedData: string[] }> {
  return withSession(target, options, 'lock', async (session) => {
    const { conn, loc, files } = session;
    let chosen: MigrationFile[];
    if (options.to !== undefined) {
      const limit = files.find((f) => f.name === options.to);
      if (!limit) throw new MigrationPlanError(`No migration named ${options.to} in the folder.`);
      chosen = files.filter((f) => f.index <= limit.index);
    } else {
      const rows = await readDrizzleRows(conn, loc);
      if (rows.length === 0) {
        throw new MigrationPlanError(
          'Nothing to adopt: drizzle.__drizzle_migrations is empty. For a schema created another way, pass --to <last migration it contains>.',
        );
      }
      const byWhen = new Map(files.map((f) => [f.when, f]));
      chosen = [];
      for (const row of rows) {
        const file = byWhen.get(row.createdAt);
        if (!file) {
          throw new MigrationPlanError(`drizzle-kit applied a migration (created_at ${row.createdAt}) that is not in this folder's journal. Use the folder it was migrated from.`);
        }
        if (file.drizzleHash !== row.hash) {
          throw new MigrationChecksumError(`${file.name} changed since drizzle-kit applied it (hash differs). Review the change, then baseline again.`, file.name);
        }
        chosen.push(file);
      }
    }
    const baselined: string[] = [];
    const skippedData: string[] = [];
    for (const file of chosen) {
      if (session.applied.has(file.name)) continue;
      // drizzle-kit recorded the marker without running the data migration: it stays pending.
      if (file.kind === 'data' && options.to === undefined) {
        skippedData.push(file.name);
        continue;
      }
      await conn.exec('begin');
      try {
        const id = await startRow(conn, loc, { name: file.name, sha256: file.sha256, direction: 'baseline', kind: file.kind });
        await finishRow(conn, loc, id);
        await recordDrizzleApplied(conn, loc, file);
        await conn.exec('commit');
      } catch (error) {
        await conn.exec('rollback').catch(() => {});
        throw error;
      }
      baselined.push(file.name);
    }
    return { baselined, skippedData };
  });
}

/**
 * After review: re-records the hashes of applied files that changed, and optionally marks
 * migrations applied or reverted by hand (recovery from a partial no-transaction run).
 *
 * @example
 * ```ts
 * import { repairMigrations } from '@stocksync/db/migrations';
 * const { rehashed } = await repairMigrations({ url: process.env.DATABASE_URL! });
 * ```
 */
export async function repairMigrations(
  target: MigrationTarget,
  options: MigratorOptions & { markApplied?: string[]; markReverted?: string[] } = {},
): Promise<{ rehashed: string[]; markedApplied: string[]; markedReverted: string[] }> {
  return withSession(target, options, 'lock', async (session) => {
    const { conn, loc, files, applied } = session;
    const byName = new Map(files.map((f) => [f.name, f]));
    const record = async (file: MigrationFile, direction: 'repair' | 'down', drizzle: 'add' | 'remove') => {
      await conn.exec('begin');
      try {
        const id = await startRow(conn, loc, { name: file.name, sha256: file.sha256, direction, kind: file.kind });
        await finishRow(conn, loc, id);
        if (drizzle === 'add') {
          await recordDrizzleReverted(conn, loc, file.when);
          await recordDrizzleApplied(conn, loc, file);
        } else {
          await recordDrizzleReverted(conn, loc, file.when);
        }
        await conn.exec('commit');
      } catch (error) {
        await conn.exec('rollback').catch(() => {});
        throw error;
      }
    };
    const find = (name: string) => {
      const file = byName.get(name);
      if (!file) throw new MigrationPlanError(`No migration named ${name} in the folder.`);
      return file;
    };
    const rehashed: string[] = [];
    for (const file of files) {
      const state = applied.get(file.name);
      if (state && state.sha256 !== file.sha256) {
        await record(file, 'repair', 'add');
        rehashed.push(file.name);
      }
    }
    const markedApplied: string[] = [];
    for (const name of options.markApplied ?? []) {
      await record(find(name), 'repair', 'add');
      markedApplied.push(name);
    }
    const markedReverted: string[] = [];
    for (const name of options.markReverted ?? []) {
      await record(find(name), 'down', 'remove');
      markedReverted.push(name);
    }
    return { rehashed, markedApplied, markedReverted };
  });
}
