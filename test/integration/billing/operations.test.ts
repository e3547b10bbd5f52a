// Billing operations inside withTenant: place/pay/refund, checkout, cart expiry; typed rows, and
// nothing half-written when the database refuses a later step.
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NotFoundError,
  RuleViolationError,
  ValidationError,
  checkoutCart,
  expireCarts,
  payOrder,
  placeOrder,
  refundOrder,
} from '../../../src/operations/index.js';
import { billingOrders, cartItems, carts, payments } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';

let t: TestDatabase;
let tenantId: string;
let userId: string;
const product: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
  try {
    tenantId = (await admin.query(`insert into tenants (name, slug, email) values ('Bill', 'bill-ops', 'b@ops.test') returning id`)).rows[0].id;
    userId = (await admin.query(`insert into users (tenant_id, email) values ($1, 'buyer@ops.test') returning id`, [tenantId])).rows[0].id;
    const rows = await admin.query(
      `insert into billing_products (sku, name, kind, price_cents, currency) values
         ('core', 'Core', 'product', 10000, 'USD'), ('dms', 'DMS', 'addon', 2500, 'USD'), ('eu-core', 'Core EU', 'product', 9000, 'EUR')
       returning id, sku`,
    );
    for (const r of rows.rows) product[r.sku] = r.id;
    await admin.query(`insert into billing_product_requirements (product_id, requires_product_id) values ($1, $2)`, [product.dms, product.core]);
    await admin.query(`insert into tax_rates (country_code, state_code, name, rate) values ('US', 'CA', 'California', 0.0725)`);
  } finally {
    await admin.end();
  }
});
afterAll(async () => {
  await t?.drop();
});

const inTenant = <T>(fn: Parameters<typeof withTenant<typeof t.db, T>>[2]) => withTenant(t.db, tenantId, fn);

describe('placeOrder / payOrder / refundOrder', () => {
  it('places an order at catalog prices with tax from the billing state, pays it and grants entitlements', async () => {
    const placed = await inTenant((tx) =>
      placeOrder(tx, {
        userId,
        items: [{ productId: product.core!, quantity: 2 }],
        discountCents: 1000,
        billingCountryCode: 'US',
        billingStateCode: 'CA',
      }),
    );
    expect(placed.order).toMatchObject({ status: 'pending', subtotalCents: 20000, taxCents: 1378, discountCents: 1000, totalCents: 20378 });
    expect(placed.items.map((i) => [i.quantity, i.unitPriceCents, i.lineTotalCents])).toEqual([[2, 10000, 20000]]);
    const paid = await inTenant((tx) => payOrder(tx, { orderId: placed.order.id, stripePaymentIntentId: 'pi_1', paymentMethod: 'card', cardLast4: '4242' }));
    expect(paid.order.status).toBe('paid');
    expect(paid.order.paidAt).toBeInstanceOf(Date);
    expect(paid.payment).toMatchObject({ amountCents: 20378, currency: 'USD', status: 'succeeded' });
    expect(paid.entitlements.map((e) => [e.productId, e.quantity, e.source])).toEqual([[product.core, 2, 'order']]);

    const refund = await inTenant((tx) => refundOrder(tx, { orderId: placed.order.id, amountCents: 378, reason: 'goodwill' }));
    expect(refund).toMatchObject({ amountCents: 378, status: 'succeeded', orderId: placed.order.id, paymentId: paid.payment!.id });
    const over = await inTenant((tx) => refundOrder(tx, { orderId: placed.order.id, amountCents: 20001 })).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(RuleViolationError);
    expect((over as RuleViolationError).constraint).toBe('refunds_amount_total_check');
    const again = await inTenant((tx) => payOrder(tx, { orderId: placed.order.id, stripePaymentIntentId: 'pi_1b', paymentMethod: 'card' })).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RuleViolationError);
  });

  it('keeps no payment when the order then refuses to become paid (failure in the middle)', async () => {
    const placed = await inTenant((tx) => placeOrder(tx, { userId, items: [{ productId: product.core!, quantity: 1 }] }));
    const err = await inTenant(async (tx) => {
      const e = await payOrder(tx, { orderId: placed.order.id, stripePaymentIntentId: 'pi_short', paymentMethod: 'card', amountCents: 50 }).catch((x: unknown) => x);
      // The caller's transaction is still usable and sees neither the payment nor a paid order.
      const left = await tx.select().from(payments).where(eq(payments.orderId, placed.order.id));
      const [order] = await tx.select().from(billingOrders).where(eq(billingOrders.id, placed.order.id));
      expect(left).toEqual([]);
      expect(order!.status).toBe('pending');
      return e;
    });
    expect(err).toBeInstanceOf(RuleViolationError);
    expect((err as RuleViolationError).sqlState).toBe('23514');
    expect((err as RuleViolationError).constraint).toBe('billing_orders_payment_check');
  });

  it('validates input with field paths, and refuses unknown products and mixed currencies', async () => {
    const bad = await inTenant((tx) => placeOrder(tx, { userId, items: [], currency: 'usd' })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).issues.map((i) => i.path.join('.')).sort()).toEqual(['currency', 'items']);
    await expect(
      inTenant((tx) => placeOrder(tx, { userId, items: [{ productId: '01900000-0000-7000-8000-000000000000', quantity: 1 }] })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant((tx) => placeOrder(tx, { userId, items: [{ productId: product['eu-core']!, quantity: 1 }] }))).rejects.toBeInstanceOf(
      RuleViolationError,
    );
    const rows = await inTenant((tx) => tx.select().from(billingOrders).where(sql`${billingOrders.currency} = 'EUR'`));
    expect(rows).toEqual([]);
  });
});

