// Inventory operations inside withTenant: typed results, validation before any query, and nothing
// half-written when a rule refuses a step in the middle.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NotFoundError,
  RuleViolationError,
  TenantContextMissingError,
  ValidationError,
  deliverSaleOrder,
  receivePurchaseOrder,
  receiveStock,
  shipSaleOrder,
  shipStock,
} from '../../../src/operations/index.js';
import { inventoryLocations, inventoryOrderItems, inventoryOrders, inventoryProducts, stockLevels, stockMovements, suppliers, buyers } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { and, eq } from 'drizzle-orm';

let t: TestDatabase;
let tenantId: string;
let locationId: string;
let p1: string;
let p2: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const res = await t.db.execute(sql`insert into tenants (name, slug, email) values ('Ops', 'inv-ops', 'ops@inv.test') returning id`);
  tenantId = (res as unknown as { rows: Array<{ id: string }> }).rows[0]!.id;
  await withTenant(t.db, tenantId, async (tx) => {
    const [l] = await tx.insert(inventoryLocations).values({ tenantId, code: 'MAIN', name: 'Main warehouse' }).returning();
    const ps = await tx
      .insert(inventoryProducts)
      .values([
        { tenantId, sku: 'A', name: 'Product A' },
        { tenantId, sku: 'B', name: 'Product B' },
      ])
      .returning();
    locationId = l!.id;
    p1 = ps[0]!.id;
    p2 = ps[1]!.id;
  });
});
afterAll(async () => {
  await t?.drop();
});

const levelOf = (productId: string) =>
  withTenant(t.db, tenantId, async (tx) => {
    const [row] = await tx.select().from(stockLevels).where(and(eq(stockLevels.productId, productId), eq(stockLevels.locationId, locationId)));
    return row?.quantity;
  });

