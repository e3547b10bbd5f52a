// History maintenance: adopt a database drizzle-kit migrated (baseline), and re-record hashes or mark
// migrations applied or reverted by hand after review (repair).
import { MigrationChecksumError, MigrationPlanError } from '../errors.js';
import type { MigrationTarget } from './adapter.js';
import { finishRow, readDrizzleRows, recordDrizzleApplied, recordDrizzleReverted, startRow } from './history.js';
import type { MigrationFile } from './loader.js';
import type { MigratorOptions } from './runner-options.js';
import { withSession } from './runner-session.js';

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
