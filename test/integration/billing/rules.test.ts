// Billing rules enforced by the database: read-only catalog, tax, derived totals, paid immutability,
// payments and refunds, cart expiry and checkout dependencies, automatic entitlements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenant, createTenant, expectSqlState, openRulesDatabase, tq, type RulesDatabase } from '../inventory/helpers.js';

const BILLING_TENANT_TABLES = [
  'carts',
  'cart_items',
  'billing_orders',
  'billing_order_items',
  'subscriptions',
  'invoices',
  'payments',
  'refunds',
  'entitlements',
];

let r: RulesDatabase;
let A: { tenantId: string; userId: string };
const products: Record<string, string> = {};

beforeAll(async () => {
  r = await openRulesDatabase(12);
  A = await createTenant(r.pool, 'bill-a');
  // The catalog is global and managed by operators (here: the superuser).
  const rows = await r.pool.query<{ id: string; sku: string }>(
    `insert into billing_products (sku, name, kind, price_cents, interval) values
       ('core', 'Core', 'product', 10000, null),
       ('dms', 'DMS add-on', 'addon', 5000, null),
       ('workflow', 'Workflow add-on', 'addon', 3000, null),
       ('pro-monthly', 'Pro', 'subscription', 2000, 'month')
     returning id, sku`,
  );
  for (const row of rows.rows) products[row.sku] = row.id;
  await r.pool.query(
    `insert into billing_product_requirements (product_id, requires_product_id) values ($1, $2), ($3, $1)`,
    [products.dms, products.core, products.workflow],
  );
  await r.pool.query(
    `insert into tax_rates (country_code, state_code, name, rate) values ('US', null, 'US default', 0.05), ('US', 'CA', 'California', 0.0725), ('DE', null, 'MwSt', 0.19)`,
  );
});
afterAll(async () => {
  await r?.close();
});

