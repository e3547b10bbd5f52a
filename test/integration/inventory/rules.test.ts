// Inventory rules enforced by the database: the stock ledger, backorders, order lifecycle, tenant keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenant, createTenant, expectSqlState, openRulesDatabase, tq, type RulesDatabase } from './helpers.js';

const INVENTORY_TABLES = [
  'inventory_products',
  'inventory_locations',
  'suppliers',
  'buyers',
  'drivers',
  'inventory_orders',
  'inventory_order_items',
  'stock_levels',
  'stock_movements',
];

let r: RulesDatabase;
let A: { tenantId: string; userId: string };
let B: { tenantId: string; userId: string };

beforeAll(async () => {
  r = await openRulesDatabase(12);
  A = await createTenant(r.pool, 'inv-a');
  B = await createTenant(r.pool, 'inv-b');
});
afterAll(async () => {
  await r?.close();
});

async function product(tenantId: string, sku: string): Promise<string> {
  const rows = await tq<{ id: string }>(r.pool, tenantId, `insert into inventory_products (tenant_id, sku, name) values ($1, $2, $2) returning id`, [
    tenantId,
    sku,
  ]);
  return rows[0]!.id;
}
async function location(tenantId: string, code: string, allowsBackorder = false): Promise<string> {
  const rows = await tq<{ id: string }>(
    r.pool,
    tenantId,
    `insert into inventory_locations (tenant_id, code, name, allows_backorder) values ($1, $2, $2, $3) returning id`,
    [tenantId, code, allowsBackorder],
  );
  return rows[0]!.id;
}
function move(tenantId: string, productId: string, locationId: string, delta: number, reason: string) {
  return tq(
    r.pool,
    tenantId,
    `insert into stock_movements (tenant_id, product_id, location_id, quantity_delta, reason) values ($1, $2, $3, $4, $5)`,
    [tenantId, productId, locationId, delta, reason],
  );
}
async function level(tenantId: string, productId: string, locationId: string): Promise<number | undefined> {
  const rows = await tq<{ quantity: number }>(
    r.pool,
    tenantId,
    `select quantity from stock_levels where product_id = $1 and location_id = $2`,
    [productId, locationId],
  );
  return rows[0]?.quantity;
}
async function drift(): Promise<unknown[]> {
  return (await r.pool.query('select * from stocksync_stock_level_drift()')).rows;
}

describe('inventory catalog', () => {
  it('every inventory table has RLS enabled and forced, and the tables with updated_at have the touch trigger', async () => {
    const rows = await r.pool.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `select relname, relrowsecurity, relforcerowsecurity from pg_class where relname = any($1) and relkind = 'r' order by relname`,
      [INVENTORY_TABLES],
    );
    expect(rows.rows).toHaveLength(INVENTORY_TABLES.length);
    for (const row of rows.rows) expect([row.relname, row.relrowsecurity, row.relforcerowsecurity]).toEqual([row.relname, true, true]);
    const triggers = await r.pool.query<{ tgname: string }>(
      `select tgname from pg_trigger where tgname like '%_touch_updated_at' and tgrelid::regclass::text = any($1)`,
      [INVENTORY_TABLES],
    );
    expect(triggers.rows.map((t) => t.tgname).sort()).toEqual(
      INVENTORY_TABLES.filter((t) => t !== 'stock_movements')
        .map((t) => `${t}_touch_updated_at`)
        .sort(),
    );
  });
});

