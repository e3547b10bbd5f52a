// What seedDatabase reports as written survives a crash right after it returns: the run is stopped
// with `pg_ctl stop -m immediate` on a cluster whose WAL writer waits 10 s, then recovered.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/connection.js';
import { seedDatabase, seedTenant, type SeedReport } from '../../../src/seed/index.js';
import { createTestDatabase, findPostgresBinDir, startLocalCluster, type LocalCluster, type TestDatabase } from '../../../src/testing/index.js';

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

// Rows per table that belong to the given tenants (the tenants table by id), as the superuser.
async function tenantRows(db: Db, tables: string[], ids: string[]): Promise<Record<string, number>> {
  const withTenantId = new Set(
    rowsOf<{ name: string }>(
      await db.execute(sql`select table_name::text as name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`),
    ).map((r) => r.name),
  );
  const out: Record<string, number> = {};
  for (const table of tables) {
    const column = table === 'tenants' ? 'id' : withTenantId.has(table) ? 'tenant_id' : undefined;
    const where = column ? sql`where ${sql.identifier(column)} = any(${`{${ids.join(',')}}`}::uuid[])` : sql``;
    const [row] = rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from ${sql.identifier(table)} ${where}`));
    out[table] = Number(row!.n);
  }
  return out;
}

describe.skipIf(!findPostgresBinDir())('seeding is durable once reported (skipped: no Postgres server binaries)', () => {
  let cluster: LocalCluster;
  let t: TestDatabase;
  beforeAll(async () => {
    // The server default is a synchronous commit (as in production), the WAL writer only wakes every
    // 10 s: an asynchronous commit still in the WAL buffers is lost by an immediate stop.
    cluster = await startLocalCluster({ settings: { fsync: 'on', synchronous_commit: 'on', wal_writer_delay: '10s' } });
    t = await createTestDatabase({ serverUrl: cluster.url });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  const crashAndCount = async (report: Pick<SeedReport, 'rows'>, ids: string[]) => {
    await cluster.restart({ immediate: true });
    const after = await openDatabase({ url: t.url, max: 1 });
    try {
      return await tenantRows(after.db, Object.keys(report.rows), ids);
    } finally {
      await after.close();
    }
  };

  it('seedDatabase: every reported tenant and its rows are there after an immediate stop', { timeout: 180_000 }, async () => {
    const handle = await openDatabase({ url: t.url, max: 4 });
    let report: SeedReport;
    let ids: string[];
    try {
      // Several batches, two written at a time (the trusted load as superuser).
      report = await seedDatabase(handle.db, { tenants: 6, seed: 'durable', batchRows: 3_000 });
      expect(report.trusted).toBe(true);
      expect(report.tenantsCreated).toBe(6);
      expect(report.totalRows).toBeGreaterThan(2 * 3_000); // at least three batches
      ids = rowsOf<{ id: string }>(await handle.db.execute(sql`select id::text from tenants order by id`)).map((r) => r.id);
      expect(ids).toHaveLength(6);
    } finally {
      await handle.close();
    }
    expect(await crashAndCount(report, ids)).toEqual(report.rows);
  });

  it('seedTenant: the tenant it reports created is there after an immediate stop', { timeout: 180_000 }, async () => {
    const handle = await openDatabase({ url: t.url, max: 2 });
    let result: Awaited<ReturnType<typeof seedTenant>>;
    try {
      result = await seedTenant(handle.db, { seed: 'durable-one', index: 0 });
      expect(result.created).toBe(true);
    } finally {
      await handle.close();
    }
    expect(await crashAndCount(result, [result.tenantId])).toEqual(result.rows);
  });
});
