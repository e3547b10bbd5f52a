// The runner on a real Postgres: history, hashes, order, transactions, failures, down, lock.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MigrationChecksumError,
  MigrationFailedError,
  MigrationIrreversibleError,
  MigrationLockError,
  MigrationPlanError,
} from '../../../src/errors.js';
import {
  migrateDown,
  migrateUp,
  migrationLockKey,
  migrationStatus,
  planMigrations,
  repairMigrations,
} from '../../../src/migrations/index.js';
import { emptyDatabase, fixtureFolder, query, removeFolder, type FixtureMigration } from './helpers.js';

const basic: FixtureMigration[] = [
  { name: '0000_a', up: 'create table a (id int primary key);', down: 'drop table a;' },
  {
    name: '0001_b',
    up: 'create table b (id int primary key, a_id int references a(id));\n--> statement-breakpoint\ninsert into a values (1);',
    down: 'delete from a where id = 1;\n--> statement-breakpoint\ndrop table b;',
  },
  { name: '0002_c', up: 'alter table a add column note text;', down: 'alter table a drop column note;' },
];

const tables = async (url: string) =>
  (await query<{ t: string }>(url, `select table_name as t from information_schema.tables where table_schema = 'public' order by 1`)).map((r) => r.t);

describe('migration runner', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  let url: string;
  beforeEach(async () => {
    const db = await emptyDatabase();
    cleanups.push(db.drop);
    url = db.url;
  });
  const folderOf = (migrations: FixtureMigration[]) => {
    const folder = fixtureFolder(migrations);
    cleanups.push(() => removeFolder(folder));
    return folder;
  };

  it('applies pending migrations in order, records history and drizzle rows, and is idempotent', async () => {
    const folder = folderOf(basic);
    const first = await migrateUp({ url }, { folder });
    expect(first.migrations.map((m) => m.name)).toEqual(['0000_a', '0001_b', '0002_c']);
    expect(await tables(url)).toEqual(['a', 'b']);
    const history = await query<{ name: string; direction: string; error: string | null; duration_ms: number }>(
      url,
      'select name, direction, error, duration_ms from drizzle.stocksync_migrations order by id',
    );
    expect(history.map((h) => [h.name, h.direction, h.error])).toEqual([
      ['0000_a', 'up', null],
      ['0001_b', 'up', null],
      ['0002_c', 'up', null],
    ]);
    expect(history.every((h) => typeof h.duration_ms === 'number')).toBe(true);
    const drizzleRows = await query<{ created_at: string }>(url, 'select created_at from drizzle.__drizzle_migrations order by created_at');
    expect(drizzleRows.map((r) => Number(r.created_at))).toEqual([1_700_000_000_000, 1_700_000_001_000, 1_700_000_002_000]);
    expect((await migrateUp({ url }, { folder })).migrations).toEqual([]);
    const status = await migrationStatus({ url }, { folder });
    expect(status.applied).toBe(3);
    expect(status.pending).toBe(0);
  });

  it('up --to stops at the named migration; down --steps, --to and --all revert newest first', async () => {
    const folder = folderOf(basic);
    await migrateUp({ url }, { folder, to: '0001_b' });
    expect((await migrationStatus({ url }, { folder })).migrations.map((m) => m.state)).toEqual(['applied', 'applied', 'pending']);
    await migrateUp({ url }, { folder });
    const down1 = await migrateDown({ url }, { folder });
    expect(down1.migrations.map((m) => m.name)).toEqual(['0002_c']);
    await migrateUp({ url }, { folder });
    const downTo = await migrateDown({ url }, { folder, to: '0000_a' });
    expect(downTo.migrations.map((m) => m.name)).toEqual(['0002_c', '0001_b']);
    expect(await tables(url)).toEqual(['a']);
    expect(await query(url, 'select * from a')).toEqual([]);
    await migrateDown({ url }, { folder, all: true });
    expect(await tables(url)).toEqual([]);
    expect(await query(url, 'select * from drizzle.__drizzle_migrations')).toEqual([]);
    await migrateUp({ url }, { folder });
    expect(await tables(url)).toEqual(['a', 'b']);
  });

  it('refuses to run when an applied file changed; repair re-records its hash', async () => {
    const folder = folderOf(basic);
    await migrateUp({ url }, { folder });
    appendFileSync(join(folder, '0001_b.sql'), '\n-- a reviewed comment\n');
    const error = await migrateUp({ url }, { folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect((error as MigrationChecksumError).migration).toBe('0001_b');
    expect((error as Error).message).toContain('migrate repair');
    expect((await migrationStatus({ url }, { folder })).migrations[1]!.checksumOk).toBe(false);
    const repaired = await repairMigrations({ url }, { folder });
    expect(repaired.rehashed).toEqual(['0001_b']);
    expect((await migrateUp({ url }, { folder })).migrations).toEqual([]);
  });

  it('refuses a pending migration older than an applied one unless allowed', async () => {
    const folder = folderOf([basic[0]!, basic[2]!]);
    await migrateUp({ url }, { folder });
    // A branch merge brings 0001_b between two applied migrations.
    fixtureFolder([basic[0]!, basic[1]!, basic[2]!], folder);
    const error = await migrateUp({ url }, { folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationPlanError);
    expect((error as Error).message).toContain('0001_b');
    expect((error as Error).message).toContain('--allow-out-of-order');
    const status = await migrationStatus({ url }, { folder });
    expect(status.migrations.find((m) => m.name === '0001_b')!.outOfOrder).toBe(true);
    const result = await migrateUp({ url }, { folder, allowOutOfOrder: true });
    expect(result.migrations.map((m) => m.name)).toEqual(['0001_b']);
  });

  it('rolls back a failing migration completely and records the failure with a recovery message', async () => {
    const folder = folderOf([
      basic[0]!,
      { name: '0001_bad', up: 'create table z (id int);\n--> statement-breakpoint\ninsert into a values (1), (1);', down: 'drop table z;' },
    ]);
    const error = await migrateUp({ url }, { folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    const failed = error as MigrationFailedError;
    expect([failed.migration, failed.direction]).toEqual(['0001_bad', 'up']);
    expect(failed.sqlState).toBe('23505');
    expect(failed.statement).toContain('insert into a');
    expect(failed.message).toContain('statement 2 of 2');
    expect(failed.message).toContain('stocksync-db migrate up');
    expect(await tables(url)).toEqual(['a']); // z rolled back with its transaction
    const history = await query<{ name: string; error: string | null; finished_at: Date | null }>(
      url,
      'select name, error, finished_at from drizzle.stocksync_migrations order by id',
    );
    expect(history[1]!.name).toBe('0001_bad');
    expect(history[1]!.error).toContain('23505');
    expect(history[1]!.finished_at).not.toBeNull();
    const status = await migrationStatus({ url }, { folder });
    expect(status.migrations[1]!.state).toBe('failed');
    expect((await query(url, 'select * from drizzle.__drizzle_migrations')).length).toBe(1);
  });

  it('runs CREATE INDEX CONCURRENTLY and -- no-transaction files outside a transaction', async () => {
    const folder = folderOf([
      basic[0]!,
      { name: '0001_idx', up: 'create index concurrently a_id_idx on a (id);', down: 'drop index concurrently a_id_idx;' },
      { name: '0002_vac', up: '-- no-transaction\nselect 1;', down: 'select 1;' },
    ]);
    const plan = await planMigrations({ url }, { folder });
    expect(plan.map((p) => [p.name, p.transaction])).toEqual([
      ['0000_a', true],
      ['0001_idx', false],
      ['0002_vac', false],
    ]);
    expect(plan[1]!.noTransactionReason).toContain('create index concurrently');
    await migrateUp({ url }, { folder });
    expect(await query(url, `select indexname from pg_indexes where indexname = 'a_id_idx'`)).toHaveLength(1);
    await migrateDown({ url }, { folder, steps: 2 });
    expect(await query(url, `select indexname from pg_indexes where indexname = 'a_id_idx'`)).toHaveLength(0);
  });

  it('refuses to go down past a missing down file or an irreversible data migration, before running anything', async () => {
    const folder = folderOf([
      basic[0]!,
      { name: '0001_nodown', up: 'create table n (id int);' },
      { name: '0002_c', up: 'create table c (id int);', down: 'drop table c;' },
    ]);
    await migrateUp({ url }, { folder });
    const error = await migrateDown({ url }, { folder, all: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationPlanError);
    expect((error as Error).message).toContain('0001_nodown');
    expect(await tables(url)).toEqual(['a', 'c', 'n']); // 0002_c was not reverted either

    const folder2 = folderOf([
      basic[0]!,
      {
        name: '0001_drop_data',
        data: `export const irreversible = 'deletes rows that cannot be rebuilt';\nexport async function up(ctx) { await ctx.exec('delete from a'); }\n`,
      },
    ]);
    const db2 = await emptyDatabase();
    cleanups.push(db2.drop);
    await migrateUp({ url: db2.url }, { folder: folder2 });
    const irreversible = await migrateDown({ url: db2.url }, { folder: folder2 }).catch((e: unknown) => e);
    expect(irreversible).toBeInstanceOf(MigrationIrreversibleError);
    expect((irreversible as MigrationIrreversibleError).reason).toBe('deletes rows that cannot be rebuilt');
  });

  it('runs data migrations with up and down in a transaction and returns their report', async () => {
    const folder = folderOf([
      { ...basic[0]!, up: 'create table a (id int primary key, v text);' },
      {
        name: '0001_fill',
        data: [
          `import type { DataMigrationContext } from '@stocksync/db/migrations';`,
          `export async function up(ctx: DataMigrationContext) {`,
          `  await ctx.query('insert into a select g, $1 from generate_series(1, 5) g', ['x']);`,
          `  return { inserted: 5 };`,
          `}`,
          `export async function down(ctx: DataMigrationContext) { await ctx.exec('delete from a'); }`,
        ].join('\n'),
      },
    ]);
    const result = await migrateUp({ url }, { folder });
    expect(result.migrations[1]).toMatchObject({ name: '0001_fill', kind: 'data', report: { inserted: 5 } });
    expect((await query<{ n: string }>(url, 'select count(*) as n from a'))[0]!.n).toBe('5');
    await migrateDown({ url }, { folder });
    expect((await query<{ n: string }>(url, 'select count(*) as n from a'))[0]!.n).toBe('0');
  });

  it('ctx.batch walks keyset batches with per-batch timeouts, pauses and checkpoints, and retries a lock timeout', async () => {
    const folder = folderOf([
      { name: '0000_t', up: 'create table t (id int primary key, v int);\n--> statement-breakpoint\ninsert into t select g, 0 from generate_series(1, 25) g;\n--> statement-breakpoint\ncreate table seen (batch int, lock_timeout text, statement_timeout text, keys int[]);', down: 'drop table seen;\n--> statement-breakpoint\ndrop table t;' },
      {
        name: '0001_batched',
        data: [
          `import type { DataMigrationContext } from '@stocksync/db/migrations';`,
          `export const transaction = false;`,
          `let n = 0;`,
          `export async function up(ctx: DataMigrationContext) {`,
          `  const r = await ctx.batch({ step: 'bump', table: 't', key: 'id', where: 'id <> 13', batchSize: 10, pauseMs: 20, lockTimeout: '1234ms', statementTimeout: '5s',`,
          `    run: async ({ keys }) => {`,
          `      n++;`,
          `      await ctx.query("insert into seen select $1, current_setting('lock_timeout'), current_setting('statement_timeout'), $2::int[]", [n, keys]);`,
          `      const rows = await ctx.query('update t set v = v + 1 where id = any($1::int[]) returning 1', [keys]);`,
          `      return rows.length;`,
          `    } });`,
          `  return r;`,
          `}`,
          `export async function down(ctx: DataMigrationContext) { await ctx.exec('update t set v = 0; delete from seen'); }`,
        ].join('\n'),
      },
    ]);
    const progress: Array<{ done: number; total: number }> = [];
    const result = await migrateUp({ url }, { folder, onEvent: (e) => e.type === 'progress' && progress.push({ done: e.progress.done, total: e.progress.total }) });
    expect(result.migrations[1]!.report).toEqual({ step: 'bump', batches: 3, rows: 24, resumed: false });
    expect(progress).toEqual([
      { done: 10, total: 24 },
      { done: 20, total: 24 },
      { done: 24, total: 24 },
    ]);
    const seen = await query<{ batch: number; lock_timeout: string; statement_timeout: string; keys: number[] }>(url, 'select * from seen order by batch');
    expect(seen.map((r) => [r.lock_timeout, r.statement_timeout])).toEqual([
      ['1234ms', '5s'],
      ['1234ms', '5s'],
      ['1234ms', '5s'],
    ]);
    expect(seen.map((r) => r.keys.length)).toEqual([10, 10, 4]);
    expect(seen[1]!.keys).not.toContain(13);
    expect(await query(url, 'select id from t where v <> 1 order by id')).toEqual([{ id: 13 }]);
    expect(await query(url, 'select * from drizzle.stocksync_migrations_checkpoints')).toEqual([]);
  });

  it('ctx.batch retries a batch that hits lock_timeout', async () => {
    const folder = folderOf([
      { name: '0000_t', up: 'create table t (id int primary key, v int);\n--> statement-breakpoint\ninsert into t select g, 0 from generate_series(1, 3) g;', down: 'drop table t;' },
      {
        name: '0001_retry',
        data: [
          `export const transaction = false;`,
          `let attempts = 0;`,
          `export async function up(ctx) {`,
          `  await ctx.batch({ step: 'bump', table: 't', key: 'id', lockTimeout: '100ms', run: async ({ keys }) => {`,
          `    attempts++;`,
          `    await ctx.query('update t set v = v + 1 where id = any($1::int[])', [keys]);`,
          `  } });`,
          `  return { attempts };`,
          `}`,
          `export async function down(ctx) { await ctx.exec('update t set v = 0'); }`,
        ].join('\n'),
      },
    ]);
    await migrateUp({ url }, { folder, to: '0000_t' });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table t in exclusive mode');
      const running = migrateUp({ url }, { folder });
      // Hold the lock until the batch's update has waited on it, timed out (100ms lock_timeout)
      // and come back as a retry (a new statement start), whatever the machine's load; a fixed
      // sleep could end before the runner got there, or outlast every retry.
      // A second session watches: inside the holder's transaction pg_stat_activity is a snapshot.
      const watcher = new pg.Client({ connectionString: url });
      await watcher.connect();
      const waiting = async () =>
        (
          await watcher.query<{ started: string }>(
            `select query_start::text as started from pg_stat_activity where wait_event_type = 'Lock' and query like 'update t set v%'`,
          )
        ).rows[0]?.started;
      const deadline = Date.now() + 60_000;
      let first: string | undefined;
      for (let now = await waiting(); Date.now() < deadline; now = await waiting()) {
        first ??= now;
        if (first && now && now !== first) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await watcher.end();
      await holder.query('commit');
      const result = await running;
      expect((result.migrations[0]!.report as { attempts: number }).attempts).toBeGreaterThan(1);
      expect(await query(url, 'select v from t order by id')).toEqual([{ v: 1 }, { v: 1 }, { v: 1 }]);
    } finally {
      await holder.end();
    }
  });

  it('takes a session advisory lock: fail mode throws, wait mode times out while another session holds it', async () => {
    const folder = folderOf(basic);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1::bigint)', [migrationLockKey('drizzle', 'stocksync_migrations')]);
      const failed = await migrateUp({ url }, { folder, lock: { mode: 'fail' } }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(MigrationLockError);
      expect((failed as Error).message).toMatch(/held by backend pid \d+/);
      let waited = false;
      const timedOut = await migrateUp({ url }, { folder, lock: { mode: 'wait', timeoutMs: 600 }, onEvent: (e) => (waited ||= e.type === 'lock-wait') }).catch(
        (e: unknown) => e,
      );
      expect(timedOut).toBeInstanceOf(MigrationLockError);
      expect(waited).toBe(true);
      // A different history table has a different key, so it is not blocked.
      await migrateUp({ url }, { folder, table: 'other_history', lock: { mode: 'fail' }, to: '0000_a' });
    } finally {
      await holder.end();
    }
  });

  it('sets lock_timeout for each transactional migration when asked', async () => {
    const folder = folderOf([
      basic[0]!,
      { name: '0001_show', up: `do $$ begin if current_setting('lock_timeout') <> '1500ms' then raise exception 'lock_timeout is %', current_setting('lock_timeout'); end if; end $$;`, down: 'select 1;' },
    ]);
    await migrateUp({ url }, { folder, lockTimeout: '1500ms' });
    expect((await migrationStatus({ url }, { folder })).applied).toBe(2);
  });
});
