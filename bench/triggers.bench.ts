// trigger_linear_*: every triggered table the issue names (inventory orders, order items, stock
// movements, audit logs) takes N = 1,000 and N = 100,000 rows in ONE statement; the figure is the
// per-row rate of the large statement over the small one's (>= 0.8: the cost per row does not grow
// with the statement). Rows are shaped alike at both sizes: items 5 per order, stock movements over
// 1,000 (product, location) levels; the orders and audit rows go through all their triggers.
import pg from 'pg';
import { createTestDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { stats, type Figure } from './lib/measure.js';

export const keys = ['trigger_linear_orders', 'trigger_linear_items', 'trigger_linear_stock', 'trigger_linear_audit'];

const TENANT = '0190c000-0000-7000-8000-00000000b001';
const LOCATION = '0190c000-0000-7000-8000-00000000b002';
const BUYER = '0190c000-0000-7000-8000-00000000b003';
const LEVELS = 1000;
const ITEMS_PER_ORDER = 5;

type Table = 'orders' | 'items' | 'stock' | 'audit';

// One statement of n rows into the table; returns its duration in ms (the setup is not timed).
async function write(client: pg.Client, table: Table, n: number, round: string): Promise<number> {
  if (table === 'items') {
    // The orders the items go into exist before the clock starts.
    await client.query(
      `insert into inventory_orders (tenant_id, order_number, kind, status, location_id, buyer_id)
       select $1, $3 || '-' || g, 'sale', 'confirmed', $2, $4 from generate_series(1, $5::int) g`,
      [TENANT, LOCATION, `I${round}`, BUYER, Math.ceil(n / ITEMS_PER_ORDER)],
    );
  }
  const statement: Record<Table, [string, unknown[]]> = {
    orders: [
      `insert into inventory_orders (tenant_id, order_number, kind, status, location_id, buyer_id)
       select $1, $3 || '-' || g, 'sale', 'draft', $2, $4 from generate_series(1, $5::int) g`,
      [TENANT, LOCATION, `O${round}`, BUYER, n],
    ],
    items: [
      `insert into inventory_order_items (tenant_id, order_id, product_id, quantity, unit_price_cents)
       select o.tenant_id, o.id, p.id, 1 + p.n, 100 + p.n
         from inventory_orders o
         cross join lateral (select id, row_number() over () as n from inventory_products where tenant_id = $1 order by sku limit ${ITEMS_PER_ORDER}) p
        where o.tenant_id = $1 and o.order_number like $2`,
      [TENANT, `I${round}-%`],
    ],
    stock: [
      `insert into stock_movements (tenant_id, product_id, location_id, quantity_delta, reason)
       select $1, p.id, $2, 1, 'receipt'
         from generate_series(1, $3::int) g
         join (select id, row_number() over (order by sku) - 1 as k from inventory_products where tenant_id = $1) p on p.k = g % ${LEVELS}`,
      [TENANT, LOCATION, n],
    ],
    audit: [
      `insert into audit_logs (tenant_id, action, resource_type, resource_id, changes, metadata)
       select $1, 'bench.write', 'bench', g::text, jsonb_build_object('after', jsonb_build_object('n', g)), '{"source": "bench"}'
         from generate_series(1, $2::int) g`,
      [TENANT, n],
    ],
  };
  const [text, params] = statement[table];
  const start = performance.now();
  const result = await client.query(text, params);
  const ms = performance.now() - start;
  if (result.rowCount !== n) throw new Error(`${table}: wrote ${result.rowCount} rows, expected ${n}`);
  return ms;
}

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const small = 1_000;
  const large = ctx.quick ? 20_000 : 100_000;
  const smallRounds = ctx.quick ? 3 : 7;
  const largeRounds = ctx.quick ? 1 : 2;
  const database = await createTestDatabase({ serverUrl: ctx.serverUrl });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`insert into tenants (id, name, slug, email) values ($1, 'Bench', 'bench-triggers', 'b@bench.test')`, [TENANT]);
    await client.query(`insert into inventory_locations (tenant_id, id, code, name) values ($1, $2, 'MAIN', 'Main')`, [TENANT, LOCATION]);
    await client.query(`insert into buyers (tenant_id, id, name) values ($1, $2, 'Buyer')`, [TENANT, BUYER]);
    await client.query(
      `insert into inventory_products (tenant_id, sku, name, unit_price_cents)
       select $1, 'SKU-' || lpad(g::text, 5, '0'), 'Product ' || g, 100 + g from generate_series(1, ${LEVELS}) g`,
      [TENANT],
    );
    const figures: Figure[] = [];
    let round = 0;
    for (const table of ['orders', 'items', 'stock', 'audit'] as const) {
      const rates: Record<'small' | 'large', number[]> = { small: [], large: [] };
      await write(client, table, small, `w${round++}`); // warm-up: plans and caches
      // Large rounds sit between small ones, so drift over the run hits both sizes.
      for (let i = 0; i < Math.max(smallRounds, largeRounds); i++) {
        if (i < smallRounds) rates.small.push(small / ((await write(client, table, small, `s${round++}`)) / 1000));
        if (i < largeRounds) rates.large.push(large / ((await write(client, table, large, `l${round++}`)) / 1000));
        await client.query('vacuum analyze');
      }
      const subject = stats(rates.large);
      const baseline = { ...stats(rates.small), label: `${small.toLocaleString('en')} rows in one statement` };
      const ratio = subject.median / baseline.median;
      ctx.log(`triggers ${table}: ${baseline.median.toFixed(0)} rows/s at ${small}, ${subject.median.toFixed(0)} rows/s at ${large}`);
      figures.push({
        key: `trigger_linear_${table}`,
        what: `${{ orders: 'inventory_orders', items: 'inventory_order_items (5 per order)', stock: `stock_movements (over ${LEVELS.toLocaleString('en')} levels)`, audit: 'audit_logs' }[table]}: rows/s of ${large.toLocaleString('en')} rows in one statement`,
        unit: 'rows/s',
        subject,
        baseline,
        ratio,
        target: '>= 0.8',
        met: ratio >= 0.8,
        note: `${(1_000_000 / subject.median).toFixed(0)} µs per row at ${large.toLocaleString('en')} rows, triggers included`,
      });
    }
    return figures;
  } finally {
    await client.end();
    await database.drop();
  }
}
