// Sale orders made from carts, run as the service role inside withTenant: the happy path at the cart's
// prices, the refusals (empty, already ordered, expired, discounted, SKU without inventory product,
// another tenant's cart), a double submit racing on one cart, and the order's confirm, pay and fulfil.
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../src/connection.js';
import {
  NotFoundError,
  RuleViolationError,
  ValidationError,
  confirmSaleOrder,
  createSaleOrderFromCart,
  fulfilSaleOrder,
  paySaleOrder,
  receiveStock,
} from '../../../src/operations/index.js';
import {
  billingProductRequirements,
  billingProducts,
  buyers,
  cartItems,
  carts,
  inventoryLocations,
  inventoryOrders,
  inventoryProducts,
  stockLevels,
  users,
} from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';

let t: TestDatabase;
let app: DatabaseHandle;
const tenantId = uuidv7();
const otherTenantId = uuidv7();
let userId: string;
let otherUserId: string;
let main: string;
let buyerId: string;
let widget: string;
let catalog: Record<'WIDGET' | 'GADGET' | 'NOSTOCK' | 'RETIRED' | 'ADDON', string>;
let orderSeq = 0;

const inTenant = <T>(fn: (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>, id = tenantId) =>
  withTenant(app.db, id, fn as never) as Promise<T>;
const fail = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const order = (cartId: string, orderNumber = `CART-${++orderSeq}`) =>
  inTenant((tx) => createSaleOrderFromCart(tx, { cartId, orderNumber, buyerId, locationId: main }));

// An open cart with the given catalog lines (SKU -> quantity, unit price), written as the owner.
async function cartWith(lines: Array<[keyof typeof catalog, number, number]>, values: Partial<typeof carts.$inferInsert> = {}, tenant = tenantId, user = userId) {
  const [cart] = await t.db.insert(carts).values({ tenantId: tenant, userId: user, ...values }).returning();
  if (lines.length) {
    await t.db.insert(cartItems).values(lines.map(([sku, quantity, unitPriceCents]) => ({ tenantId: tenant, cartId: cart!.id, productId: catalog[sku], quantity, unitPriceCents })));
  }
  return cart!.id;
}

const cartRow = async (id: string) => (await t.db.select().from(carts).where(eq(carts.id, id)))[0]!;
const saleOrderCount = async () =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(inventoryOrders).where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.kind, 'sale'))))[0]!.n;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`insert into tenants (id, name, slug, email) values (${tenantId}, 'Cart shop', 'cart-shop', 'ops@cart.test'), (${otherTenantId}, 'Other shop', 'other-shop', 'ops@other.test')`);
  const [u, v] = await t.db
    .insert(users)
    .values([
      { tenantId, email: 'owner@cart.test', role: 'owner' },
      { tenantId: otherTenantId, email: 'owner@other.test', role: 'owner' },
    ])
    .returning();
  [userId, otherUserId] = [u!.id, v!.id];
  const products = await t.db
    .insert(billingProducts)
    .values([
      { sku: 'WIDGET', name: 'Widget', priceCents: 500 },
      { sku: 'GADGET', name: 'Gadget', priceCents: 300 },
      { sku: 'NOSTOCK', name: 'Not stocked', priceCents: 100 },
      { sku: 'RETIRED', name: 'Retired', priceCents: 100 },
      { sku: 'ADDON', name: 'Add-on', priceCents: 50 },
    ])
    .returning();
  catalog = Object.fromEntries(products.map((p) => [p.sku, p.id])) as typeof catalog;
  await t.db.insert(billingProductRequirements).values({ productId: catalog.ADDON, requiresProductId: catalog.WIDGET });
  const [l] = await t.db.insert(inventoryLocations).values({ tenantId, code: 'MAIN', name: 'Main' }).returning();
  const [b] = await t.db.insert(buyers).values({ tenantId, name: 'Buyer' }).returning();
  const stocked = await t.db
    .insert(inventoryProducts)
    .values([
      { tenantId, sku: 'WIDGET', name: 'Widget', unitPriceCents: 450 },
      { tenantId, sku: 'GADGET', name: 'Gadget', unitPriceCents: 250 },
      { tenantId, sku: 'RETIRED', name: 'Retired', isActive: false },
      { tenantId, sku: 'ADDON', name: 'Add-on', unitPriceCents: 50 },
    ])
    .returning();
  [main, buyerId, widget] = [l!.id, b!.id, stocked[0]!.id];
  app = await openDatabase({ url: t.serviceUrl, max: 4 });
  await inTenant((tx) => receiveStock(tx, { locationId: main, lines: [{ productId: widget, quantity: 10 }, { productId: stocked[1]!.id, quantity: 10 }] }));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('createSaleOrderFromCart', () => {
  it('makes a draft sale order of the inventory products with the cart lines\' SKUs, at the cart\'s prices, and checks the cart out', async () => {
    const cartId = await cartWith([['WIDGET', 2, 480], ['GADGET', 1, 300]], { currency: 'EUR' });
    const made = await order(cartId, 'CART-HAPPY');
    expect(made.order).toMatchObject({ kind: 'sale', status: 'draft', orderNumber: 'CART-HAPPY', buyerId, locationId: main, currency: 'EUR', totalCents: 2 * 480 + 300 });
    const skuOf = Object.fromEntries((await t.db.select().from(inventoryProducts).where(eq(inventoryProducts.tenantId, tenantId))).map((p) => [p.id, p.sku]));
    expect(made.items.map((i) => [skuOf[i.productId], i.quantity, i.unitPriceCents]).sort()).toEqual([['GADGET', 1, 300], ['WIDGET', 2, 480]]);
    expect(made.cart).toMatchObject({ id: cartId, status: 'checked_out' });
    expect(made.cart.checkedOutAt).toBeInstanceOf(Date);
    expect((await cartRow(cartId)).status).toBe('checked_out');
  });

  it('refuses an empty cart, and a cart already ordered, with nothing written', async () => {
    const before = await saleOrderCount();
    const empty = await cartWith([]);
    const e1 = await fail(order(empty));
    expect(e1).toBeInstanceOf(RuleViolationError);
    expect((e1 as RuleViolationError).constraint).toBe('carts_items_check');
    expect((e1 as Error).message).toMatch(/is empty: add a product before ordering it/);
    expect((await cartRow(empty)).status).toBe('open');

    const cartId = await cartWith([['WIDGET', 1, 500]]);
    await order(cartId);
    const e2 = await fail(order(cartId));
    expect(e2).toBeInstanceOf(RuleViolationError);
    expect((e2 as RuleViolationError).constraint).toBe('carts_status_check');
    expect((e2 as Error).message).toMatch(/is checked_out: it was ordered or closed already; start a new cart/);
    expect(await saleOrderCount()).toBe(before + 1);
  });

  it('refuses an expired cart, a discounted one, SKUs without an active inventory product (naming them), a missing catalog requirement and a malformed input', async () => {
    const before = await saleOrderCount();
    const expired = await cartWith([['WIDGET', 1, 500]]);
    // The cart guard keeps expires_at 24 h after each update; a trigger-free write sets a past one.
    await t.db.execute(sql`alter table carts disable trigger carts_guard`);
    await t.db.execute(sql`update carts set expires_at = now() - interval '1 minute' where id = ${expired}`);
    await t.db.execute(sql`alter table carts enable trigger carts_guard`);
    const e1 = await fail(order(expired));
    expect((e1 as RuleViolationError).constraint).toBe('carts_status_check');
    expect((e1 as Error).message).toMatch(/expired at .*: start a new cart/);

    const discounted = await cartWith([['WIDGET', 1, 500]], { discountCents: 50, discountCode: 'TENOFF' });
    const e2 = await fail(order(discounted));
    expect((e2 as RuleViolationError).constraint).toBe('carts_discount_cents_check');
    expect((e2 as Error).message).toMatch(/remove the discount from the cart, or check it out as a billing order with checkoutCart/);

    const unmatched = await cartWith([['WIDGET', 1, 500], ['NOSTOCK', 1, 100], ['RETIRED', 2, 100]]);
    const e3 = await fail(order(unmatched));
    expect(e3).toBeInstanceOf(RuleViolationError);
    expect((e3 as RuleViolationError).constraint).toBe('cart_items_inventory_product');
    expect((e3 as Error).message).toMatch(/holds SKU\(s\) NOSTOCK, RETIRED that no active inventory product of this tenant has: add \(or reactivate\)/);
    const e4 = await fail(inTenant((tx) => createSaleOrderFromCart(tx, { cartId: 'not-a-uuid', orderNumber: 'X', buyerId, locationId: main })));
    expect(e4).toBeInstanceOf(ValidationError);
    // The database's cart guard still applies: a catalog product whose requirement is missing is refused.
    const incomplete = await cartWith([['ADDON', 1, 50]]);
    const e5 = await fail(order(incomplete));
    expect(e5).toBeInstanceOf(RuleViolationError);
    expect((e5 as RuleViolationError).constraint).toBe('cart_items_requires_check');
    for (const id of [discounted, unmatched, incomplete]) expect((await cartRow(id)).status).toBe('open');
    expect(await saleOrderCount()).toBe(before);
  });

  it("refuses another tenant's cart (RLS hides it) and leaves that cart open", async () => {
    const theirs = await cartWith([['WIDGET', 1, 500]], {}, otherTenantId, otherUserId);
    const error = await fail(order(theirs));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ entity: 'carts', id: theirs });
    // The service role inside tenant A's context sees no row of tenant B's carts at all.
    const visible = await inTenant((tx) => tx.select().from(carts).where(eq(carts.id, theirs)));
    expect(visible).toEqual([]);
    expect((await cartRow(theirs)).status).toBe('open');
  });

  it('turns a double submit of one cart into one order: the second waits on the cart and is refused', async () => {
    const cartId = await cartWith([['GADGET', 1, 300]]);
    const before = await saleOrderCount();
    // Hold the cart's row lock so both submits are in flight and waiting before either can run.
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from carts where id = $1 for update', [cartId]);
      let settled = 0;
      const submits = [order(cartId, 'DOUBLE-1'), order(cartId, 'DOUBLE-2')].map((p) =>
        p.then((r) => ({ ok: r }), (e: unknown) => ({ error: e })).finally(() => settled++),
      );
      // Until both wait on the lock (a submit that ends before waiting fails the assertions below).
      // Polled outside the holder's transaction: pg_stat_activity is read once per transaction.
      while (settled === 0) {
        const waiting = await t.db.execute(
          sql`select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted and a.datname = current_database()`,
        );
        if ((waiting as unknown as { rows: Array<{ n: number }> }).rows[0]!.n >= 2) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await holder.query('commit');
      const results = await Promise.all(submits);
      const won = results.filter((r) => 'ok' in r);
      const lost = results.filter((r) => 'error' in r) as Array<{ error: unknown }>;
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.error).toBeInstanceOf(RuleViolationError);
      expect((lost[0]!.error as RuleViolationError).constraint).toBe('carts_status_check');
    } finally {
      await holder.end();
    }
    expect(await saleOrderCount()).toBe(before + 1);
    expect((await cartRow(cartId)).status).toBe('checked_out');
  });

  it('gives an order that confirms (reserving stock), pays for its total and fulfils', async () => {
    const cartId = await cartWith([['WIDGET', 3, 400]]);
    const { order: draft } = await order(cartId);
    const level = async () =>
      (await t.db.select({ q: stockLevels.quantity }).from(stockLevels).where(and(eq(stockLevels.tenantId, tenantId), eq(stockLevels.productId, widget), eq(stockLevels.locationId, main))))[0]!.q;
    const free = await level();
    const confirmed = await inTenant((tx) => confirmSaleOrder(tx, { orderId: draft.id }));
    expect(confirmed.order.status).toBe('confirmed');
    expect(await level()).toBe(free - 3);
    const paid = await inTenant((tx) => paySaleOrder(tx, { orderId: draft.id, paymentReference: 'pi_cart' }));
    expect(paid.order).toMatchObject({ paidCents: 1200, totalCents: 1200, paymentReference: 'pi_cart' });
    const shipped = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: draft.id }));
    expect(shipped.order.status).toBe('shipped');
    expect(shipped.movements.map((m) => [m.reason, m.quantityDelta])).toEqual([['shipment', -3]]);
    expect(await level()).toBe(free - 3);
  });
});
