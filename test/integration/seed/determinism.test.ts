// Seeding is deterministic (same seed, byte-identical tables on two databases, COPY and INSERT alike),
// idempotent (a second run adds nothing), and keeps tenants apart.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/connection.js';
import { migrateToLatest } from '../../../src/migrations/index.js';
import { countRowsByDomain, seedDatabase, seedTenant, tableChecksums, tenantIdFor } from '../../../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';

describe('seedDatabase', () => {
  let serverSums: Awaited<ReturnType<typeof tableChecksums>> = {};
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  it('gives byte-identical tables for the same seed, by COPY and by multi-row INSERT', async () => {
    const ra = await seedDatabase(a.db, { tenants: 2, seed: 'det', method: 'copy' });
    const rb = await seedDatabase(b.db, { tenants: 2, seed: 'det', method: 'insert' });
    expect(ra.tenantsCreated).toBe(2);
    expect(ra.rows).toEqual(rb.rows);
    expect(ra.totalRows).toBeGreaterThan(500);
    const [sa, sb] = await Promise.all([tableChecksums(a.db), tableChecksums(b.db)]);
    expect(sa).toEqual(sb);
    serverSums = sa;
    expect(sa.tenants!.rows).toBe(2);
    expect(sa.tasks!.rows).toBeGreaterThan(0);
  });

  it('gives the same bytes on the embedded database (PGlite, COPY through /dev/blob)', async () => {
    const handle = await openDatabase({ pgliteDir: 'memory' });
    try {
      await migrateToLatest({ handle });
      const report = await seedDatabase(handle.db, { tenants: 2, seed: 'det' });
      expect(report.method).toBe('copy');
      expect(await tableChecksums(handle.db)).toEqual(serverSums);
    } finally {
      await handle.close();
    }
  }, 180_000); // every migration and the seed in WebAssembly: about 30 s alone, over 60 s on busy cores

  it('gives the same bytes through postgres.js (its COPY writable stream)', async () => {
    const c = await createTestDatabase({ driver: 'postgres' });
    try {
      const report = await seedDatabase(c.db, { tenants: 2, seed: 'det', method: 'copy' });
      expect(report.tenantsCreated).toBe(2);
      expect(await tableChecksums(c.db)).toEqual(serverSums);
    } finally {
      await c.drop();
    }
  });

  it('leaves the derived state the triggers maintain consistent', async () => {
    const one = async (query: string) => {
      const result = await a.db.execute(sql.raw(query));
      return (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0]!;
    };
    // Stock levels equal the sum of their ledger rows.
    expect(await one('select count(*)::int as n from stocksync_stock_level_drift()')).toEqual({ n: 0 });
    expect(await one(`select count(*)::int as n from stock_levels where quantity > 0`)).not.toEqual({ n: 0 });
    // Tasks reached statuses past the initial ones through the transition trigger.
    expect(await one(`select count(*)::int as n from tasks where status = 'done' and completed_at is not null`)).not.toEqual({ n: 0 });
    // Paid orders are covered by succeeded payments and granted their entitlements.
    expect(
      await one(`select count(*)::int as n from billing_orders o where o.status = 'paid' and not exists
        (select 1 from entitlements e where e.tenant_id = o.tenant_id and e.order_id = o.id)`),
    ).toEqual({ n: 0 });
    // Order totals follow their items.
    expect(
      await one(`select count(*)::int as n from inventory_orders o where total_cents <> coalesce((select sum(line_total_cents)
        from inventory_order_items i where i.tenant_id = o.tenant_id and i.order_id = o.id), 0)`),
    ).toEqual({ n: 0 });
    // The audit trigger's entries for the seed's own inserts were removed; seeded history stays.
    expect(await one(`select count(*)::int as n from audit_logs where metadata->>'source' = 'trigger'`)).toEqual({ n: 0 });
  });

  it('adds nothing when run again, and appends only when asked', async () => {
    const before = await tableChecksums(a.db);
    const again = await seedDatabase(a.db, { tenants: 2, seed: 'det' });
    expect(again).toMatchObject({ tenantsCreated: 0, tenantsSkipped: 2, totalRows: 0 });
    expect(await tableChecksums(a.db)).toEqual(before);
    const appended = await seedDatabase(a.db, { tenants: 1, seed: 'det', mode: 'append' });
    expect(appended.range).toEqual({ from: 2, to: 3 });
    expect(appended.tenantsCreated).toBe(1);
    const counts = await countRowsByDomain(a.db);
    expect(counts.tables.tenants).toBe(3);
  });

  it('--force deletes this seed\'s tenants (through every cascade and guard) and recreates the same rows', async () => {
    const before = await tableChecksums(a.db);
    const forced = await seedDatabase(a.db, { tenants: 3, seed: 'det', mode: 'force' });
    expect(forced).toMatchObject({ tenantsDeleted: 3, tenantsCreated: 3 });
    expect(await tableChecksums(a.db)).toEqual(before);
  });

  it('seedTenant seeds one complete fixture tenant once, optionally only some domains', async () => {
    const first = await seedTenant(b.db, { seed: 'fixture', index: 0, domains: ['organization', 'projects'] });
    expect(first.created).toBe(true);
    expect(first.rows.tasks).toBeGreaterThan(0);
    expect(first.rows.inventory_products).toBeUndefined();
    const again = await seedTenant(b.db, { seed: 'fixture', index: 0 });
    expect(again).toEqual({ tenantId: first.tenantId, slug: first.slug, created: false, rows: {} });
  });

  it('a different seed gives different tenants', () => {
    expect(tenantIdFor('det', 0)).not.toBe(tenantIdFor('other', 0));
    expect(tenantIdFor('det', 0)).toBe(tenantIdFor('det', 0));
  });
});
