// Data migration 0023_kuandorwear_import (seed 000): StockSync replaces the kuandorwear shop's
// single-tenant tables. Imports them into one tenant's inventory tables: products ->
// inventory_products, customers -> buyers, orders -> inventory_orders (sales) with one item each,
// all from one imported location. Batched by primary key with a checkpoint per batch, so a killed
// run resumes where it stopped; kuandorwear.stocksync_import_map records every row it created, and
// down removes exactly those. Nothing happens on a database without the `kuandorwear` schema.
// Stock quantities are not imported: the stock ledger is append-only, so an imported opening
// balance could not be reverted. Record it as `adjustment` movements once the import is final.
// The tenant: slug in STOCKSYNC_KUANDORWEAR_TENANT (default 'kuandorwear'); it must exist.
import { existsSync } from 'node:fs';
import type { DataMigrationContext } from '@stocksync/db/migrations';

export const transaction = false;

const MAP = 'kuandorwear.stocksync_import_map';

// A batch is a key range (from exclusive, to inclusive): an index range scan whatever its size, so
// one batch over everything is the plain INSERT ... SELECT the benchmark compares against.
const IN_BATCH = (column: string, first: number) =>
  `${column} > coalesce($${first}::int, -2147483648) and ${column} <= $${first + 1}::int`;
// STOCKSYNC_KUANDORWEAR_BATCH_SIZE overrides the batch size (the benchmark's one-batch baseline uses it).
const BATCH = {
  batchSize: Number(process.env.STOCKSYNC_KUANDORWEAR_BATCH_SIZE) || 2000,
  lockTimeout: '5s',
  statementTimeout: process.env.STOCKSYNC_KUANDORWEAR_BATCH_SIZE ? '0' : '120s',
};

// Legacy order status -> the path an inventory sale order takes to get there (confirmed first).
const STATUS_PATHS: Record<string, string[]> = {
  pending: ['draft'],
  paid: [],
  shipped: ['shipped'],
  delivered: ['shipped', 'delivered'],
  cancelled: ['cancelled'],
};

async function hasLegacy(ctx: DataMigrationContext): Promise<boolean> {
  const rows = await ctx.query<{ found: boolean }>(`select to_regclass('kuandorwear.orders') is not null as found`);
  return rows[0]!.found;
}

async function tenantOf(ctx: DataMigrationContext): Promise<string> {
  const recorded = await ctx.query<{ id: string }>(
    `select target_id::text as id from ${MAP} where entity = 'tenant' and legacy_id = 0`,
  );
  if (recorded[0]) return recorded[0].id;
  const slug = process.env.STOCKSYNC_KUANDORWEAR_TENANT || 'kuandorwear';
  const found = await ctx.query<{ id: string }>(`select id::text as id from public.tenants where slug = $1`, [slug]);
  if (!found[0]) {
    throw new Error(
      `No tenant with slug "${slug}" to import the kuandorwear shop into. Create it first (or set STOCKSYNC_KUANDORWEAR_TENANT to an existing slug), then rerun stocksync-db migrate up.`,
    );
  }
  await ctx.query(`insert into ${MAP} (entity, legacy_id, target_id) values ('tenant', 0, $1) on conflict do nothing`, [found[0].id]);
  return found[0].id;
}