describe('receiveStock / shipStock', () => {
  it('writes ledger rows and returns typed movements and levels', async () => {
    const change = await withTenant(t.db, tenantId, (tx) =>
      receiveStock(tx, { locationId, lines: [{ productId: p2, quantity: 4 }, { productId: p1, quantity: 10 }], reference: 'PO-0' }),
    );
    expect(change.movements).toHaveLength(2);
    expect(change.movements[0]!.createdAt).toBeInstanceOf(Date);
    expect(change.movements.map((m) => m.reason)).toEqual(['receipt', 'receipt']);
    expect(change.levels.map((l) => [l.productId, l.quantity]).sort()).toEqual([[p1, 10], [p2, 4]].sort());
    const shipped = await withTenant(t.db, tenantId, (tx) => shipStock(tx, { locationId, lines: [{ productId: p1, quantity: 3 }] }));
    expect(shipped.movements[0]!.quantityDelta).toBe(-3);
    expect(shipped.levels[0]!.quantity).toBe(7);
  });

  it('validates input before touching the database (ValidationError with field paths)', async () => {
    const err = await withTenant(t.db, tenantId, (tx) =>
      shipStock(tx, { locationId, lines: [{ productId: p1, quantity: 0 }, { productId: p1, quantity: 1 }] }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const paths = (err as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['lines.0.quantity', 'lines.1.productId']);
  });

  it('refuses running without a tenant context', async () => {
    await expect(receiveStock(t.db, { locationId, lines: [{ productId: p1, quantity: 1 }] })).rejects.toBeInstanceOf(TenantContextMissingError);
  });

  it('writes nothing when one line would go negative, and the caller\'s transaction goes on (savepoint)', async () => {
    const before = [await levelOf(p1), await levelOf(p2)];
    await withTenant(t.db, tenantId, async (tx) => {
      const err = await shipStock(tx, { locationId, lines: [{ productId: p1, quantity: 1 }, { productId: p2, quantity: 99 }] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RuleViolationError);
      expect((err as RuleViolationError).sqlState).toBe('23514');
      expect((err as RuleViolationError).constraint).toBe('stock_levels_quantity_check');
      // Same transaction, after the failure: still usable, and the first line was not kept.
      await receiveStock(tx, { locationId, lines: [{ productId: p2, quantity: 1 }] });
    });
    expect([await levelOf(p1), await levelOf(p2)]).toEqual([before[0], before[1]! + 1]);
  });
});

describe('order operations', () => {
  async function makeOrder(kind: 'purchase' | 'sale', number: string, status: 'draft' | 'confirmed', lines: Array<[string, number]>) {
    return withTenant(t.db, tenantId, async (tx) => {
      const party =
        kind === 'purchase'
          ? { supplierId: (await tx.insert(suppliers).values({ tenantId, name: `Supplier ${number}` }).returning())[0]!.id }
          : { buyerId: (await tx.insert(buyers).values({ tenantId, name: `Buyer ${number}` }).returning())[0]!.id };
      const [o] = await tx.insert(inventoryOrders).values({ tenantId, orderNumber: number, kind, locationId, ...party }).returning();
      await tx.insert(inventoryOrderItems).values(lines.map(([productId, quantity]) => ({ tenantId, orderId: o!.id, productId, quantity, unitPriceCents: 100 })));
      if (status === 'confirmed') await tx.update(inventoryOrders).set({ status: 'confirmed' }).where(eq(inventoryOrders.id, o!.id));
      return o!.id;
    });
  }

  it('receives a confirmed purchase order into stock and marks it received', async () => {
    const before = await levelOf(p1);
    const orderId = await makeOrder('purchase', 'PO-1', 'confirmed', [[p1, 5]]);
    const { order, movements } = await withTenant(t.db, tenantId, (tx) => receivePurchaseOrder(tx, { orderId }));
    expect(order.status).toBe('received');
    expect(order.receivedAt).toBeInstanceOf(Date);
    expect(movements.map((m) => [m.orderId, m.quantityDelta, m.reference])).toEqual([[orderId, 5, 'PO-1']]);
    expect(await levelOf(p1)).toBe(before! + 5);
  });

  it('refuses receiving a draft order (23514) and a sale order; writes no stock', async () => {
    const before = await levelOf(p1);
    const draft = await makeOrder('purchase', 'PO-2', 'draft', [[p1, 5]]);
    const err = await withTenant(t.db, tenantId, (tx) => receivePurchaseOrder(tx, { orderId: draft })).catch((e: unknown) => e);
    expect((err as RuleViolationError).sqlState).toBe('23514');
    const sale = await makeOrder('sale', 'SO-X', 'confirmed', [[p1, 1]]);
    await expect(withTenant(t.db, tenantId, (tx) => receivePurchaseOrder(tx, { orderId: sale }))).rejects.toBeInstanceOf(RuleViolationError);
    await expect(
      withTenant(t.db, tenantId, (tx) => receivePurchaseOrder(tx, { orderId: '01900000-0000-7000-8000-000000000000' })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await levelOf(p1)).toBe(before);
  });

  it('ships a sale order; a shortage after the status change leaves the order confirmed and stock untouched', async () => {
    const short = await makeOrder('sale', 'SO-SHORT', 'confirmed', [[p1, 1], [p2, 10_000]]);
    const before = [await levelOf(p1), await levelOf(p2)];
    // Inside one tenant transaction: the operation's savepoint undoes its status change, the caller goes on.
    const still = await withTenant(t.db, tenantId, async (tx) => {
      const err = await shipSaleOrder(tx, { orderId: short }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RuleViolationError);
      return (await tx.select().from(inventoryOrders).where(eq(inventoryOrders.id, short)))[0];
    });
    expect(still!.status).toBe('confirmed');
    expect(still!.shippedAt).toBeNull();
    expect([await levelOf(p1), await levelOf(p2)]).toEqual(before);
    const moved = await withTenant(t.db, tenantId, (tx) => tx.select().from(stockMovements).where(eq(stockMovements.orderId, short)));
    expect(moved).toEqual([]);

    const ok = await makeOrder('sale', 'SO-OK', 'confirmed', [[p1, 2]]);
    const shipped = await withTenant(t.db, tenantId, (tx) => shipSaleOrder(tx, { orderId: ok }));
    expect(shipped.order.status).toBe('shipped');
    expect(shipped.levels[0]!.quantity).toBe(before[0]! - 2);
    const delivered = await withTenant(t.db, tenantId, (tx) => deliverSaleOrder(tx, { orderId: ok }));
    expect(delivered.status).toBe('delivered');
    expect(delivered.deliveredAt).toBeInstanceOf(Date);
  });
});
