// The migration runner, in plain phases: connect -> lock -> ensure history -> load files and
// applied rows -> check order and hashes -> plan -> apply (one transaction each) -> unlock.
// The phases live in runner-session.ts (connect, lock, history), plan.ts (check, plan) and apply.ts
// (apply one); this file holds the entry points up, down, plan and status.
import type { MigrationTarget } from './adapter.js';
import { checkReversible, runOne } from './apply.js';
import { readDrizzleRows, type HistoryRow } from './history.js';
import { loadDataMigration, splitStatements } from './loader.js';
import { checkFolderAgainstHistory, selectMigrations } from './plan.js';
import type {
  MigrationOutcome,
  MigrationRunResult,
  MigrationStatus,
  MigrationStatusEntry,
  MigratorOptions,
  PlannedMigration,
} from './runner-options.js';
import { refuseUnadopted, withSession } from './runner-session.js';

export type {
  MigrationEvent,
  MigrationOutcome,
  MigrationRunResult,
  MigrationStatus,
  MigrationStatusEntry,
  MigratorOptions,
  PlannedMigration,
} from './runner-options.js';
export { checkFolderAgainstHistory, selectMigrations } from './plan.js';
export { baselineMigrations, repairMigrations } from './baseline-repair.js';

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