describe('stock ledger', () => {
  it('derives the stock level from the movements', async () => {
    const p = await product(A.tenantId, 'LEDGER-1');
    const l = await location(A.tenantId, 'L-LEDGER');
    await move(A.tenantId, p, l, 10, 'receipt');
    await move(A.tenantId, p, l, -3, 'shipment');
    await move(A.tenantId, p, l, 2, 'adjustment');
    expect(await level(A.tenantId, p, l)).toBe(9);
    expect(await drift()).toEqual([]);
  });

  it('refuses stock going negative at a location without backorders (23514), and leaves the level unchanged', async () => {
    const p = await product(A.tenantId, 'NEG-1');
    const l = await location(A.tenantId, 'L-NEG');
    await move(A.tenantId, p, l, 2, 'receipt');
    const err = await expectSqlState(move(A.tenantId, p, l, -3, 'shipment'), '23514');
    expect((err as { constraint?: string }).constraint).toBe('stock_levels_quantity_check');
    expect(await level(A.tenantId, p, l)).toBe(2);
    const p2 = await product(A.tenantId, 'NEG-2');
    await expectSqlState(move(A.tenantId, p2, l, -1, 'adjustment'), '23514');
    expect(await level(A.tenantId, p2, l)).toBeUndefined();
  });

  it('lets a backorder location go negative, and refuses turning backorders off while negative', async () => {
    const p = await product(A.tenantId, 'BO-1');
    const l = await location(A.tenantId, 'L-BO', true);
    await move(A.tenantId, p, l, -5, 'shipment');
    expect(await level(A.tenantId, p, l)).toBe(-5);
    await expectSqlState(tq(r.pool, A.tenantId, `update inventory_locations set allows_backorder = false where id = $1`, [l]), '23514');
    await move(A.tenantId, p, l, 5, 'receipt');
    await tq(r.pool, A.tenantId, `update inventory_locations set allows_backorder = false where id = $1`, [l]);
    await expectSqlState(move(A.tenantId, p, l, -1, 'shipment'), '23514');
  });

  it('refuses writing a stock level directly (23514): only movements change it', async () => {
    const p = await product(A.tenantId, 'DIRECT-1');
    const l = await location(A.tenantId, 'L-DIRECT');
    await move(A.tenantId, p, l, 4, 'receipt');
    await expectSqlState(tq(r.pool, A.tenantId, `update stock_levels set quantity = 100 where product_id = $1`, [p]), '23514');
    const p2 = await product(A.tenantId, 'DIRECT-2');
    await expectSqlState(
      tq(r.pool, A.tenantId, `insert into stock_levels (tenant_id, product_id, location_id, quantity) values ($1, $2, $3, 7)`, [
        A.tenantId,
        p2,
        l,
      ]),
      '23514',
    );
    // A zero level with a reorder point is fine, and later movements add to it.
    await tq(r.pool, A.tenantId, `insert into stock_levels (tenant_id, product_id, location_id, reorder_point) values ($1, $2, $3, 5)`, [
      A.tenantId,
      p2,
      l,
    ]);
    await tq(r.pool, A.tenantId, `update stock_levels set reorder_point = 6 where product_id = $1`, [p2]);
    await move(A.tenantId, p2, l, 3, 'receipt');
    expect(await level(A.tenantId, p2, l)).toBe(3);
    expect(await drift()).toEqual([]);
  });

  it('keeps the ledger append-only: update and delete raise 55000', async () => {
    const p = await product(A.tenantId, 'APPEND-1');
    const l = await location(A.tenantId, 'L-APPEND');
    await move(A.tenantId, p, l, 4, 'receipt');
    await expectSqlState(tq(r.pool, A.tenantId, `update stock_movements set quantity_delta = 40 where product_id = $1`, [p]), '55000');
    await expectSqlState(tq(r.pool, A.tenantId, `delete from stock_movements where product_id = $1`, [p]), '55000');
    // Even the table owner cannot rewrite history.
    await expectSqlState(r.pool.query(`delete from stock_movements where product_id = $1`, [p]), '55000');
  });

  it('checks the sign of a movement against its reason (23514)', async () => {
    const p = await product(A.tenantId, 'SIGN-1');
    const l = await location(A.tenantId, 'L-SIGN');
    await expectSqlState(move(A.tenantId, p, l, -1, 'receipt'), '23514');
    await expectSqlState(move(A.tenantId, p, l, 1, 'shipment'), '23514');
    await expectSqlState(move(A.tenantId, p, l, 0, 'adjustment'), '23514');
  });

  it('adds up concurrent writers on several connections: level equals the sum of movements', async () => {
    const p = await product(A.tenantId, 'CONC-1');
    const l = await location(A.tenantId, 'L-CONC');
    await move(A.tenantId, p, l, 1000, 'receipt');
    const writers = Array.from({ length: 8 }, (_, w) =>
      asTenant(r.pool, A.tenantId, async (c) => {
        for (let i = 0; i < 15; i++) {
          const delta = (w + i) % 3 === 0 ? -((w % 4) + 1) : (i % 5) + 1;
          await c.query(
            `insert into stock_movements (tenant_id, product_id, location_id, quantity_delta, reason) values ($1, $2, $3, $4, $5)`,
            [A.tenantId, p, l, delta, delta > 0 ? 'receipt' : 'shipment'],
          );
        }
      }),
    );
    await Promise.all(writers);
    const sum = await tq<{ total: string }>(r.pool, A.tenantId, `select sum(quantity_delta) as total from stock_movements where product_id = $1`, [p]);
    expect(await level(A.tenantId, p, l)).toBe(Number(sum[0]!.total));
    expect(await drift()).toEqual([]);
  });

  it('never oversells under concurrent shipments: exactly the available stock ships', async () => {
    const p = await product(A.tenantId, 'RACE-1');
    const l = await location(A.tenantId, 'L-RACE');
    await move(A.tenantId, p, l, 10, 'receipt');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => move(A.tenantId, p, l, -2, 'shipment')));
    const ok = results.filter((x) => x.status === 'fulfilled').length;
    const failed = results.filter((x) => x.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toBe(5);
    expect(failed.map((f) => (f.reason as { code?: string }).code)).toEqual(['23514', '23514', '23514']);
    expect(await level(A.tenantId, p, l)).toBe(0);
    expect(await drift()).toEqual([]);
  });
});

