// Sale order payment, refunds, partial deliveries kept open, and the database rules behind them (0037),
// run as the service role inside withTenant: pay once for the total, refund in parts with returns,
// cancel a paid order only once refunded, deliver part now and the rest later, and race two payments.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../src/connection.js';
import { serverErrorOf } from '../../../src/database-error.js';
import { sqlStateOf } from '../../../src/errors.js';
import {
  RESERVATION_LOCATION_CODE,
  RuleViolationError,
  ValidationError,
  cancelSaleOrder,
  confirmSaleOrder,
  createSaleOrder,
  fulfilSaleOrder,
  paySaleOrder,
  receiveStock,
  refundSaleOrder,
  reservedForOrder,
} from '../../../src/operations/index.js';
import { buyers, inventoryLocations, inventoryOrderItems, inventoryOrders, inventoryProducts, stockLevels } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';

let t: TestDatabase;
let app: DatabaseHandle;
const tenantId = uuidv7();
let main: string;
let buyerId: string;
let pa: string;
let pb: string;
let orderSeq = 0;

const inTenant = <T>(fn: (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>) => withTenant(app.db, tenantId, fn as never) as Promise<T>;
const fail = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const confirmedOrder = async (lines: Array<{ productId: string; quantity: number }>) => {
  const { order } = await inTenant((tx) => createSaleOrder(tx, { orderNumber: `PAY-${++orderSeq}`, buyerId, locationId: main, lines }));
  await inTenant((tx) => confirmSaleOrder(tx, { orderId: order.id }));
  return order;
};

// Stock per (location code, sku), read as the owner.
async function stock(): Promise<Record<string, number>> {
  const rows = await t.db
    .select({ code: inventoryLocations.code, sku: inventoryProducts.sku, quantity: stockLevels.quantity })
    .from(stockLevels)
    .innerJoin(inventoryLocations, and(eq(inventoryLocations.tenantId, stockLevels.tenantId), eq(inventoryLocations.id, stockLevels.locationId)))
    .innerJoin(inventoryProducts, and(eq(inventoryProducts.tenantId, stockLevels.tenantId), eq(inventoryProducts.id, stockLevels.productId)))
    .where(eq(stockLevels.tenantId, tenantId));
  return Object.fromEntries(rows.map((r) => [`${r.code}/${r.sku}`, r.quantity]));
}

async function orderRow(id: string) {
  const [row] = await t.db.select().from(inventoryOrders).where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, id)));
  return row!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`insert into tenants (id, name, slug, email) values (${tenantId}, 'Pay', 'sale-order-payments', 'ops@pay.test')`);
  const [l] = await t.db.insert(inventoryLocations).values({ tenantId, code: 'MAIN', name: 'Main' }).returning();
  const [b] = await t.db.insert(buyers).values({ tenantId, name: 'Buyer' }).returning();
  const ps = await t.db
    .insert(inventoryProducts)
    .values([
      { tenantId, sku: 'A', name: 'A', unitPriceCents: 250 },
      { tenantId, sku: 'B', name: 'B', unitPriceCents: 100 },
    ])
    .returning();
  [main, buyerId, pa, pb] = [l!.id, b!.id, ps[0]!.id, ps[1]!.id];
  app = await openDatabase({ url: t.serviceUrl, max: 4 });
  await inTenant((tx) => receiveStock(tx, { locationId: main, lines: [{ productId: pa, quantity: 20 }, { productId: pb, quantity: 20 }] }));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('paySaleOrder', () => {
  it('pays a confirmed order for its total, once; a draft, a wrong amount and a second payment are refused', async () => {
    const { order: draft } = await inTenant((tx) => createSaleOrder(tx, { orderNumber: `PAY-${++orderSeq}`, buyerId, locationId: main, lines: [{ productId: pa, quantity: 1 }] }));
    const early = (await fail(inTenant((tx) => paySaleOrder(tx, { orderId: draft.id })))) as RuleViolationError;
    expect(early).toBeInstanceOf(RuleViolationError);
    expect([early.sqlState, early.constraint]).toEqual(['23514', 'inventory_orders_payment_check']);

    const order = await confirmedOrder([{ productId: pa, quantity: 2 }, { productId: pb, quantity: 1 }]);
    const short = (await fail(inTenant((tx) => paySaleOrder(tx, { orderId: order.id, amountCents: 599 })))) as RuleViolationError;
    expect(short).toBeInstanceOf(RuleViolationError);
    expect([short.sqlState, short.constraint]).toEqual(['23514', 'inventory_orders_payment_check']);
    expect(await orderRow(order.id)).toMatchObject({ paidCents: 0, paidAt: null, paymentReference: null });

    const paid = await inTenant((tx) => paySaleOrder(tx, { orderId: order.id, paymentReference: 'pi_1' }));
    expect(paid.order).toMatchObject({ status: 'confirmed', totalCents: 600, paidCents: 600, refundedCents: 0, paymentReference: 'pi_1' });
    expect(paid.order.paidAt).toBeInstanceOf(Date);
    const again = (await fail(inTenant((tx) => paySaleOrder(tx, { orderId: order.id, paymentReference: 'pi_2' })))) as RuleViolationError;
    expect(again).toBeInstanceOf(RuleViolationError);
    expect(again.message).toMatch(/already paid: record a refund/);
    expect(await orderRow(order.id)).toMatchObject({ paidCents: 600, paymentReference: 'pi_1' });
    await expect(inTenant((tx) => paySaleOrder(tx, { orderId: order.id, amountCents: -5 }))).rejects.toBeInstanceOf(ValidationError);
  });

  it('two payments of one order race: exactly one is recorded, the other gets a typed error', async () => {
    const order = await confirmedOrder([{ productId: pb, quantity: 3 }]);
    const results = await Promise.allSettled([
      inTenant((tx) => paySaleOrder(tx, { orderId: order.id, paymentReference: 'pi_race_a' })),
      inTenant((tx) => paySaleOrder(tx, { orderId: order.id, paymentReference: 'pi_race_b' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as RuleViolationError;
    expect(lost).toBeInstanceOf(RuleViolationError);
    expect(lost.constraint).toBe('inventory_orders_payment_check');
    const won = results.find((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof paySaleOrder>>> => r.status === 'fulfilled')!.value;
    expect(await orderRow(order.id)).toMatchObject({ paidCents: 300, paymentReference: won.order.paymentReference });
  });
});

describe('paid orders are immutable (database rules, as the service role)', () => {
  it('refuses changing a paid order\'s items, total or terms, going back to draft, and refunding more than was paid', async () => {
    const order = await confirmedOrder([{ productId: pa, quantity: 1 }]);
    await inTenant((tx) => paySaleOrder(tx, { orderId: order.id }));
    const run = (statement: ReturnType<typeof sql>) => fail(inTenant((tx) => tx.execute(statement)));
    expect(sqlStateOf(await run(sql`update inventory_order_items set quantity = 5 where order_id = ${order.id}`))).toBe('55000');
    expect(sqlStateOf(await run(sql`insert into inventory_order_items (tenant_id, order_id, product_id, quantity) values (${tenantId}, ${order.id}, ${pb}, 1)`))).toBe('55000');
    expect(sqlStateOf(await run(sql`delete from inventory_order_items where order_id = ${order.id}`))).toBe('55000');
    expect(sqlStateOf(await run(sql`update inventory_orders set buyer_id = buyer_id, currency = 'EUR' where id = ${order.id}`))).toBe('55000');
    expect(sqlStateOf(await run(sql`update inventory_orders set paid_at = null, paid_cents = 0 where id = ${order.id}`))).toBe('55000');
    expect(sqlStateOf(await run(sql`update inventory_orders set status = 'draft' where id = ${order.id}`))).toBe('55000');
    const over = await run(sql`update inventory_orders set refunded_cents = 251 where id = ${order.id}`);
    expect([sqlStateOf(over), serverErrorOf(over)?.constraint]).toEqual(['23514', 'inventory_orders_refunded_cents_check']);
    const items = await t.db.select({ quantity: inventoryOrderItems.quantity }).from(inventoryOrderItems).where(eq(inventoryOrderItems.orderId, order.id));
    expect(items).toEqual([{ quantity: 1 }]);
    expect(await orderRow(order.id)).toMatchObject({ status: 'confirmed', currency: 'USD', totalCents: 250, paidCents: 250, refundedCents: 0 });
    // Notes and the driver may still change: fulfilment goes on after payment.
    await inTenant((tx) => tx.execute(sql`update inventory_orders set notes = 'leave at the gate' where id = ${order.id}`));
    expect((await orderRow(order.id)).notes).toBe('leave at the gate');
  });
});

describe('refundSaleOrder and cancelling a paid order', () => {
  it('refunds after pay in parts, never more than paid; cancel needs a full refund and then releases the reservation', async () => {
    const order = await confirmedOrder([{ productId: pa, quantity: 2 }]);
    const unpaid = (await fail(inTenant((tx) => refundSaleOrder(tx, { orderId: order.id, amountCents: 1 })))) as RuleViolationError;
    expect(unpaid).toBeInstanceOf(RuleViolationError);
    expect(unpaid.message).toMatch(/is not paid: there is nothing to refund/);
    await inTenant((tx) => paySaleOrder(tx, { orderId: order.id }));
    const before = await stock();

    const first = await inTenant((tx) => refundSaleOrder(tx, { orderId: order.id, amountCents: 200 }));
    expect(first.order).toMatchObject({ paidCents: 500, refundedCents: 200, status: 'confirmed' });
    expect(first.movements).toEqual([]);
    const tooMuch = (await fail(inTenant((tx) => refundSaleOrder(tx, { orderId: order.id, amountCents: 301 })))) as RuleViolationError;
    expect(tooMuch).toBeInstanceOf(RuleViolationError);
    expect(tooMuch.constraint).toBe('inventory_orders_refunded_cents_check');
    const halfway = (await fail(inTenant((tx) => cancelSaleOrder(tx, { orderId: order.id })))) as RuleViolationError;
    expect(halfway).toBeInstanceOf(RuleViolationError);
    expect([halfway.sqlState, halfway.constraint]).toEqual(['23514', 'inventory_orders_cancel_paid_check']);
    expect(await stock()).toEqual(before); // the refused cancel released nothing
    const returnUnshipped = (await fail(inTenant((tx) => refundSaleOrder(tx, { orderId: order.id, amountCents: 1, returnLines: [{ productId: pa, quantity: 1 }] })))) as RuleViolationError;
    expect(returnUnshipped.constraint).toBe('inventory_orders_return_check');

    await inTenant((tx) => refundSaleOrder(tx, { orderId: order.id, amountCents: 300 }));
    const cancelled = await inTenant((tx) => cancelSaleOrder(tx, { orderId: order.id }));
    expect(cancelled.order).toMatchObject({ status: 'cancelled', paidCents: 500, refundedCents: 500 });
    expect(cancelled.movements.map((m) => [m.reason, m.quantityDelta]).sort()).toEqual([['transfer_in', 2], ['transfer_out', -2]]);
    expect(await stock()).toMatchObject({ 'MAIN/A': before['MAIN/A']! + 2, [`${RESERVATION_LOCATION_CODE}/A`]: before[`${RESERVATION_LOCATION_CODE}/A`]! - 2 });
    expect((await inTenant((tx) => reservedForOrder(tx, order.id))).size).toBe(0);
  });

  it('refunds a shipped order with returned units going back into stock, at most what shipped', async () => {
    const order = await confirmedOrder([{ productId: pb, quantity: 4 }]);
    await inTenant((tx) => paySaleOrder(tx, { orderId: order.id }));
    await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id }));
    const before = await stock();
    const back = await inTenant((tx) => refundSaleOrder(tx, { orderId: order.id, amountCents: 100, returnLines: [{ productId: pb, quantity: 1 }], note: 'damaged' }));
    expect(back.order).toMatchObject({ status: 'shipped', refundedCents: 100 });
    expect(back.movements.map((m) => [m.reason, m.productId, m.locationId, m.quantityDelta, m.orderId, m.note])).toEqual([['return', pb, main, 1, order.id, 'damaged']]);
    expect((await stock())['MAIN/B']).toBe(before['MAIN/B']! + 1);
    const more = (await fail(inTenant((tx) => refundSaleOrder(tx, { orderId: order.id, amountCents: 100, returnLines: [{ productId: pb, quantity: 4 }] })))) as RuleViolationError;
    expect(more.constraint).toBe('inventory_orders_return_check');
    expect(more.message).toMatch(/has 3 shipped unit\(s\) of product .* not yet returned/);
    expect((await stock())['MAIN/B']).toBe(before['MAIN/B']! + 1);
    expect((await orderRow(order.id)).refundedCents).toBe(100);
  });
});

describe('partial delivery, then the rest', () => {
  it('ships part and keeps the rest reserved (order stays confirmed), then ships the rest', async () => {
    const order = await confirmedOrder([{ productId: pa, quantity: 3 }, { productId: pb, quantity: 2 }]);
    await inTenant((tx) => paySaleOrder(tx, { orderId: order.id }));
    const before = await stock();

    const first = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id, lines: [{ productId: pa, quantity: 2 }], keepRest: true }));
    expect(first.order).toMatchObject({ status: 'confirmed', totalCents: 950, shippedAt: null });
    expect(first.items.map((i) => [i.productId, i.quantity]).sort()).toEqual([[pa, 3], [pb, 2]].sort());
    expect(first.movements.map((m) => [m.reason, m.productId, m.quantityDelta])).toEqual([['shipment', pa, -2]]);
    expect(Object.fromEntries(await inTenant((tx) => reservedForOrder(tx, order.id)))).toEqual({ [pa]: 1, [pb]: 2 });
    const cancel = (await fail(inTenant((tx) => cancelSaleOrder(tx, { orderId: order.id })))) as RuleViolationError;
    expect(cancel.message).toMatch(/has shipped units: close it with fulfilSaleOrder/);
    const nothing = (await fail(inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id, lines: [{ productId: pa, quantity: 0 }], keepRest: true })))) as RuleViolationError;
    expect(nothing.constraint).toBe('inventory_orders_reservation');

    const rest = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id }));
    expect(rest.order.status).toBe('shipped');
    expect(rest.order.shippedAt).toBeInstanceOf(Date);
    expect(rest.movements.map((m) => [m.reason, m.productId, m.quantityDelta]).sort()).toEqual([['shipment', pa, -1], ['shipment', pb, -2]].sort());
    expect(await stock()).toMatchObject({
      'MAIN/A': before['MAIN/A'],
      'MAIN/B': before['MAIN/B'],
      [`${RESERVATION_LOCATION_CODE}/A`]: before[`${RESERVATION_LOCATION_CODE}/A`]! - 3,
      [`${RESERVATION_LOCATION_CODE}/B`]: before[`${RESERVATION_LOCATION_CODE}/B`]! - 2,
    });
    expect((await inTenant((tx) => reservedForOrder(tx, order.id))).size).toBe(0);
  });

  it('closes a partly delivered unpaid order: releases what did not ship and reduces the items to what shipped', async () => {
    const order = await confirmedOrder([{ productId: pa, quantity: 3 }]);
    const before = await stock();
    await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id, lines: [{ productId: pa, quantity: 1 }], keepRest: true }));
    const closed = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id, lines: [{ productId: pa, quantity: 0 }] }));
    expect(closed.order).toMatchObject({ status: 'shipped', totalCents: 250 });
    expect(closed.items.map((i) => [i.productId, i.quantity])).toEqual([[pa, 1]]);
    expect(closed.movements.map((m) => [m.reason, m.quantityDelta]).sort()).toEqual([['transfer_in', 2], ['transfer_out', -2]]);
    expect(await stock()).toMatchObject({ 'MAIN/A': before['MAIN/A']! + 2, [`${RESERVATION_LOCATION_CODE}/A`]: before[`${RESERVATION_LOCATION_CODE}/A`]! - 3 });
  });

  it('keepRest with nothing left to keep ships the order', async () => {
    const order = await confirmedOrder([{ productId: pb, quantity: 2 }]);
    const all = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id, lines: [{ productId: pb, quantity: 2 }], keepRest: true }));
    expect(all.order.status).toBe('shipped');
    expect(all.movements.map((m) => [m.reason, m.quantityDelta])).toEqual([['shipment', -2]]);
    expect((await inTenant((tx) => reservedForOrder(tx, order.id))).size).toBe(0);
  });

  it('a paid order keeps its items when the rest is released (the shortfall is refunded)', async () => {
    const order = await confirmedOrder([{ productId: pb, quantity: 2 }]);
    await inTenant((tx) => paySaleOrder(tx, { orderId: order.id }));
    const shipped = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id, lines: [{ productId: pb, quantity: 1 }] }));
    expect(shipped.order).toMatchObject({ status: 'shipped', totalCents: 200, paidCents: 200 });
    expect(shipped.items.map((i) => [i.productId, i.quantity])).toEqual([[pb, 2]]);
    const refunded = await inTenant((tx) => refundSaleOrder(tx, { orderId: order.id, amountCents: 100 }));
    expect(refunded.order.refundedCents).toBe(100);
  });
});
