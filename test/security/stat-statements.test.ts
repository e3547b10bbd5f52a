// What the tenant context leaves in pg_stat_statements, in both context modes, on a throwaway cluster of
// this machine's server binaries (PG_BIN_DIR picks another major) started with the module preloaded.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/connection.js';
import { teams, tenants } from '../../src/schema/index.js';
import { tenantDb, withTenant } from '../../src/tenancy/index.js';
import { createTestDatabase, startLocalCluster, type LocalCluster, type TestDatabase } from '../../src/testing/index.js';
import { uuidv7 } from '../../src/uuid.js';

type Statement = { query: string; calls: number };

describe('pg_stat_statements and the tenant context', () => {
  let cluster: LocalCluster;
  let t: TestDatabase;
  let major = 0;
  const TENANT = uuidv7();
  const USER = uuidv7();
  const REQUEST = `req-${uuidv7()}`;

  beforeAll(async () => {
    cluster = await startLocalCluster({
      settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', 'pg_stat_statements.track_utility': 'on' },
    });
    t = await createTestDatabase({ serverUrl: cluster.url });
    await t.db.execute(sql`create extension pg_stat_statements`);
    const version = (await t.db.execute(sql`show server_version_num`)) as unknown as { rows: Array<{ server_version_num: string }> };
    major = Math.floor(Number(version.rows[0]!.server_version_num) / 10000);
    await t.db.insert(tenants).values({ id: TENANT, name: 'Stats', slug: 'stats', email: 's@s.test' });
  });
  afterAll(async () => {
    await t?.drop();
    await cluster?.stop();
  });

  const statements = async (): Promise<Statement[]> =>
    ((await t.db.execute(sql`select query, calls::int as calls from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())`)) as unknown as { rows: Statement[] }).rows;

  it.each(['pg', 'postgres'] as const)('set_local and set_config on %s leave no tenant id, user id or request id in it', async (driver) => {
    const handle = await openDatabase({ url: t.serviceUrl, driver, max: 1 });
    try {
      await t.db.execute(sql`select pg_stat_statements_reset()`);
      const actor = { userId: USER, role: 'admin' as const, ip: '203.0.113.9', requestId: REQUEST };
      for (const contextMode of ['set_local', 'set_config'] as const) {
        await withTenant(handle.db, TENANT, (tx) => tx.select().from(teams), { actor, contextMode });
        await tenantDb(handle.db, TENANT, { actor, contextMode }).insert(teams).values({ name: `${driver} ${contextMode}` });
      }
      const seen = await statements();
      const texts = seen.map((s) => s.query);
      // The context statements were recorded (the test looks at the right place) ...
      expect(texts.some((q) => /stocksync_enter_tenant\(\$1::uuid, \$2, \$3, \$4, \$5, \$6, (\$7|null)\)/i.test(q))).toBe(true);
      expect(texts).toContain('set local role stocksync_app');
      // ... with every constant normalized: no tenant id, user id, ip or request id in any text.
      for (const secret of [TENANT, USER, REQUEST, '203.0.113.9']) {
        expect(texts.filter((q) => q.includes(secret))).toEqual([]);
      }
    } finally {
      await handle.close();
    }
  });

  it('a SET LOCAL of an app.* setting with a literal is kept verbatim up to 17, normalized from 18', async () => {
    await t.db.execute(sql`select pg_stat_statements_reset()`);
    await t.db.transaction(async (tx) => {
      // SET takes no parameters: the literal is the point of this probe (a uuid the test made).
      await tx.execute(sql.raw(`set local app.probe = '${TENANT}'`));
    });
    const texts = (await statements()).map((s) => s.query).filter((q) => q.includes('app.probe'));
    // Run here on 15.20, 16.14, 17.10 and 18.4 (PG_BIN_DIR): why the package never sends the context this way.
    expect(texts).toEqual([major >= 18 ? 'set local app.probe = $1' : `set local app.probe = '${TENANT}'`]);
  });
});