export async function up(ctx: DataMigrationContext) {
  if (!(await hasLegacy(ctx))) {
    ctx.log('no kuandorwear schema here: nothing to import');
    return { imported: false };
  }
  await ctx.exec(`
    create table if not exists ${MAP} (
      entity text not null,
      legacy_id integer not null,
      target_id uuid not null,
      primary key (entity, legacy_id)
    )`);
  const tenant = await tenantOf(ctx);
  // The one location the single-tenant shop shipped from.
  await ctx.transaction(async () => {
    const existing = await ctx.query(`select 1 from ${MAP} where entity = 'location' and legacy_id = 0`);
    if (existing.length) return;
    const location = await ctx.query<{ id: string }>(
      `insert into public.inventory_locations (tenant_id, code, name, kind) values ($1, 'KW-MAIN', 'Kuandorwear warehouse', 'warehouse') returning id::text as id`,
      [tenant],
    );
    await ctx.query(`insert into ${MAP} (entity, legacy_id, target_id) values ('location', 0, $1)`, [location[0]!.id]);
  });
  const location = (await ctx.query<{ id: string }>(`select target_id::text as id from ${MAP} where entity = 'location' and legacy_id = 0`))[0]!.id;

  const products = await ctx.batch({
    ...BATCH,
    step: 'products',
    table: 'kuandorwear.products',
    key: 'id',
    run: async ({ from, to }) => {
      const rows = await ctx.query(
        `with src as (select p.*, stocksync_uuidv7() as new_id from kuandorwear.products p where ${IN_BATCH('p.id', 2)}),
         ins as (
           insert into public.inventory_products (tenant_id, id, sku, name, unit_price_cents, currency, metadata, created_at, updated_at)
           select $1, new_id, sku, name, round(price * 100)::int, 'EUR',
                  jsonb_build_object('source', 'kuandorwear', 'legacy_id', id, 'size', size, 'color', color), created_at, created_at
             from src returning 1)
         insert into ${MAP} (entity, legacy_id, target_id) select 'product', id, new_id from src returning 1`,
        [tenant, from, to],
      );
      return rows.length;
    },
  });

  const customers = await ctx.batch({
    ...BATCH,
    step: 'customers',
    table: 'kuandorwear.customers',
    key: 'id',
    run: async ({ from, to }) => {
      // Buyer names are unique per tenant and customers' are not: the legacy id keeps them apart.
      const rows = await ctx.query(
        `with src as (select c.*, stocksync_uuidv7() as new_id from kuandorwear.customers c where ${IN_BATCH('c.id', 2)}),
         ins as (
           insert into public.buyers (tenant_id, id, name, contact_name, email, phone, notes, created_at, updated_at)
           select $1, new_id, first_name || ' ' || last_name || ' #' || id, first_name || ' ' || last_name, email, phone,
                  'imported from kuandorwear', created_at, created_at
             from src returning 1)
         insert into ${MAP} (entity, legacy_id, target_id) select 'customer', id, new_id from src returning 1`,
        [tenant, from, to],
      );
      return rows.length;
    },
  });

  const orders = await ctx.batch({
    ...BATCH,
    step: 'orders',
    table: 'kuandorwear.orders',
    key: 'id',
    run: async ({ from, to }) => {
      const created = await ctx.query(
        `with src as (
           select o.*, stocksync_uuidv7() as new_id, b.target_id as buyer_id
             from kuandorwear.orders o join ${MAP} b on b.entity = 'customer' and b.legacy_id = o.customer_id
            where ${IN_BATCH('o.id', 3)}),
         ins as (
           insert into public.inventory_orders (tenant_id, id, order_number, kind, status, location_id, buyer_id, currency, notes,
                                                shipped_at, delivered_at, created_at, updated_at)
           select $1, new_id, 'KW-' || id, 'sale', 'confirmed', $2, buyer_id, 'EUR', 'imported from kuandorwear',
                  shipped_at, delivered_at, created_at, created_at
             from src returning 1)
         insert into ${MAP} (entity, legacy_id, target_id) select 'order', id, new_id from src returning 1`,
        [tenant, location, from, to],
      );
      // Items go in while the order is confirmed (items of shipped orders are frozen).
      await ctx.query(
        `insert into public.inventory_order_items (tenant_id, order_id, product_id, quantity, unit_price_cents, created_at, updated_at)
         select $1, mo.target_id, mp.target_id, o.quantity, round(o.unit_price * 100)::int, o.created_at, o.created_at
           from kuandorwear.orders o
           join ${MAP} mo on mo.entity = 'order' and mo.legacy_id = o.id
           join ${MAP} mp on mp.entity = 'product' and mp.legacy_id = o.product_id
          where ${IN_BATCH('o.id', 2)}`,
        [tenant, from, to],
      );
      // Then each order walks its lifecycle to the legacy status (the transition rules hold).
      for (const [status, path] of Object.entries(STATUS_PATHS)) {
        for (const next of path) {
          await ctx.query(
            `update public.inventory_orders io set status = $2
               from kuandorwear.orders o join ${MAP} m on m.entity = 'order' and m.legacy_id = o.id
              where ${IN_BATCH('o.id', 4)} and o.status = $3 and io.tenant_id = $1 and io.id = m.target_id`,
            [tenant, next, status, from, to],
          );
        }
      }
      return created.length;
    },
  });
  const report = { imported: true, tenant, products: products.rows, customers: customers.rows, orders: orders.rows };
  ctx.log(`imported ${products.rows} products, ${customers.rows} customers and ${orders.rows} orders into tenant ${tenant}`);
  return report;
}

export async function down(ctx: DataMigrationContext) {
  const map = await ctx.query<{ found: boolean }>(`select to_regclass('${MAP}') is not null as found`);
  if (!map[0]!.found) return { removed: false };
  const tenant = (await ctx.query<{ id: string }>(`select target_id::text as id from ${MAP} where entity = 'tenant' and legacy_id = 0`))[0]?.id;
  // Newest dependents first; each batch deletes the rows and their map entries together.
  const removeStep = (entity: string, table: string) =>
    ctx.batch({
      ...BATCH,
      step: `remove-${entity}s`,
      table: MAP,
      key: 'legacy_id',
      where: `entity = '${entity}'`,
      run: async ({ keys }) => {
        const rows = await ctx.query(
          `with gone as (delete from ${MAP} where entity = $2 and legacy_id = any($3::int[]) returning target_id)
           delete from public.${table} t using gone where t.tenant_id = $1 and t.id = gone.target_id returning 1`,
          [tenant, entity, keys],
        );
        return rows.length;
      },
    });
  const orders = await removeStep('order', 'inventory_orders');
  const customers = await removeStep('customer', 'buyers');
  const products = await removeStep('product', 'inventory_products');
  await removeStep('location', 'inventory_locations');
  await ctx.exec(`drop table ${MAP}`);
  return { removed: true, orders: orders.rows, customers: customers.rows, products: products.rows };
}

/**
 * For `migrate verify`: the tenant and a small legacy shop. The shop's generator is test data
 * (test/fixtures/kuandorwear.ts, not published): verified from an installed package, where it is
 * absent, the fixture is the tenant alone and the migration's no-legacy-schema path is what runs.
 */
export async function fixture(ctx: DataMigrationContext): Promise<void> {
  await ctx.exec(
    `insert into public.tenants (id, name, slug, email) values ('0190c000-0000-7000-8000-00000000c0de', 'Kuandorwear', 'kuandorwear', 'shop@kuandorwear.example') on conflict do nothing`,
  );
  const generator = new URL('../test/fixtures/kuandorwear.ts', import.meta.url);
  if (!existsSync(generator)) return;
  const { createKuandorwearFixture } = (await import(generator.href)) as typeof import('../test/fixtures/kuandorwear.js');
  await createKuandorwearFixture(
    { driver: ctx.driver, query: ctx.query, exec: ctx.exec, drizzle: async () => ctx.db, release: async () => {} },
    { products: 30, customers: 20, orders: 120 },
  );
}
