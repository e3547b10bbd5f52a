// The stock ledger and order totals applied once per statement (migration inventory_statement_rules):
// a multi-row statement sums its movements per level and recomputes each touched order once, the
// work tables are empty after every statement, and the application role cannot reach them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenant, createTenant, expectSqlState, openRulesDatabase, tq, type RulesDatabase } from './helpers.js';

let r: RulesDatabase;
let A: { tenantId: string; userId: string };
let B: { tenantId: string; userId: string };
let products: string[];
let loc: string;
let strict: string;

beforeAll(async () => {
  r = await openRulesDatabase(4);
  A = await createTenant(r.pool, 'stmt-a');
  B = await createTenant(r.pool, 'stmt-b');
  products = (
    await tq<{ id: string }>(
      r.pool,
      A.tenantId,
      `insert into inventory_products (tenant_id, sku, name, unit_price_cents) select $1, 'P' || g, 'P' || g, 100 * g from generate_series(1, 3) g returning id`,
      [A.tenantId],
    )
  ).map((p) => p.id);
  const locations = (
    await tq<{ id: string }>(
      r.pool,
      A.tenantId,
      `insert into inventory_locations (tenant_id, code, name, allows_backorder) values ($1, 'BO', 'BO', true), ($1, 'ST', 'ST', false) returning id`,
      [A.tenantId],
    )
  ).map((l) => l.id);
  loc = locations[0]!;
  strict = locations[1]!;
});
afterAll(async () => {
  await r?.close();
});

const workRows = async () =>
  (await r.pool.query<{ n: number }>(`select (select count(*) from stocksync_work.stock_deltas) + (select count(*) from stocksync_work.order_totals) as n`))
    .rows[0]!.n;

describe('stock movements applied per statement', () => {
  it('sums one statement of many movements over a few levels into exact levels, and leaves no work rows', async () => {
    await tq(
      r.pool,
      A.tenantId,
      `insert into stock_movements (tenant_id, product_id, location_id, quantity_delta, reason)
       select $1, ($2::uuid[])[1 + g % 3], $3, 1 + g % 5, 'receipt' from generate_series(1, 3000) g`,
      [A.tenantId, products, loc],
    );
    const levels = await tq<{ product_id: string; quantity: number }>(
      r.pool,
      A.tenantId,
      `select product_id, quantity from stock_levels where location_id = $1 order by product_id`,
      [loc],
    );
    const expected = [0, 1, 2].map((k) => {
      let sum = 0;
      for (let g = 1; g <= 3000; g++) if (g % 3 === k) sum += 1 + (g % 5);
      return { product_id: products[k]!, quantity: sum };
    });
    expect(levels).toEqual(expected.sort((a, b) => a.product_id.localeCompare(b.product_id)));
    const drift = await r.pool.query(`select * from stocksync_stock_level_drift()`);
    expect(drift.rows).toEqual([]);
    expect(Number(await workRows())).toBe(0);
  });

  it('checks backorders on the level after the statement: a net shortage is refused (23514) and leaves nothing behind', async () => {
    const p = products[0]!;
    await tq(r.pool, A.tenantId, `insert into stock_movements (tenant_id, product_id, location_id, quantity_delta, reason) values ($1, $2, $3, 5, 'receipt')`, [
      A.tenantId,
      p,
      strict,
    ]);
    const err = await expectSqlState(
      tq(
        r.pool,
        A.tenantId,
        `insert into stock_movements (tenant_id, product_id, location_id, quantity_delta, reason) values ($1, $2, $3, -4, 'shipment'), ($1, $2, $3, -4, 'shipment')`,
        [A.tenantId, p, strict],
      ),
      '23514',
    );
    expect((err as { constraint?: string }).constraint).toBe('stock_levels_quantity_check');
    // A shipment and a receipt in one statement that nets to >= 0 passes.
    await tq(
      r.pool,
      A.tenantId,
      `insert into stock_movements (tenant_id, product_id, location_id, quantity_delta, reason) values ($1, $2, $3, -7, 'shipment'), ($1, $2, $3, 3, 'receipt')`,
      [A.tenantId, p, strict],
    );
    const [row] = await tq<{ quantity: number }>(r.pool, A.tenantId, `select quantity from stock_levels where product_id = $1 and location_id = $2`, [p, strict]);
    expect(row!.quantity).toBe(1);
    expect(Number(await workRows())).toBe(0);
  });

  it('the application role cannot read or write the work tables (42501)', async () => {
    await expectSqlState(tq(r.pool, A.tenantId, `select * from stocksync_work.stock_deltas`), '42501');
    await expectSqlState(
      tq(r.pool, A.tenantId, `insert into stocksync_work.stock_deltas values ($1, $2, $3, 1000)`, [B.tenantId, products[0], loc]),
      '42501',
    );
    await expectSqlState(tq(r.pool, A.tenantId, `delete from stocksync_work.order_totals`), '42501');
  });
});

describe('order totals recomputed per statement', () => {
  it('one statement of items over several orders sets each total once; moving and deleting items follow', async () => {
    const buyer = (await tq<{ id: string }>(r.pool, A.tenantId, `insert into buyers (tenant_id, name) values ($1, 'B') returning id`, [A.tenantId]))[0]!.id;
    const orders = (
      await tq<{ id: string }>(
        r.pool,
        A.tenantId,
        `insert into inventory_orders (tenant_id, order_number, kind, status, location_id, buyer_id)
         select $1, 'T' || g, 'sale', 'draft', $2, $3 from generate_series(1, 2) g returning id`,
        [A.tenantId, loc, buyer],
      )
    ).map((o) => o.id);
    await tq(
      r.pool,
      A.tenantId,
      `insert into inventory_order_items (tenant_id, order_id, product_id, quantity, unit_price_cents)
       select $1, o, p, 2, 150 from unnest($2::uuid[]) o cross join unnest($3::uuid[]) p`,
      [A.tenantId, orders, products],
    );
    const totals = async () =>
      (await tq<{ total_cents: number }>(r.pool, A.tenantId, `select total_cents from inventory_orders where id = any($1) order by order_number`, [orders])).map(
        (o) => Number(o.total_cents),
      );
    expect(await totals()).toEqual([900, 900]);
    // One UPDATE per order, audited once each (not once per item).
    const audits = await r.pool.query(
      `select count(*)::int as n from audit_logs where action = 'inventory_orders.update' and resource_id = any($1)`,
      [orders],
    );
    expect(audits.rows[0].n).toBe(2);
    await tq(r.pool, A.tenantId, `delete from inventory_order_items where order_id = $1 and product_id = $2`, [orders[1], products[0]]);
    expect(await totals()).toEqual([900, 600]);
    // An item moved to another order: both orders follow.
    await tq(r.pool, A.tenantId, `update inventory_order_items set order_id = $2 where order_id = $1 and product_id = $3`, [orders[0], orders[1], products[0]]);
    expect(await totals()).toEqual([600, 900]);
    await tq(r.pool, A.tenantId, `delete from inventory_order_items where order_id = $1`, [orders[1]]);
    expect(await totals()).toEqual([600, 0]);
    expect(Number(await workRows())).toBe(0);
  });
});
