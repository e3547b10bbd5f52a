// Inventory operations: receive and ship stock through the ledger, and move purchase and sale
// orders through receiving, shipping and delivery.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { NotFoundError, RuleViolationError } from '../errors.js';
import {
  inventoryLocations,
  inventoryOrderItems,
  inventoryOrders,
  stockLevels,
  stockMovements,
  type InventoryOrder,
  type StockLevel,
  type StockMovement,
} from '../schema/inventory.js';
import { parseInput } from '../validators/_fields.js';
import {
  inventoryOrderActionInput,
  stockLinesInput,
  type InventoryOrderActionInput,
  type StockLinesInput,
} from '../validators/inventory.js';
import { runOperation, type OperationDatabase, type OperationTransaction } from './_run.js';

/** Code of the virtual location that holds each tenant's reserved units (created on first use by `confirmSaleOrder`). */
export const RESERVATION_LOCATION_CODE = 'RESERVED';

/** What a stock operation wrote: the ledger rows and the resulting stock levels. */
export interface StockChange {
  movements: StockMovement[];
  levels: StockLevel[];
}

/** A stock change made for an inventory order, with the order as it is afterwards. */
export interface OrderStockChange extends StockChange {
  order: InventoryOrder;
}

/** One product and a positive quantity. */
export interface Line {
  productId: string;
  quantity: number;
}

/** Writes one ledger row per line (sorted by product, one statement) and returns them with the levels. */
export async function writeMovements(
  tx: OperationTransaction,
  tenantId: string,
  locationId: string,
  lines: readonly Line[],
  reason: 'receipt' | 'shipment' | 'transfer_in' | 'transfer_out' | 'return',
  meta: { orderId?: string; reference?: string; note?: string; createdById?: string },
): Promise<StockChange> {
  // One statement, rows sorted by product: concurrent writers lock stock levels in the same order.
  const sorted = [...lines].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  const movements = await tx
    .insert(stockMovements)
    .values(
      sorted.map((line) => ({
        tenantId,
        productId: line.productId,
        locationId,
        quantityDelta: reason === 'receipt' || reason === 'transfer_in' || reason === 'return' ? line.quantity : -line.quantity,
        reason,
        orderId: meta.orderId,
        reference: meta.reference,
        note: meta.note,
        createdById: meta.createdById,
      })),
    )
    .returning();
  const levels = await tx
    .select()
    .from(stockLevels)
    .where(
      and(
        eq(stockLevels.tenantId, tenantId),
        eq(stockLevels.locationId, locationId),
        inArray(
          stockLevels.productId,
          sorted.map((l) => l.productId),
        ),
      ),
    )
    .orderBy(asc(stockLevels.productId));
  return { movements, levels };
}

/**
 * Receives stock into a location: one `receipt` movement per line; the stock levels follow.
 *
 * @example
 * ```ts
 * import { receiveStock } from '@stocksync/db/operations';
 * import { withTenant } from '@stocksync/db/tenancy';
 * const { levels } = await withTenant(db, tenantId, (tx) =>
 *   receiveStock(tx, { locationId, lines: [{ productId, quantity: 10 }] }));
 * ```
 */
export function receiveStock(db: OperationDatabase, input: StockLinesInput): Promise<StockChange> {
  const data = parseInput(stockLinesInput, input, 'receiveStock');
  return runOperation(db, 'receiveStock', (tx, tenantId) =>
    writeMovements(tx, tenantId, data.locationId, data.lines, 'receipt', data),
  );
}

/**
 * Ships stock out of a location: one `shipment` movement per line. Throws RuleViolationError
 * (SQLSTATE 23514) and writes nothing when a line would take stock below zero at a location
 * without backorders.
 *
 * @example
 * ```ts
 * import { shipStock } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => shipStock(tx, { locationId, lines: [{ productId, quantity: 2 }] }));
 * ```
 */
export function shipStock(db: OperationDatabase, input: StockLinesInput): Promise<StockChange> {
  const data = parseInput(stockLinesInput, input, 'shipStock');
  return runOperation(db, 'shipStock', (tx, tenantId) =>
    writeMovements(tx, tenantId, data.locationId, data.lines, 'shipment', data),
  );
}