describe('tenant isolation', () => {
  it('hides other tenants\' stock and refuses cross-tenant references (23503)', async () => {
    const p = await product(A.tenantId, 'ISO-1');
    const l = await location(A.tenantId, 'L-ISO');
    await move(A.tenantId, p, l, 3, 'receipt');
    expect(await tq(r.pool, B.tenantId, `select * from stock_levels where product_id = $1`, [p])).toEqual([]);
    const lb = await location(B.tenantId, 'L-ISO-B');
    // B names A's product id: the composite key (tenant_id, product_id) finds no such product in B.
    await expectSqlState(move(B.tenantId, p, lb, 1, 'receipt'), '23503');
    // Writing a row for another tenant is refused by the policy.
    await expectSqlState(
      tq(r.pool, B.tenantId, `insert into inventory_products (tenant_id, sku, name) values ($1, 'X', 'X')`, [A.tenantId]),
      '42501',
    );
  });
});

describe('inventory orders', () => {
  async function parties(tenantId: string) {
    const [s] = await tq<{ id: string }>(r.pool, tenantId, `insert into suppliers (tenant_id, name) values ($1, 'Acme Supply ' || gen_random_uuid()) returning id`, [tenantId]);
    const [b] = await tq<{ id: string }>(r.pool, tenantId, `insert into buyers (tenant_id, name) values ($1, 'Shop ' || gen_random_uuid()) returning id`, [tenantId]);
    const [d] = await tq<{ id: string }>(r.pool, tenantId, `insert into drivers (tenant_id, name) values ($1, 'Dee ' || gen_random_uuid()) returning id`, [tenantId]);
    return { supplierId: s!.id, buyerId: b!.id, driverId: d!.id };
  }

  it('requires the right party for the kind (23514)', async () => {
    const l = await location(A.tenantId, 'L-PARTY');
    const { supplierId, buyerId } = await parties(A.tenantId);
    await expectSqlState(
      tq(r.pool, A.tenantId, `insert into inventory_orders (tenant_id, order_number, kind, location_id, buyer_id) values ($1, 'P-1', 'purchase', $2, $3)`, [
        A.tenantId,
        l,
        buyerId,
      ]),
      '23514',
    );
    await expectSqlState(
      tq(r.pool, A.tenantId, `insert into inventory_orders (tenant_id, order_number, kind, location_id, supplier_id) values ($1, 'S-1', 'sale', $2, $3)`, [
        A.tenantId,
        l,
        supplierId,
      ]),
      '23514',
    );
  });

  it('keeps the total equal to the items, follows the lifecycle, and freezes items once shipped', async () => {
    const l = await location(A.tenantId, 'L-LIFE');
    const p = await product(A.tenantId, 'LIFE-1');
    const p2 = await product(A.tenantId, 'LIFE-2');
    const { buyerId, driverId } = await parties(A.tenantId);
    const [o] = await tq<{ id: string }>(
      r.pool,
      A.tenantId,
      `insert into inventory_orders (tenant_id, order_number, kind, location_id, buyer_id, driver_id) values ($1, 'S-LIFE', 'sale', $2, $3, $4) returning id`,
      [A.tenantId, l, buyerId, driverId],
    );
    await tq(r.pool, A.tenantId, `insert into inventory_order_items (tenant_id, order_id, product_id, quantity, unit_price_cents) values ($1, $2, $3, 3, 250), ($1, $2, $4, 1, 100)`, [
      A.tenantId,
      o!.id,
      p,
      p2,
    ]);
    const total = async () => (await tq<{ total_cents: number }>(r.pool, A.tenantId, `select total_cents from inventory_orders where id = $1`, [o!.id]))[0]!.total_cents;
    expect(await total()).toBe(850);
    await tq(r.pool, A.tenantId, `delete from inventory_order_items where product_id = $1`, [p2]);
    expect(await total()).toBe(750);
    await expectSqlState(tq(r.pool, A.tenantId, `update inventory_orders set status = 'delivered' where id = $1`, [o!.id]), '23514');
    await tq(r.pool, A.tenantId, `update inventory_orders set status = 'confirmed' where id = $1`, [o!.id]);
    await expectSqlState(tq(r.pool, A.tenantId, `update inventory_orders set status = 'received' where id = $1`, [o!.id]), '23514');
    await tq(r.pool, A.tenantId, `update inventory_orders set status = 'shipped' where id = $1`, [o!.id]);
    await expectSqlState(tq(r.pool, A.tenantId, `update inventory_order_items set quantity = 9 where order_id = $1`, [o!.id]), '55000');
    await tq(r.pool, A.tenantId, `update inventory_orders set status = 'delivered' where id = $1`, [o!.id]);
    const [row] = await tq<{ shipped_at: Date | null; delivered_at: Date | null }>(r.pool, A.tenantId, `select shipped_at, delivered_at from inventory_orders where id = $1`, [o!.id]);
    expect(row!.shipped_at).toBeInstanceOf(Date);
    expect(row!.delivered_at).toBeInstanceOf(Date);
    await expectSqlState(tq(r.pool, A.tenantId, `update inventory_orders set status = 'cancelled' where id = $1`, [o!.id]), '23514');

    // Deleting the driver clears only driver_id (ON DELETE SET NULL (driver_id)), never tenant_id.
    await tq(r.pool, A.tenantId, `delete from drivers where id = $1`, [driverId]);
    const [after] = await tq<{ driver_id: string | null; tenant_id: string }>(r.pool, A.tenantId, `select driver_id, tenant_id from inventory_orders where id = $1`, [o!.id]);
    expect(after).toEqual({ driver_id: null, tenant_id: A.tenantId });
  });

  it('recomputes totals once per statement: multi-order inserts, quantity updates, items moved between orders, deletes; unchanged totals are not rewritten', async () => {
    const l = await location(A.tenantId, 'L-TOT');
    const p = await product(A.tenantId, 'TOT-1');
    const p2 = await product(A.tenantId, 'TOT-2');
    const { buyerId } = await parties(A.tenantId);
    const order = async (n: string) =>
      (
        await tq<{ id: string }>(
          r.pool,
          A.tenantId,
          `insert into inventory_orders (tenant_id, order_number, kind, location_id, buyer_id) values ($1, $2, 'sale', $3, $4) returning id`,
          [A.tenantId, n, l, buyerId],
        )
      )[0]!.id;
    const o1 = await order('TOT-A');
    const o2 = await order('TOT-B');
    const totals = async () =>
      Object.fromEntries(
        (
          await tq<{ id: string; total_cents: number; updated_at: Date }>(
            r.pool,
            A.tenantId,
            `select id, total_cents, updated_at from inventory_orders where id = any($1::uuid[])`,
            [[o1, o2]],
          )
        ).map((row) => [row.id === o1 ? 'a' : 'b', row.total_cents]),
      );
    // One statement, items of two orders.
    await tq(r.pool, A.tenantId, `insert into inventory_order_items (tenant_id, order_id, product_id, quantity, unit_price_cents)
      values ($1, $2, $4, 2, 100), ($1, $2, $5, 1, 50), ($1, $3, $4, 5, 10)`, [A.tenantId, o1, o2, p, p2]);
    expect(await totals()).toEqual({ a: 250, b: 50 });
    await tq(r.pool, A.tenantId, `update inventory_order_items set quantity = quantity + 1 where order_id = any($1::uuid[])`, [[o1, o2]]);
    expect(await totals()).toEqual({ a: 400, b: 60 });
    // Moving an item recomputes the order it left and the order it joined.
    await tq(r.pool, A.tenantId, `update inventory_order_items set order_id = $2 where order_id = $1 and product_id = $3`, [o1, o2, p2]);
    expect(await totals()).toEqual({ a: 300, b: 160 });
    const stamp = async (id: string) =>
      (await tq<{ updated_at: Date }>(r.pool, A.tenantId, `select updated_at from inventory_orders where id = $1`, [id]))[0]!.updated_at.getTime();
    const before = await stamp(o2);
    await tq(r.pool, A.tenantId, `update inventory_order_items set quantity = quantity where order_id = $1`, [o2]);
    expect(await stamp(o2)).toBe(before);
    await tq(r.pool, A.tenantId, `delete from inventory_order_items where order_id = any($1::uuid[])`, [[o1, o2]]);
    expect(await totals()).toEqual({ a: 0, b: 0 });
  });
});

describe('tenant purge', () => {
  it('deleting a tenant removes its ledger and stock despite the append-only guard', async () => {
    const C = await createTenant(r.pool, 'inv-purge');
    const p = await product(C.tenantId, 'PURGE-1');
    const l = await location(C.tenantId, 'L-PURGE');
    await move(C.tenantId, p, l, 5, 'receipt');
    await r.pool.query(`delete from tenants where id = $1`, [C.tenantId]);
    const left = await r.pool.query(`select count(*)::int as n from stock_movements where tenant_id = $1`, [C.tenantId]);
    expect(left.rows[0].n).toBe(0);
  });
});
