// Applying one migration: its statements or data module, the history bookkeeping in the same
// transaction, and a MigrationFailedError that says what stayed applied and what to do next.
import { MigrationFailedError, MigrationIrreversibleError, MigrationPlanError, sqlStateOf } from '../errors.js';
import { createDataContext, type DataMigration } from './data.js';
import { checkpointTable, finishRow, recordDrizzleApplied, recordDrizzleReverted, startRow } from './history.js';
import { loadDataMigration, splitStatements, type MigrationFile } from './loader.js';
import type { MigrationOutcome } from './runner-options.js';
import type { Session } from './runner-session.js';
import { quoteLiteral } from './sql.js';

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const state = sqlStateOf(error);
  return state ? `${message} [SQLSTATE ${state}]` : message;
}

/** Refuses a down plan before anything runs when a down file is missing or a data migration is irreversible; returns the loaded data modules. */
export async function checkReversible(session: Session, plan: MigrationFile[]): Promise<Map<string, DataMigration>> {
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

/** Applies one migration in one direction (in its own transaction unless it cannot be) and records it in the history. */
export async function runOne(
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
