// The runner on every driver (node-postgres, postgres.js, PGlite) and eight runner processes at once.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/connection.js';
import { defaultMigrationsFolder, migrateDown, migrateUp, migrationStatus } from '../../../src/migrations/index.js';
import { emptyDatabase, fixtureFolder, query, removeFolder } from './helpers.js';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./concurrent-runner.ts', import.meta.url));

describe('runner drivers and concurrency', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('eight concurrent runner processes apply every migration exactly once', async () => {
    const db = await emptyDatabase();
    cleanups.push(db.drop);
    const migrations = Array.from({ length: 6 }, (_, i) => ({
      name: `000${i}_step`,
      up: `${i === 0 ? 'create table applied (name text not null);\n--> statement-breakpoint\n' : ''}select pg_sleep(0.15);\n--> statement-breakpoint\ninsert into applied values ('000${i}_step');`,
      down: i === 0 ? 'drop table applied;' : `delete from applied where name = '000${i}_step';`,
    }));
    const folder = fixtureFolder(migrations);
    cleanups.push(() => removeFolder(folder));
    const results = await Promise.all(
      Array.from({ length: 8 }, () => run(process.execPath, ['--import', 'tsx', child, db.url, folder], { timeout: 120_000 })),
    );
    const applied = results.flatMap((r) => JSON.parse(r.stdout) as string[]);
    expect(applied.sort()).toEqual(migrations.map((m) => m.name));
    const rows = await query<{ name: string; n: string }>(db.url, 'select name, count(*)::text as n from applied group by name order by name');
    expect(rows).toEqual(migrations.map((m) => ({ name: m.name, n: '1' })));
    const history = await query<{ n: string }>(db.url, `select count(*)::text as n from drizzle.stocksync_migrations where direction = 'up'`);
    expect(history[0]!.n).toBe('6');
  }, 180_000);

  it('migrates the real folder through postgres.js, and down to zero and back up', async () => {
    const db = await emptyDatabase();
    cleanups.push(db.drop);
    const handle = await openDatabase({ url: db.url, driver: 'postgres', max: 2 });
    try {
      const up = await migrateUp(handle);
      expect(up.migrations.length).toBeGreaterThan(2);
      const status = await migrationStatus(handle);
      expect(status.pending).toBe(0);
      await migrateDown(handle, { all: true });
      const left = await query<{ t: string }>(db.url, `select table_name as t from information_schema.tables where table_schema = 'public'`);
      expect(left).toEqual([]);
      await migrateUp(handle);
      expect((await migrationStatus(handle)).applied).toBe(up.migrations.length);
    } finally {
      await handle.close();
    }
  });

  it('migrates an embedded PGlite database (the default embedded database)', async () => {
    // The real folder needs btree_gin and btree_gist, which PGlite ships as contrib extensions.
    const { PGlite } = await import('@electric-sql/pglite');
    const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
    const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
    const client = new PGlite({ extensions: { btree_gin, btree_gist } });
    const handle = { db: undefined as never, driver: 'pglite' as const, client, close: () => client.close() };
    try {
      const up = await migrateUp(handle, { folder: defaultMigrationsFolder() });
      expect(up.migrations.length).toBeGreaterThan(2);
      const pglite = handle.client as { query(t: string): Promise<{ rows: Array<{ relforcerowsecurity: boolean }> }> };
      const rls = await pglite.query(`select relforcerowsecurity from pg_class where relname = 'users'`);
      expect(rls.rows[0]!.relforcerowsecurity).toBe(true);
      expect((await migrationStatus(handle)).pending).toBe(0);
      const down = await migrateDown(handle, { steps: 1 });
      expect(down.migrations).toHaveLength(1);
      expect((await migrationStatus(handle)).pending).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
