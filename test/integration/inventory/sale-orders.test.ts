// The sale order lifecycle with reservations, run as the application role inside withTenant:
// create, set a draft's lines, confirm (reserve), fulfil in full or in part, deliver, cancel (release), and two orders
// racing for the last unit (exactly one confirms, the other gets a typed error, stock never negative).
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../src/connection.js';
import {
  RESERVATION_LOCATION_CODE,
  RuleViolationError,
  ValidationError,
  cancelSaleOrder,
  confirmSaleOrder,
  createSaleOrder,
  deliverSaleOrder,
  fulfilSaleOrder,
  receiveStock,
  reservedForOrder,
  setSaleOrderLines,
  shipSaleOrder,
  NotFoundError,
} from '../../../src/operations/index.js';
import { buyers, inventoryLocations, inventoryOrders, inventoryProducts, stockLevels } from '../../../src/schema/index.js';
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
let last: string;
let orderSeq = 0;

const inTenant = <T>(fn: (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>) => withTenant(app.db, tenantId, fn as never) as Promise<T>;
const newOrder = (lines: Array<{ productId: string; quantity: number }>) =>
  inTenant((tx) => createSaleOrder(tx, { orderNumber: `SO-${++orderSeq}`, buyerId, locationId: main, lines }));

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

async function ledgerHolds(): Promise<void> {
  const drift = await t.db.execute(sql`select * from stocksync_stock_level_drift()`);
  expect((drift as unknown as { rows: unknown[] }).rows).toEqual([]);
  const negative = await t.db.execute(sql`select count(*)::int as n from stock_levels where quantity < 0`);
  expect((negative as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`insert into tenants (id, name, slug, email) values (${tenantId}, 'Sales', 'sale-orders', 'ops@sales.test')`);
  const [l] = await t.db.insert(inventoryLocations).values({ tenantId, code: 'MAIN', name: 'Main' }).returning();
  const [b] = await t.db.insert(buyers).values({ tenantId, name: 'Buyer' }).returning();
  const ps = await t.db
    .insert(inventoryProducts)
    .values([
      { tenantId, sku: 'A', name: 'A', unitPriceCents: 250 },
      { tenantId, sku: 'B', name: 'B', unitPriceCents: 100 },
      { tenantId, sku: 'LAST', name: 'Last unit', unitPriceCents: 999 },
    ])
    .returning();
  [main, buyerId, pa, pb, last] = [l!.id, b!.id, ps[0]!.id, ps[1]!.id, ps[2]!.id];
  // The service role, as a service connects: RLS applies to every statement below.
  app = await openDatabase({ url: t.serviceUrl, max: 4 });
  await inTenant((tx) => receiveStock(tx, { locationId: main, lines: [{ productId: pa, quantity: 10 }, { productId: pb, quantity: 5 }, { productId: last, quantity: 1 }] }));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('sale order lifecycle', () => {
  it('creates a draft at catalog prices, confirms it by reserving its units, and cancels it releasing them', async () => {
    const created = await newOrder([{ productId: pa, quantity: 3 }, { productId: pb, quantity: 2 }]);
    expect(created.order).toMatchObject({ kind: 'sale', status: 'draft', totalCents: 3 * 250 + 2 * 100 });
    expect(created.items.map((i) => [i.productId, i.quantity, i.unitPriceCents])).toEqual(
      [[pa, 3, 250], [pb, 2, 100]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(await stock()).toMatchObject({ 'MAIN/A': 10, 'MAIN/B': 5 });

    const confirmed = await inTenant((tx) => confirmSaleOrder(tx, { orderId: created.order.id }));
    expect(confirmed.order.status).toBe('confirmed');
    expect(confirmed.movements.map((m) => [m.reason, m.quantityDelta]).sort()).toEqual([
      ['transfer_in', 2], ['transfer_in', 3], ['transfer_out', -2], ['transfer_out', -3],
    ]);
    expect(await stock()).toMatchObject({ 'MAIN/A': 7, 'MAIN/B': 3, [`${RESERVATION_LOCATION_CODE}/A`]: 3, [`${RESERVATION_LOCATION_CODE}/B`]: 2 });
    expect(Object.fromEntries(await inTenant((tx) => reservedForOrder(tx, created.order.id)))).toEqual({ [pa]: 3, [pb]: 2 });

    const again = await inTenant((tx) => confirmSaleOrder(tx, { orderId: created.order.id })).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RuleViolationError);
    expect((again as Error).message).toMatch(/is confirmed: only a draft can be confirmed/);

    const cancelled = await inTenant((tx) => cancelSaleOrder(tx, { orderId: created.order.id }));
    expect(cancelled.order.status).toBe('cancelled');
    expect(await stock()).toMatchObject({ 'MAIN/A': 10, 'MAIN/B': 5, [`${RESERVATION_LOCATION_CODE}/A`]: 0, [`${RESERVATION_LOCATION_CODE}/B`]: 0 });
    expect((await inTenant((tx) => reservedForOrder(tx, created.order.id))).size).toBe(0);
    await ledgerHolds();
  });

  it('fulfils part of an order: ships what was asked from the reservation, returns the rest, reduces the items', async () => {
    const { order } = await newOrder([{ productId: pa, quantity: 3 }, { productId: pb, quantity: 2 }]);
    await inTenant((tx) => confirmSaleOrder(tx, { orderId: order.id }));

    const tooMany = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id, lines: [{ productId: pa, quantity: 4 }] })).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(RuleViolationError);
    expect((tooMany as RuleViolationError).constraint).toBe('inventory_orders_reservation');
    const twice = await inTenant((tx) => shipSaleOrder(tx, { orderId: order.id })).catch((e: unknown) => e);
    expect((twice as Error).message).toMatch(/holds a reservation: ship it with fulfilSaleOrder/);

    const shipped = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id, lines: [{ productId: pa, quantity: 2 }] }));
    expect(shipped.order).toMatchObject({ status: 'shipped', totalCents: 2 * 250 });
    expect(shipped.order.shippedAt).toBeInstanceOf(Date);
    expect(shipped.items.map((i) => [i.productId, i.quantity])).toEqual([[pa, 2]]);
    expect(shipped.movements.map((m) => [m.reason, m.productId, m.quantityDelta])).toEqual(
      expect.arrayContaining([['transfer_out', pa, -1], ['transfer_in', pa, 1], ['transfer_out', pb, -2], ['transfer_in', pb, 2], ['shipment', pa, -2]]),
    );
    expect(shipped.movements).toHaveLength(5);
    expect(await stock()).toMatchObject({ 'MAIN/A': 8, 'MAIN/B': 5, [`${RESERVATION_LOCATION_CODE}/A`]: 0, [`${RESERVATION_LOCATION_CODE}/B`]: 0 });

    const delivered = await inTenant((tx) => deliverSaleOrder(tx, { orderId: order.id }));
    expect(delivered.status).toBe('delivered');
    const late = await inTenant((tx) => cancelSaleOrder(tx, { orderId: order.id })).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(RuleViolationError);
    expect((late as RuleViolationError).constraint).toBe('inventory_orders_status_transition_check');
    await ledgerHolds();
  });

  it('fulfils a whole order and refuses bad input before any query', async () => {
    const { order } = await newOrder([{ productId: pb, quantity: 1 }]);
    await inTenant((tx) => confirmSaleOrder(tx, { orderId: order.id }));
    const shipped = await inTenant((tx) => fulfilSaleOrder(tx, { orderId: order.id }));
    expect(shipped.order.status).toBe('shipped');
    expect(shipped.movements.map((m) => [m.reason, m.quantityDelta])).toEqual([['shipment', -1]]);
    expect(await stock()).toMatchObject({ 'MAIN/B': 4, [`${RESERVATION_LOCATION_CODE}/B`]: 0 });
    await expect(inTenant((tx) => createSaleOrder(tx, { orderNumber: 'SO-X', buyerId, locationId: main, lines: [{ productId: pa, quantity: 0 }] }))).rejects.toBeInstanceOf(ValidationError);
    await expect(
      inTenant((tx) => createSaleOrder(tx, { orderNumber: 'SO-Y', buyerId, locationId: main, lines: [{ productId: pa, quantity: 1 }, { productId: pa, quantity: 2 }] })),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('two orders for the last unit: exactly one confirms, the other gets a typed error and stays draft', async () => {
    const first = await newOrder([{ productId: last, quantity: 1 }]);
    const second = await newOrder([{ productId: last, quantity: 1 }]);
    let sawWaiter = false;
    let firstConfirmed!: () => void;
    const confirmedOnce = new Promise<void>((resolve) => (firstConfirmed = resolve));
    // A confirms and holds its transaction open until B is waiting on the same stock level.
    const a = inTenant(async (tx) => {
      const result = await confirmSaleOrder(tx, { orderId: first.order.id });
      firstConfirmed();
      for (let i = 0; i < 200; i++) {
        const waiting = await t.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        if ((waiting as unknown as { rows: Array<{ n: number }> }).rows[0]!.n > 0) {
          sawWaiter = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return result;
    });
    await confirmedOnce;
    const b = inTenant((tx) => confirmSaleOrder(tx, { orderId: second.order.id }));
    const [ra, rb] = await Promise.allSettled([a, b]);
    expect(sawWaiter).toBe(true); // B really ran while A held the unit
    expect(ra.status).toBe('fulfilled');
    expect(rb.status).toBe('rejected');
    const error = (rb as PromiseRejectedResult).reason as RuleViolationError;
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.constraint).toBe('stock_levels_quantity_check');
    expect(error.sqlState).toBe('23514');

    const statuses = await t.db.select({ id: inventoryOrders.id, status: inventoryOrders.status }).from(inventoryOrders).where(eq(inventoryOrders.tenantId, tenantId));
    const byId = Object.fromEntries(statuses.map((s) => [s.id, s.status]));
    expect([byId[first.order.id], byId[second.order.id]]).toEqual(['confirmed', 'draft']);
    expect(await stock()).toMatchObject({ 'MAIN/LAST': 0, [`${RESERVATION_LOCATION_CODE}/LAST`]: 1 });
    expect((await inTenant((tx) => reservedForOrder(tx, second.order.id))).size).toBe(0);
    await ledgerHolds();
  });
  it('sets the lines of a draft (its cart): changes, adds and removes items, the total follows; only a draft', async () => {
    const before = await stock();
    const { order } = await newOrder([{ productId: pa, quantity: 1 }, { productId: pb, quantity: 4 }]);
    const set = await inTenant((tx) => setSaleOrderLines(tx, { orderId: order.id, lines: [{ productId: pa, quantity: 2 }, { productId: last, quantity: 1, unitPriceCents: 500 }] }));
    expect(set.order).toMatchObject({ status: 'draft', totalCents: 2 * 250 + 500 });
    expect(set.items.map((i) => [i.productId, i.quantity, i.unitPriceCents])).toEqual(
      [[pa, 2, 250], [last, 1, 500]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(await stock()).toEqual(before); // a draft holds no stock

    const missing = uuidv7();
    const unknown = await inTenant((tx) => setSaleOrderLines(tx, { orderId: order.id, lines: [{ productId: missing, quantity: 1 }] })).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);
    await expect(inTenant((tx) => setSaleOrderLines(tx, { orderId: order.id, lines: [] }))).rejects.toBeInstanceOf(ValidationError);
    expect((await inTenant((tx) => setSaleOrderLines(tx, { orderId: order.id, lines: [{ productId: pb, quantity: 1 }] }))).items.map((i) => [i.productId, i.quantity])).toEqual([[pb, 1]]);

    await inTenant((tx) => confirmSaleOrder(tx, { orderId: order.id }));
    const late = (await inTenant((tx) => setSaleOrderLines(tx, { orderId: order.id, lines: [{ productId: pb, quantity: 2 }] })).catch((e: unknown) => e)) as RuleViolationError;
    expect(late).toBeInstanceOf(RuleViolationError);
    expect(late.message).toMatch(/is confirmed: only a draft's lines can change/);
    expect(Object.fromEntries(await inTenant((tx) => reservedForOrder(tx, order.id)))).toEqual({ [pb]: 1 });
    await inTenant((tx) => cancelSaleOrder(tx, { orderId: order.id }));
    expect(await stock()).toEqual(before);
    await ledgerHolds();
  });
});
