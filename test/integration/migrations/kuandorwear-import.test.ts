// Seed 000 data migration (0023_kuandorwear_import): the legacy shop imported into a tenant's
// inventory tables in batches, resumed after the runner process is SIGKILLed, and removed exactly.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, migrateDown, migrateUp, type BatchProgress } from '../../../src/migrations/index.js';
import { createKuandorwearFixture } from '../../fixtures/kuandorwear.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { query } from './helpers.js';

const TENANT = '0190c000-0000-7000-8000-0000000000aa';
const child = fileURLToPath(new URL('./concurrent-runner.ts', import.meta.url));

const count = async (url: string, sql: string) => Number((await query<{ n: string }>(url, `select count(*)::text as n from (${sql}) x`))[0]!.n);

describe('0023_kuandorwear_import', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateDown({ url: db.url }, { to: '0022_legacy_tenant_fk' });
    await query(db.url, `insert into tenants (id, name, slug, email) values ($1, 'Kuandorwear', 'kuandorwear', 'shop@kw.example')`, [TENANT]);
    // A row the tenant already had: the import must not touch it, nor its down remove it.
    await query(db.url, `insert into inventory_products (tenant_id, sku, name) values ($1, 'OWN-1', 'Own product')`, [TENANT]);
  });
  afterAll(() => db?.drop());

  it('the fixture is deterministic', async () => {
    await createKuandorwearFixture({ url: db.url }, { products: 50, customers: 40, orders: 300, seed: 's1' });
    const a = await query(db.url, `select md5(string_agg(o::text, '|' order by o.id)) as h from kuandorwear.orders o`);
    await createKuandorwearFixture({ url: db.url }, { products: 50, customers: 40, orders: 300, seed: 's1' });
    const b = await query(db.url, `select md5(string_agg(o::text, '|' order by o.id)) as h from kuandorwear.orders o`);
    await createKuandorwearFixture({ url: db.url }, { products: 50, customers: 40, orders: 300, seed: 's2' });
    const c = await query(db.url, `select md5(string_agg(o::text, '|' order by o.id)) as h from kuandorwear.orders o`);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('imports products, customers and orders with their items and statuses, reports progress, and down removes exactly the import', async () => {
    await createKuandorwearFixture({ url: db.url }, { products: 300, customers: 2500, orders: 3000 });
    const progress: BatchProgress[] = [];
    const result = await migrateUp(
      { url: db.url },
      { to: '0023_kuandorwear_import', onEvent: (e) => e.type === 'progress' && progress.push(e.progress) },
    );
    expect(result.migrations[0]!.report).toEqual({ imported: true, tenant: TENANT, products: 300, customers: 2500, orders: 3000 });
    expect(await count(db.url, `select 1 from inventory_products where tenant_id = '${TENANT}'`)).toBe(301);
    expect(await count(db.url, `select 1 from buyers where tenant_id = '${TENANT}'`)).toBe(2500);
    expect(await count(db.url, `select 1 from inventory_order_items where tenant_id = '${TENANT}'`)).toBe(3000);
    // Status, amounts and relations match the legacy rows one by one.
    const mismatches = await query(
      db.url,
      `select o.id from kuandorwear.orders o
         join inventory_orders io on io.order_number = 'KW-' || o.id and io.tenant_id = $1
         join inventory_order_items it on it.tenant_id = io.tenant_id and it.order_id = io.id
         join inventory_products p on p.tenant_id = it.tenant_id and p.id = it.product_id
         join buyers b on b.tenant_id = io.tenant_id and b.id = io.buyer_id
        where io.status <> case o.status when 'pending' then 'draft' when 'paid' then 'confirmed' else o.status end
           or it.quantity <> o.quantity or io.total_cents <> o.quantity * round(o.unit_price * 100)
           or p.sku <> (select sku from kuandorwear.products where id = o.product_id)
           or b.email <> (select email from kuandorwear.customers where id = o.customer_id)`,
      [TENANT],
    );
    expect(mismatches).toEqual([]);
    const orderSteps = progress.filter((p) => p.step === 'orders');
    expect(orderSteps.map((p) => p.done)).toEqual([2000, 3000]);
    expect(orderSteps.at(-1)!.total).toBe(3000);
    expect(orderSteps.every((p) => p.rowsPerSecond > 0 && p.resumed === false)).toBe(true);
    expect(await query(db.url, 'select * from drizzle.stocksync_migrations_checkpoints')).toEqual([]);

    await migrateDown({ url: db.url }, { steps: 1 });
    expect(await query(db.url, `select sku from inventory_products where tenant_id = $1`, [TENANT])).toEqual([{ sku: 'OWN-1' }]);
    for (const t of ['buyers', 'inventory_orders', 'inventory_order_items', 'inventory_locations']) {
      expect(await count(db.url, `select 1 from ${t} where tenant_id = '${TENANT}'`)).toBe(0);
    }
    expect(await query(db.url, `select to_regclass('kuandorwear.stocksync_import_map') as t`)).toEqual([{ t: null }]);
    expect(await count(db.url, 'select 1 from kuandorwear.orders')).toBe(3000); // the legacy shop is left as it was
  });

  it('a SIGKILLed import resumes from its last checkpoint and imports every row exactly once', async () => {
    await createKuandorwearFixture({ url: db.url }, { products: 100, customers: 100, orders: 10_000 });
    const proc = spawn(process.execPath, ['--import', 'tsx', child, db.url, defaultMigrationsFolder()], { stdio: 'ignore' });
    const exited = new Promise((r) => proc.once('exit', r));
    let killedAt = 0;
    for (let i = 0; i < 600 && !killedAt; i++) {
      const rows = await query<{ rows_done: string }>(
        db.url,
        `select rows_done::text as rows_done from drizzle.stocksync_migrations_checkpoints where step = 'orders'`,
      ).catch(() => []);
      if (rows[0] && Number(rows[0].rows_done) >= 2000) {
        proc.kill('SIGKILL');
        killedAt = Number(rows[0].rows_done);
      } else await new Promise((r) => setTimeout(r, 25));
    }
    await exited;
    expect(killedAt).toBeGreaterThan(0);
    const partial = await count(db.url, `select 1 from inventory_orders where tenant_id = '${TENANT}'`);
    expect(partial).toBeGreaterThanOrEqual(killedAt);
    expect(partial).toBeLessThan(10_000);
    const interrupted = await query<{ finished_at: Date | null }>(
      db.url,
      `select finished_at from drizzle.stocksync_migrations where name = '0023_kuandorwear_import' order by id desc limit 1`,
    );
    expect(interrupted[0]!.finished_at).toBeNull();

    const progress: BatchProgress[] = [];
    await migrateUp({ url: db.url }, { to: '0023_kuandorwear_import', onEvent: (e) => e.type === 'progress' && progress.push(e.progress) });
    const resumed = progress.filter((p) => p.step === 'orders');
    expect(resumed[0]!.resumed).toBe(true);
    expect(resumed[0]!.done).toBeGreaterThan(killedAt);
    expect(await count(db.url, `select 1 from inventory_orders where tenant_id = '${TENANT}'`)).toBe(10_000);
    expect(await count(db.url, `select distinct order_number from inventory_orders where tenant_id = '${TENANT}'`)).toBe(10_000);
    expect(await count(db.url, `select 1 from inventory_order_items where tenant_id = '${TENANT}'`)).toBe(10_000);
    expect(await count(db.url, `select 1 from buyers where tenant_id = '${TENANT}'`)).toBe(100);
  }, 240_000);
});