/** Locks an inventory order of the given kind and reads its items; refuses an order without items. */
export async function lockOrder(tx: OperationTransaction, tenantId: string, orderId: string, kind: 'purchase' | 'sale') {
  const [order] = await tx
    .select()
    .from(inventoryOrders)
    .where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, orderId)))
    .for('update');
  if (!order) throw new NotFoundError(`Inventory order ${orderId} does not exist in this tenant.`, 'inventory_orders', orderId);
  if (order.kind !== kind) {
    throw new RuleViolationError(`Inventory order ${order.orderNumber} is a ${order.kind} order, not a ${kind} order.`, 'inventory_orders_kind_check');
  }
  const items = await tx
    .select({ productId: inventoryOrderItems.productId, quantity: inventoryOrderItems.quantity })
    .from(inventoryOrderItems)
    .where(and(eq(inventoryOrderItems.tenantId, tenantId), eq(inventoryOrderItems.orderId, orderId)));
  if (items.length === 0) {
    throw new RuleViolationError(`Inventory order ${order.orderNumber} has no items: add items first.`, 'inventory_order_items');
  }
  return { order, items };
}

/**
 * Receives a confirmed purchase order: its items go into the order's location as `receipt`
 * movements and the order becomes `received`, all or nothing.
 *
 * @example
 * ```ts
 * import { receivePurchaseOrder } from '@stocksync/db/operations';
 * const { order } = await withTenant(db, tenantId, (tx) => receivePurchaseOrder(tx, { orderId }));
 * ```
 */
export function receivePurchaseOrder(db: OperationDatabase, input: InventoryOrderActionInput): Promise<OrderStockChange> {
  const data = parseInput(inventoryOrderActionInput, input, 'receivePurchaseOrder');
  return runOperation(db, 'receivePurchaseOrder', async (tx, tenantId) => {
    const { order, items } = await lockOrder(tx, tenantId, data.orderId, 'purchase');
    const [updated] = await tx
      .update(inventoryOrders)
      .set({ status: 'received' })
      .where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, order.id)))
      .returning();
    const change = await writeMovements(tx, tenantId, order.locationId, items, 'receipt', {
      orderId: order.id,
      reference: order.orderNumber,
      createdById: data.createdById,
    });
    return { ...change, order: updated! };
  });
}

/**
 * Ships a confirmed sale order: its items leave the order's location as `shipment` movements, the
 * driver (if given) is assigned and the order becomes `shipped`, all or nothing.
 *
 * @example
 * ```ts
 * import { shipSaleOrder } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => shipSaleOrder(tx, { orderId, driverId }));
 * ```
 */
export function shipSaleOrder(db: OperationDatabase, input: InventoryOrderActionInput): Promise<OrderStockChange> {
  const data = parseInput(inventoryOrderActionInput, input, 'shipSaleOrder');
  return runOperation(db, 'shipSaleOrder', async (tx, tenantId) => {
    const { order, items } = await lockOrder(tx, tenantId, data.orderId, 'sale');
    // An order confirmed by confirmSaleOrder holds its units in reservation: shipping them again from
    // the location would take them twice.
    const [reserved] = await tx
      .select({ id: stockMovements.id })
      .from(stockMovements)
      .innerJoin(inventoryLocations, and(eq(inventoryLocations.tenantId, stockMovements.tenantId), eq(inventoryLocations.id, stockMovements.locationId)))
      .where(and(eq(stockMovements.tenantId, tenantId), eq(stockMovements.orderId, order.id), eq(inventoryLocations.code, RESERVATION_LOCATION_CODE)))
      .limit(1);
    if (reserved) {
      throw new RuleViolationError(`Sale order ${order.orderNumber} holds a reservation: ship it with fulfilSaleOrder.`, 'inventory_orders_reservation');
    }
    const [updated] = await tx
      .update(inventoryOrders)
      .set({ status: 'shipped', ...(data.driverId ? { driverId: data.driverId } : {}) })
      .where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, order.id)))
      .returning();
    const change = await writeMovements(tx, tenantId, order.locationId, items, 'shipment', {
      orderId: order.id,
      reference: order.orderNumber,
      createdById: data.createdById,
    });
    return { ...change, order: updated! };
  });
}

/**
 * Marks a shipped sale order delivered (by its driver).
 *
 * @example
 * ```ts
 * import { deliverSaleOrder } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => deliverSaleOrder(tx, { orderId }));
 * ```
 */
export function deliverSaleOrder(db: OperationDatabase, input: InventoryOrderActionInput): Promise<InventoryOrder> {
  const data = parseInput(inventoryOrderActionInput, input, 'deliverSaleOrder');
  return runOperation(db, 'deliverSaleOrder', async (tx, tenantId) => {
    const [updated] = await tx
      .update(inventoryOrders)
      .set({ status: 'delivered' })
      .where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, data.orderId), eq(inventoryOrders.kind, 'sale')))
      .returning();
    if (!updated) throw new NotFoundError(`Sale order ${data.orderId} does not exist in this tenant.`, 'inventory_orders', data.orderId);
    return updated;
  });
}