async function order(opts: { country?: string | null; state?: string | null; discount?: number; currency?: string } = {}) {
  const [o] = await tq<{ id: string }>(
    r.pool,
    A.tenantId,
    `insert into billing_orders (tenant_id, user_id, billing_country_code, billing_state_code, discount_cents, currency)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [A.tenantId, A.userId, opts.country ?? null, opts.state ?? null, opts.discount ?? 0, opts.currency ?? 'USD'],
  );
  return o!.id;
}
async function addItem(orderId: string, sku: string, quantity: number, unitPriceCents: number) {
  await tq(r.pool, A.tenantId, `insert into billing_order_items (tenant_id, order_id, product_id, quantity, unit_price_cents) values ($1, $2, $3, $4, $5)`, [
    A.tenantId,
    orderId,
    products[sku],
    quantity,
    unitPriceCents,
  ]);
}
async function orderRow(orderId: string) {
  const [row] = await tq<{ status: string; subtotal_cents: number; tax_cents: number; discount_cents: number; total_cents: number; paid_at: Date | null }>(
    r.pool,
    A.tenantId,
    `select status, subtotal_cents, tax_cents, discount_cents, total_cents, paid_at from billing_orders where id = $1`,
    [orderId],
  );
  return row!;
}
async function pay(orderId: string, amount: number, currency = 'USD', status = 'succeeded') {
  const [p] = await tq<{ id: string }>(
    r.pool,
    A.tenantId,
    `insert into payments (tenant_id, order_id, stripe_payment_intent_id, amount_cents, currency, status, payment_method)
     values ($1, $2, 'pi_' || gen_random_uuid(), $3, $4, $5, 'card') returning id`,
    [A.tenantId, orderId, amount, currency, status],
  );
  return p!.id;
}
const markPaid = (orderId: string) => tq(r.pool, A.tenantId, `update billing_orders set status = 'paid' where id = $1`, [orderId]);

describe('billing catalog', () => {
  it('forces RLS on every billing tenant table', async () => {
    const rows = await r.pool.query<{ relname: string; relforcerowsecurity: boolean }>(
      `select relname, relforcerowsecurity from pg_class where relname = any($1) and relkind = 'r'`,
      [BILLING_TENANT_TABLES],
    );
    expect(rows.rows).toHaveLength(BILLING_TENANT_TABLES.length);
    expect(rows.rows.every((x) => x.relforcerowsecurity)).toBe(true);
  });

  it('lets tenants read the global catalog and tax rates but not write them (42501)', async () => {
    const seen = await tq<{ sku: string }>(r.pool, A.tenantId, `select sku from billing_products order by sku`);
    expect(seen.map((x) => x.sku)).toEqual(['core', 'dms', 'pro-monthly', 'workflow']);
    await expectSqlState(tq(r.pool, A.tenantId, `insert into billing_products (sku, name, price_cents) values ('x', 'x', 1)`), '42501');
    await expectSqlState(tq(r.pool, A.tenantId, `update tax_rates set rate = 0`), '42501');
    await expectSqlState(tq(r.pool, A.tenantId, `delete from billing_product_requirements`), '42501');
  });

  it('validates tax rates: ISO country, one rate per country and state (nulls not distinct), rate in [0, 1)', async () => {
    await expectSqlState(r.pool.query(`insert into tax_rates (country_code, name, rate) values ('XX', 'x', 0.1)`), '23514');
    await expectSqlState(r.pool.query(`insert into tax_rates (country_code, name, rate) values ('US', 'dup', 0.1)`), '23505');
    await expectSqlState(r.pool.query(`insert into tax_rates (country_code, state_code, name, rate) values ('FR', null, 'x', 1.5)`), '23514');
    await expectSqlState(r.pool.query(`insert into billing_product_requirements (product_id, requires_product_id) values ($1, $1)`, [products.core]), '23514');
  });
});

describe('order totals and tax', () => {
  it('derives subtotal from items and tax from the state rate; total = subtotal + tax - discount', async () => {
    const o = await order({ country: 'US', state: 'CA' });
    // The total may never be negative, so a discount is set once the items are in.
    await expectSqlState(tq(r.pool, A.tenantId, `update billing_orders set discount_cents = 1000 where id = $1`, [o]), '23514');
    await addItem(o, 'core', 2, 10000);
    await addItem(o, 'dms', 1, 5000);
    await tq(r.pool, A.tenantId, `update billing_orders set discount_cents = 1000 where id = $1`, [o]);
    // taxable 25000 - 1000 = 24000 at 7.25% = 1740
    expect(await orderRow(o)).toMatchObject({ subtotal_cents: 25000, tax_cents: 1740, discount_cents: 1000, total_cents: 25740 });
  });

  it('falls back to the country rate, and to no tax without a billing country', async () => {
    const ny = await order({ country: 'US', state: 'NY' });
    await addItem(ny, 'core', 1, 999);
    expect(await orderRow(ny)).toMatchObject({ subtotal_cents: 999, tax_cents: 50, total_cents: 1049 }); // 49.95 rounds half up
    const none = await order();
    await addItem(none, 'core', 1, 999);
    expect(await orderRow(none)).toMatchObject({ tax_cents: 0, total_cents: 999 });
  });

  it('ignores hand-written subtotals and taxes (they are recomputed) and refuses a negative total (23514)', async () => {
    const o = await order({ country: 'DE' });
    await addItem(o, 'core', 1, 1000);
    await tq(r.pool, A.tenantId, `update billing_orders set subtotal_cents = 1, tax_cents = 0 where id = $1`, [o]);
    expect(await orderRow(o)).toMatchObject({ subtotal_cents: 1000, tax_cents: 190, total_cents: 1190 });
    await expectSqlState(tq(r.pool, A.tenantId, `update billing_orders set discount_cents = 5000 where id = $1`, [o]), '23514');
    await expectSqlState(tq(r.pool, A.tenantId, `update billing_orders set total_cents = 5 where id = $1`, [o]), '428C9');
  });
});

describe('payments and paid orders', () => {
  it('needs succeeded payments covering the total to become paid (23514)', async () => {
    const o = await order({ country: 'US', state: 'CA' });
    await addItem(o, 'core', 1, 10000); // total 10725
    const err = await expectSqlState(markPaid(o), '23514');
    expect((err as { constraint?: string }).constraint).toBe('billing_orders_payment_check');
    await pay(o, 10725, 'USD', 'failed');
    await expectSqlState(markPaid(o), '23514');
    await pay(o, 10725);
    await markPaid(o);
    const row = await orderRow(o);
    expect(row.status).toBe('paid');
    expect(row.paid_at).toBeInstanceOf(Date);
  });

  it('makes a paid order immutable: update, delete and item changes raise 55000', async () => {
    const o = await order();
    await addItem(o, 'core', 1, 100);
    await pay(o, 100);
    await markPaid(o);
    await expectSqlState(tq(r.pool, A.tenantId, `update billing_orders set discount_code = 'LATE' where id = $1`, [o]), '55000');
    await expectSqlState(tq(r.pool, A.tenantId, `update billing_orders set status = 'cancelled' where id = $1`, [o]), '55000');
    await expectSqlState(tq(r.pool, A.tenantId, `delete from billing_orders where id = $1`, [o]), '55000');
    await expectSqlState(addItem(o, 'dms', 1, 5), '55000');
    await expectSqlState(tq(r.pool, A.tenantId, `delete from billing_order_items where order_id = $1`, [o]), '55000');
  });

  it('accepts only positive integer cents in an ISO 4217 currency matching the order (23514)', async () => {
    const o = await order();
    await expectSqlState(pay(o, 0), '23514');
    await expectSqlState(pay(o, -5), '23514');
    await expectSqlState(pay(o, 10, 'usd'), '23514');
    await expectSqlState(pay(o, 10, 'XYZ'), '23514');
    await expectSqlState(pay(o, 10, 'EUR'), '23514');
    await expectSqlState(pay(o, 10.5), '22P02');
  });

  it('creates entitlements when an order becomes paid, one per product', async () => {
    const o = await order();
    await addItem(o, 'core', 1, 100);
    await addItem(o, 'workflow', 2, 100);
    expect(await tq(r.pool, A.tenantId, `select * from entitlements where order_id = $1`, [o])).toEqual([]);
    await pay(o, 300);
    await markPaid(o);
    const ents = await tq<{ product_id: string; source: string; quantity: number; status: string }>(
      r.pool,
      A.tenantId,
      `select product_id, source, quantity, status from entitlements where order_id = $1 order by quantity`,
      [o],
    );
    expect(ents).toEqual([
      { product_id: products.core, source: 'order', quantity: 1, status: 'active' },
      { product_id: products.workflow, source: 'order', quantity: 2, status: 'active' },
    ]);
  });
});

describe('refunds', () => {
  async function paidOrder(amount: number) {
    const o = await order();
    await addItem(o, 'core', 1, amount);
    const p = await pay(o, amount);
    await markPaid(o);
    return { o, p };
  }
  const refund = (paymentId: string, amount: number, currency = 'USD', status = 'succeeded') =>
    tq(r.pool, A.tenantId, `insert into refunds (tenant_id, payment_id, amount_cents, currency, status) values ($1, $2, $3, $4, $5)`, [
      A.tenantId,
      paymentId,
      amount,
      currency,
      status,
    ]);

  it('refunds are new rows bounded by the payment; the order stays paid and the payment becomes refunded', async () => {
    const { o, p } = await paidOrder(1000);
    await refund(p, 400);
    await expectSqlState(refund(p, 601), '23514');
    await expectSqlState(refund(p, 0), '23514');
    await expectSqlState(refund(p, 100, 'EUR'), '23514');
    await refund(p, 600);
    const [pay1] = await tq<{ status: string; refunded_at: Date | null }>(r.pool, A.tenantId, `select status, refunded_at from payments where id = $1`, [p]);
    expect(pay1!.status).toBe('refunded');
    expect(pay1!.refunded_at).toBeInstanceOf(Date);
    expect((await orderRow(o)).status).toBe('paid');
    const [ref] = await tq<{ order_id: string }>(r.pool, A.tenantId, `select order_id from refunds where payment_id = $1 limit 1`, [p]);
    expect(ref!.order_id).toBe(o);
  });

  it('refuses refunding a payment that did not succeed (55000)', async () => {
    const o = await order();
    const p = await pay(o, 100, 'USD', 'pending');
    await expectSqlState(refund(p, 50), '55000');
  });

  it('never refunds more than was paid under concurrent refunds', async () => {
    const { p } = await paidOrder(1000);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => refund(p, 300)));
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(3);
    const [sum] = await tq<{ total: number }>(r.pool, A.tenantId, `select sum(amount_cents)::int as total from refunds where payment_id = $1`, [p]);
    expect(sum!.total).toBe(900);
  });
});

describe('carts', () => {
  async function cart(updatedAt?: string) {
    const [c] = await tq<{ id: string; expires_at: Date; updated_at: Date }>(
      r.pool,
      A.tenantId,
      updatedAt
        ? `insert into carts (tenant_id, user_id, updated_at) values ($1, $2, $3) returning id, expires_at, updated_at`
        : `insert into carts (tenant_id, user_id) values ($1, $2) returning id, expires_at, updated_at`,
      updatedAt ? [A.tenantId, A.userId, updatedAt] : [A.tenantId, A.userId],
    );
    return c!;
  }
  const addCartItem = (cartId: string, sku: string) =>
    tq(r.pool, A.tenantId, `insert into cart_items (tenant_id, cart_id, product_id, unit_price_cents) values ($1, $2, $3, 100)`, [
      A.tenantId,
      cartId,
      products[sku],
    ]);
  const checkout = (cartId: string) => tq(r.pool, A.tenantId, `update carts set status = 'checked_out' where id = $1`, [cartId]);

  it('expires 24 hours after the last update; an item change counts as an update', async () => {
    const c = await cart();
    expect(c.expires_at.getTime() - c.updated_at.getTime()).toBe(24 * 3600 * 1000);
    const old = await cart(new Date(Date.now() - 23 * 3600 * 1000).toISOString());
    expect(old.expires_at.getTime()).toBeLessThan(Date.now() + 1.01 * 3600 * 1000);
    await addCartItem(old.id, 'core');
    const [row] = await tq<{ expires_at: Date }>(r.pool, A.tenantId, `select expires_at from carts where id = $1`, [old.id]);
    expect(row!.expires_at.getTime()).toBeGreaterThan(Date.now() + 23.9 * 3600 * 1000);
  });

  it('refuses checking out or changing an expired cart (55000), and the expiry sweep marks it expired', async () => {
    const c = await cart(new Date(Date.now() - 25 * 3600 * 1000).toISOString());
    await expectSqlState(addCartItem(c.id, 'core'), '55000');
    await expectSqlState(checkout(c.id), '55000');
    const [swept] = await tq<{ n: number }>(r.pool, A.tenantId, `select stocksync_expire_carts() as n`);
    expect(swept!.n).toBeGreaterThanOrEqual(1);
    const [row] = await tq<{ status: string }>(r.pool, A.tenantId, `select status from carts where id = $1`, [c.id]);
    expect(row!.status).toBe('expired');
    await expectSqlState(tq(r.pool, A.tenantId, `update carts set status = 'open' where id = $1`, [c.id]), '55000');
  });

  it('refuses checkout while a required product is missing (23514), and accepts it once present', async () => {
    const B = await createTenant(r.pool, 'bill-deps');
    const [c] = await tq<{ id: string }>(r.pool, B.tenantId, `insert into carts (tenant_id, user_id) values ($1, $2) returning id`, [B.tenantId, B.userId]);
    const add = (sku: string) =>
      tq(r.pool, B.tenantId, `insert into cart_items (tenant_id, cart_id, product_id, unit_price_cents) values ($1, $2, $3, 1)`, [
        B.tenantId,
        c!.id,
        products[sku],
      ]);
    const co = () => tq(r.pool, B.tenantId, `update carts set status = 'checked_out' where id = $1`, [c!.id]);
    await expectSqlState(co(), '23514'); // empty cart
    await add('workflow'); // workflow requires dms, which requires core
    const err = await expectSqlState(co(), '23514');
    expect((err as { constraint?: string }).constraint).toBe('cart_items_requires_check');
    expect((err as Error).message).toContain('workflow requires dms');
    await add('dms');
    expect(((await expectSqlState(co(), '23514')) as Error).message).toContain('dms requires core');
    await add('core');
    await co();
    const [row] = await tq<{ status: string; checked_out_at: Date | null }>(r.pool, B.tenantId, `select status, checked_out_at from carts where id = $1`, [c!.id]);
    expect(row!.status).toBe('checked_out');
    expect(row!.checked_out_at).toBeInstanceOf(Date);
    await expectSqlState(add('pro-monthly'), '55000');
  });

  it('counts an active entitlement as meeting a dependency', async () => {
    // Tenant A holds an entitlement to core from a paid order (earlier tests); dms alone may check out.
    const o = await order();
    await addItem(o, 'core', 1, 1);
    await pay(o, 1);
    await markPaid(o);
    const c = await cart();
    await addCartItem(c.id, 'dms');
    await checkout(c.id);
  });
});

describe('subscriptions', () => {
  it('grant an entitlement on becoming active and expire it on cancellation; trial end after start (23514)', async () => {
    await expectSqlState(
      tq(r.pool, A.tenantId, `insert into subscriptions (tenant_id, product_id, trial_start, trial_end) values ($1, $2, now(), now() - interval '1 day')`, [
        A.tenantId,
        products['pro-monthly'],
      ]),
      '23514',
    );
    const [s] = await tq<{ id: string }>(
      r.pool,
      A.tenantId,
      `insert into subscriptions (tenant_id, product_id, trial_start, trial_end) values ($1, $2, now(), now() + interval '14 days') returning id`,
      [A.tenantId, products['pro-monthly']],
    );
    expect(await tq(r.pool, A.tenantId, `select * from entitlements where subscription_id = $1`, [s!.id])).toEqual([]);
    await tq(
      r.pool,
      A.tenantId,
      `update subscriptions set status = 'active', current_period_start = now(), current_period_end = now() + interval '1 month' where id = $1`,
      [s!.id],
    );
    const ents = await tq<{ status: string; source: string }>(r.pool, A.tenantId, `select status, source from entitlements where subscription_id = $1`, [s!.id]);
    expect(ents).toEqual([{ status: 'active', source: 'subscription' }]);
    await tq(r.pool, A.tenantId, `update subscriptions set status = 'cancelled', cancelled_at = now() where id = $1`, [s!.id]);
    const after = await tq<{ status: string }>(r.pool, A.tenantId, `select status from entitlements where subscription_id = $1`, [s!.id]);
    expect(after).toEqual([{ status: 'expired' }]);
  });
});

describe('tenant purge', () => {
  it('deleting a tenant removes its paid orders despite immutability', async () => {
    const C = await createTenant(r.pool, 'bill-purge');
    const [o] = await tq<{ id: string }>(r.pool, C.tenantId, `insert into billing_orders (tenant_id, user_id) values ($1, $2) returning id`, [C.tenantId, C.userId]);
    await tq(r.pool, C.tenantId, `insert into billing_order_items (tenant_id, order_id, product_id, unit_price_cents) values ($1, $2, $3, 10)`, [C.tenantId, o!.id, products.core]);
    await tq(r.pool, C.tenantId, `insert into payments (tenant_id, order_id, stripe_payment_intent_id, amount_cents, status, payment_method) values ($1, $2, 'pi_purge', 10, 'succeeded', 'card')`, [C.tenantId, o!.id]);
    await tq(r.pool, C.tenantId, `update billing_orders set status = 'paid' where id = $1`, [o!.id]);
    await asTenant(r.pool, C.tenantId, async (c) => {
      const p = await c.query(`select id from payments`);
      await c.query(`insert into refunds (tenant_id, payment_id, amount_cents, status) values ($1, $2, 5, 'succeeded')`, [C.tenantId, p.rows[0].id]);
    });
    await r.pool.query(`delete from tenants where id = $1`, [C.tenantId]);
    const left = await r.pool.query(`select count(*)::int as n from billing_orders where tenant_id = $1`, [C.tenantId]);
    expect(left.rows[0].n).toBe(0);
  });
});