describe('checkoutCart / expireCarts', () => {
  async function cartWith(skus: string[], updatedAt?: Date) {
    return inTenant(async (tx) => {
      const [c] = await tx
        .insert(carts)
        .values({ tenantId, userId, billingCountryCode: 'US', billingStateCode: 'CA', ...(updatedAt ? { updatedAt } : {}) })
        .returning();
      if (skus.length) {
        await tx.insert(cartItems).values(skus.map((sku) => ({ tenantId, cartId: c!.id, productId: product[sku]!, unitPriceCents: 1000 })));
      }
      return c!.id;
    });
  }

  it('refuses checkout while a dependency is missing, leaving the cart open and no order', async () => {
    // A fresh tenant holds no entitlement to core.
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    const other = (await admin.query(`insert into tenants (name, slug, email) values ('Deps', 'bill-deps-ops', 'd@ops.test') returning id`)).rows[0].id as string;
    const otherUser = (await admin.query(`insert into users (tenant_id, email) values ($1, 'u@deps.test') returning id`, [other])).rows[0].id as string;
    await admin.end();
    const cartId = await withTenant(t.db, other, async (tx) => {
      const [c] = await tx.insert(carts).values({ tenantId: other, userId: otherUser }).returning();
      await tx.insert(cartItems).values({ tenantId: other, cartId: c!.id, productId: product.dms!, unitPriceCents: 2500 });
      return c!.id;
    });
    const err = await withTenant(t.db, other, (tx) => checkoutCart(tx, { cartId })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuleViolationError);
    expect((err as RuleViolationError).constraint).toBe('cart_items_requires_check');
    const state = await withTenant(t.db, other, async (tx) => ({
      cart: (await tx.select().from(carts).where(eq(carts.id, cartId)))[0]!.status,
      orders: await tx.select().from(billingOrders),
    }));
    expect(state).toEqual({ cart: 'open', orders: [] });
  });

  it('checks out a live cart into a pending order with the cart prices, discount and tax', async () => {
    const cartId = await cartWith(['core', 'dms']);
    await inTenant((tx) => tx.update(carts).set({ discountCents: 500 }).where(and(eq(carts.id, cartId))));
    const result = await inTenant((tx) => checkoutCart(tx, { cartId }));
    expect(result.cart.status).toBe('checked_out');
    expect(result.cart.checkedOutAt).toBeInstanceOf(Date);
    // 2000 - 500 = 1500 taxable at 7.25% = 108.75 -> 109
    expect(result.order).toMatchObject({ cartId, subtotalCents: 2000, discountCents: 500, taxCents: 109, totalCents: 1609, status: 'pending' });
    expect(result.items).toHaveLength(2);
  });

  it('refuses an expired cart, and expireCarts marks it expired', async () => {
    const cartId = await cartWith([], new Date(Date.now() - 25 * 3600_000)); // items cannot be added to an expired cart
    const err = await inTenant((tx) => checkoutCart(tx, { cartId })).catch((e: unknown) => e);
    expect((err as RuleViolationError).sqlState).toBe('55000');
    expect(await inTenant((tx) => expireCarts(tx))).toBeGreaterThanOrEqual(1);
    const [row] = await inTenant((tx) => tx.select().from(carts).where(eq(carts.id, cartId)));
    expect(row!.status).toBe('expired');
  });
});
