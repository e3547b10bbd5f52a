// Interop with drizzle: a database our runner migrated is up to date for drizzle-kit migrate, and a
// database drizzle-kit migrated is adopted by baseline. Both run the real drizzle tools.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MigrationPlanError } from '../../../src/errors.js';
import { baselineMigrations, defaultMigrationsFolder, loadMigrations, migrateDown, migrateUp, migrationStatus } from '../../../src/migrations/index.js';
import { emptyDatabase, fixtureFolder, query, removeFolder } from './helpers.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

async function drizzleKitMigrate(url: string): Promise<void> {
  await run(process.execPath, [`${root}node_modules/drizzle-kit/bin.cjs`, 'migrate'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    timeout: 120_000,
  });
}

async function drizzleOrmMigrate(url: string, folder: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle({ client }), { migrationsFolder: folder, migrationsSchema: 'drizzle', migrationsTable: '__drizzle_migrations' });
  } finally {
    await client.end();
  }
}

const drizzleRows = async (url: string) =>
  (await query<{ hash: string; created_at: string }>(url, 'select hash, created_at from drizzle.__drizzle_migrations order by created_at')).map(
    (r) => `${r.created_at}:${r.hash}`,
  );

describe('drizzle-kit interop', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('a database migrated by the runner is up to date for `drizzle-kit migrate` (nothing re-applied)', async () => {
    const db = await emptyDatabase();
    cleanups.push(db.drop);
    await migrateUp({ url: db.url });
    const files = loadMigrations(defaultMigrationsFolder());
    const before = await drizzleRows(db.url);
    expect(before).toEqual(files.map((f) => `${f.when}:${f.drizzleHash}`));
    await drizzleKitMigrate(db.url);
    expect(await drizzleRows(db.url)).toEqual(before);
  }, 180_000);

  it('baseline adopts a database migrated by `drizzle-kit migrate`; up then applies nothing', async () => {
    const db = await emptyDatabase();
    cleanups.push(db.drop);
    await drizzleKitMigrate(db.url);
    const refused = await migrateUp({ url: db.url }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MigrationPlanError);
    expect((refused as Error).message).toContain('migrate baseline');
    expect((await migrationStatus({ url: db.url })).needsBaseline).toBe(true);
    const { baselined, skippedData } = await baselineMigrations({ url: db.url });
    const files = loadMigrations(defaultMigrationsFolder());
    expect(baselined).toEqual(files.filter((f) => f.kind === 'sql').map((f) => f.name));
    // drizzle-kit recorded the data migrations without running them: they stay pending for the runner.
    expect(skippedData).toEqual(files.filter((f) => f.kind === 'data').map((f) => f.name));
    const late = await migrateUp({ url: db.url }, { allowOutOfOrder: true });
    expect(late.migrations.map((m) => m.name)).toEqual(skippedData);
    expect((await migrateUp({ url: db.url })).migrations).toEqual([]);
    const status = await migrationStatus({ url: db.url });
    expect(status.pending).toBe(0);
    // And the adopted database can be reverted with our down files.
    const down = await migrateDown({ url: db.url }, { steps: 1 });
    expect(down.migrations).toHaveLength(1);
  }, 180_000);

  it('drizzle-orm records a data migration marker without running it; baseline leaves it pending for the runner', async () => {
    const folder = fixtureFolder([
      { name: '0000_t', up: 'create table t (id int primary key, v int);', down: 'drop table t;' },
      {
        name: '0001_fill',
        data: `export async function up(ctx) { await ctx.exec('insert into t values (1, 1)'); }\nexport async function down(ctx) { await ctx.exec('delete from t'); }\n`,
      },
      { name: '0002_u', up: 'alter table t add column w int;', down: 'alter table t drop column w;' },
    ]);
    cleanups.push(() => removeFolder(folder));
    const ours = await emptyDatabase();
    cleanups.push(ours.drop);
    await migrateUp({ url: ours.url }, { folder });
    expect(await query(ours.url, 'select id, v from t')).toEqual([{ id: 1, v: 1 }]);
    const rows = await drizzleRows(ours.url);
    await drizzleOrmMigrate(ours.url, folder);
    expect(await drizzleRows(ours.url)).toEqual(rows);

    const theirs = await emptyDatabase();
    cleanups.push(theirs.drop);
    await drizzleOrmMigrate(theirs.url, folder);
    expect(await query(theirs.url, 'select id from t')).toEqual([]); // the marker ran nothing
    expect(await drizzleRows(theirs.url)).toEqual(rows);
    const adopted = await baselineMigrations({ url: theirs.url }, { folder });
    expect(adopted).toEqual({ baselined: ['0000_t', '0002_u'], skippedData: ['0001_fill'] });
    await expect(migrateUp({ url: theirs.url }, { folder })).rejects.toThrow(/--allow-out-of-order/);
    const late = await migrateUp({ url: theirs.url }, { folder, allowOutOfOrder: true });
    expect(late.migrations.map((m) => m.name)).toEqual(['0001_fill']);
    expect(await query(theirs.url, 'select id, v from t')).toEqual([{ id: 1, v: 1 }]);
    expect(await drizzleRows(theirs.url)).toEqual(rows);
  });
});
