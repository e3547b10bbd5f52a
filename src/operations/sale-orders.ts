// Sale order lifecycle with stock reservation: create (draft) and set its lines, confirm (reserve), fulfil in full or
// in part (ship from the reservation; release the rest or keep it for a later delivery), cancel
// (release); payment and refunds are in sale-order-payments.ts. A reservation is a pair
// of ledger rows moving the units from the order's location into the tenant's virtual RESERVED
// location, so the stock levels show what is free, the database's never-negative rule decides
// concurrent confirmations, and every unit's path stays in the append-only ledger.
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { NotFoundError, RuleViolationError } from '../errors.js';
import {
  inventoryLocations,
  inventoryOrderItems,
  inventoryOrders,
  inventoryProducts,
  stockMovements,
  type InventoryOrder,
  type InventoryOrderItem,
  type StockMovement,
} from '../schema/inventory.js';
import { parseInput } from '../validators/_fields.js';
import {
  createSaleOrderInput,
  fulfilSaleOrderInput,
  saleOrderActionInput,
  setSaleOrderLinesInput,
  type CreateSaleOrderInput,
  type SetSaleOrderLinesInput,
  type FulfilSaleOrderInput,
  type SaleOrderActionInput,
} from '../validators/sale-orders.js';
import { lockOrder, RESERVATION_LOCATION_CODE, writeMovements, type Line } from './inventory.js';
import { rowsOf, runOperation, type OperationDatabase, type OperationTransaction } from './_run.js';

/** A sale order with its items. */
export interface SaleOrder {
  order: InventoryOrder;
  items: InventoryOrderItem[];
}

/** A lifecycle step that moved stock: the order afterwards and the ledger rows written. */
export interface SaleOrderStockChange extends SaleOrder {
  movements: StockMovement[];
}

// The unit prices of active products of the tenant; refuses a product that is missing or inactive.
async function catalogPrices(tx: OperationTransaction, tenantId: string, ids: string[]): Promise<Map<string, number>> {
  const products = await tx
    .select({ id: inventoryProducts.id, price: inventoryProducts.unitPriceCents, isActive: inventoryProducts.isActive })
    .from(inventoryProducts)
    .where(and(eq(inventoryProducts.tenantId, tenantId), inArray(inventoryProducts.id, ids)));
  const byId = new Map(products.map((p) => [p.id, p]));
  for (const id of ids) {
    if (!byId.get(id)?.isActive) throw new NotFoundError(`Product ${id} does not exist in this tenant (or is inactive).`, 'inventory_products', id);
  }
  return new Map(products.map((p) => [p.id, p.price]));
}

/**
 * Creates a draft sale order with its items; unit prices default to the products' prices. Nothing
 * is reserved yet: a draft holds no stock.
 *
 * @example
 * ```ts
 * import { createSaleOrder } from '@stocksync/db/operations';
 * const { order } = await withTenant(db, tenantId, (tx) =>
 *   createSaleOrder(tx, { orderNumber: 'SO-1', buyerId, locationId, lines: [{ productId, quantity: 2 }] }));
 * ```
 */
export function createSaleOrder(db: OperationDatabase, input: CreateSaleOrderInput): Promise<SaleOrder> {
  const data = parseInput(createSaleOrderInput, input, 'createSaleOrder');
  return runOperation(db, 'createSaleOrder', async (tx, tenantId) => {
    const prices = await catalogPrices(tx, tenantId, data.lines.map((l) => l.productId));
    const { lines, ...header } = data;
    return insertSaleOrder(tx, tenantId, header, lines.map((l) => ({ ...l, unitPriceCents: l.unitPriceCents ?? prices.get(l.productId)! })));
  });
}

/** The terms of a new draft sale order (what createSaleOrder and createSaleOrderFromCart write). */
export interface SaleOrderHeader {
  orderNumber: string;
  buyerId: string;
  locationId: string;
  createdById?: string;
  currency?: string;
  notes?: string;
  expectedAt?: Date;
}

/** Inserts a draft sale order and its items (priced lines) and reads it back. */
export async function insertSaleOrder(
  tx: OperationTransaction,
  tenantId: string,
  header: SaleOrderHeader,
  lines: Array<{ productId: string; quantity: number; unitPriceCents: number }>,
): Promise<SaleOrder> {
  const { currency, ...terms } = header;
  const [order] = await tx
    .insert(inventoryOrders)
    .values({ tenantId, kind: 'sale', ...terms, ...(currency ? { currency } : {}) })
    .returning();
  await tx.insert(inventoryOrderItems).values(lines.map((l) => ({ tenantId, orderId: order!.id, ...l })));
  return reload(tx, tenantId, order!.id);
}

/**
 * Replaces the lines of a draft sale order (the draft is the order's cart): products left out are
 * removed, the others set to the given quantity and price (default: the product's price); the
 * total follows. Only a draft can change: confirm it once the lines are right.
 *
 * @example
 * ```ts
 * import { setSaleOrderLines } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => setSaleOrderLines(tx, { orderId, lines: [{ productId, quantity: 5 }] }));
 * ```
 */
export function setSaleOrderLines(db: OperationDatabase, input: SetSaleOrderLinesInput): Promise<SaleOrder> {
  const data = parseInput(setSaleOrderLinesInput, input, 'setSaleOrderLines');
  return runOperation(db, 'setSaleOrderLines', async (tx, tenantId) => {
    const { order } = await lockSaleOrder(tx, tenantId, data.orderId);
    if (order.status !== 'draft') throw new RuleViolationError(`Sale order ${order.orderNumber} is ${order.status}: only a draft's lines can change.`, 'inventory_order_items');
    const prices = await catalogPrices(tx, tenantId, data.lines.map((l) => l.productId));
    const ofOrder = and(eq(inventoryOrderItems.tenantId, tenantId), eq(inventoryOrderItems.orderId, order.id));
    await tx.delete(inventoryOrderItems).where(and(ofOrder, notInArray(inventoryOrderItems.productId, data.lines.map((l) => l.productId))));
    await tx
      .insert(inventoryOrderItems)
      .values(data.lines.map((l) => ({ tenantId, orderId: order.id, productId: l.productId, quantity: l.quantity, unitPriceCents: l.unitPriceCents ?? prices.get(l.productId)! })))
      .onConflictDoUpdate({
        target: [inventoryOrderItems.tenantId, inventoryOrderItems.orderId, inventoryOrderItems.productId],
        set: { quantity: sql`excluded.quantity`, unitPriceCents: sql`excluded.unit_price_cents` },
      });
    return reload(tx, tenantId, order.id);
  });
}

/** Reads a sale order and its items (by product) inside an operation. */
export async function reload(tx: OperationTransaction, tenantId: string, orderId: string): Promise<SaleOrder> {
  const [order] = await tx.select().from(inventoryOrders).where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, orderId)));
  const items = await tx
    .select()
    .from(inventoryOrderItems)
    .where(and(eq(inventoryOrderItems.tenantId, tenantId), eq(inventoryOrderItems.orderId, orderId)))
    .orderBy(asc(inventoryOrderItems.productId));
  return { order: order!, items };
}

/** Locks a sale order (row lock: lifecycle steps of one order run one at a time); refuses other kinds. */
export async function lockSaleOrder(tx: OperationTransaction, tenantId: string, orderId: string): Promise<SaleOrder> {
  const { order } = await lockOrder(tx, tenantId, orderId, 'sale');
  return reload(tx, tenantId, order.id);
}

// The tenant's RESERVED location, created on first use (the unique code makes concurrent creation safe).
async function reservationLocation(tx: OperationTransaction, tenantId: string): Promise<string> {
  await tx
    .insert(inventoryLocations)
    .values({ tenantId, code: RESERVATION_LOCATION_CODE, name: 'Reserved for confirmed sale orders', kind: 'virtual' })
    .onConflictDoNothing({ target: [inventoryLocations.tenantId, inventoryLocations.code] });
  const [row] = await tx
    .select({ id: inventoryLocations.id })
    .from(inventoryLocations)
    .where(and(eq(inventoryLocations.tenantId, tenantId), eq(inventoryLocations.code, RESERVATION_LOCATION_CODE)));
  return row!.id;
}

/**
 * Units an order holds in reservation, by product (the sum of its ledger rows at the reservation
 * location). Empty for an order that reserved nothing.
 *
 * @example
 * ```ts
 * import { reservedForOrder } from '@stocksync/db/operations';
 * const held = await withTenant(db, tenantId, (tx) => reservedForOrder(tx, orderId));
 * ```
 */
export function reservedForOrder(db: OperationDatabase, orderId: string): Promise<Map<string, number>> {
  return runOperation(db, 'reservedForOrder', (tx, tenantId) => reservedLines(tx, tenantId, orderId));
}

async function reservedLines(tx: OperationTransaction, tenantId: string, orderId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ product_id: string; held: number | string }>(
    await tx.execute(sql`select m.product_id::text as product_id, sum(m.quantity_delta) as held
      from ${stockMovements} m join ${inventoryLocations} l on l.tenant_id = m.tenant_id and l.id = m.location_id
      where m.tenant_id = ${tenantId} and m.order_id = ${orderId} and l.code = ${RESERVATION_LOCATION_CODE}
      group by m.product_id having sum(m.quantity_delta) <> 0 order by 1`),
  );
  return new Map(rows.map((r) => [r.product_id, Number(r.held)]));
}

// Moves lines between the order's location and the reservation location as transfer pairs, the
// source first (so a refusal for lack of stock happens before anything lands at the destination).
async function transfer(tx: OperationTransaction, tenantId: string, order: InventoryOrder, lines: Line[], from: string, to: string, createdById?: string) {
  if (lines.length === 0) return [];
  const meta = { orderId: order.id, reference: order.orderNumber, createdById };
  const out = await writeMovements(tx, tenantId, from, lines, 'transfer_out', meta);
  const into = await writeMovements(tx, tenantId, to, lines, 'transfer_in', meta);
  return [...out.movements, ...into.movements];
}

async function setStatus(tx: OperationTransaction, tenantId: string, orderId: string, values: Partial<InventoryOrder>) {
  await tx.update(inventoryOrders).set(values).where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, orderId)));
}

/**
 * Confirms a draft sale order and reserves its units: they leave the order's location for the
 * reservation location, all or nothing. When two orders compete for the last units, the database
 * serializes them on the stock level: one confirms, the other gets a {@link RuleViolationError}
 * (constraint `stock_levels_quantity_check`, SQLSTATE 23514), stays draft and reserves nothing.
 *
 * @example
 * ```ts
 * import { confirmSaleOrder } from '@stocksync/db/operations';
 * const { order } = await withTenant(db, tenantId, (tx) => confirmSaleOrder(tx, { orderId }));
 * ```
 */
export function confirmSaleOrder(db: OperationDatabase, input: SaleOrderActionInput): Promise<SaleOrderStockChange> {
  const data = parseInput(saleOrderActionInput, input, 'confirmSaleOrder');
  return runOperation(db, 'confirmSaleOrder', async (tx, tenantId) => {
    const { order, items } = await lockSaleOrder(tx, tenantId, data.orderId);
    if (order.status !== 'draft') throw new RuleViolationError(`Sale order ${order.orderNumber} is ${order.status}: only a draft can be confirmed.`, 'inventory_orders_status_transition_check');
    const reserved = await reservationLocation(tx, tenantId);
    const movements = await transfer(tx, tenantId, order, items, order.locationId, reserved, data.createdById);
    await setStatus(tx, tenantId, order.id, { status: 'confirmed' });
    return { ...(await reload(tx, tenantId, order.id)), movements };
  });
}

/**
 * Units of an order that left through `shipment` movements, by product (net of nothing: returns are
 * counted apart by `refundSaleOrder`).
 */
export async function shippedLines(tx: OperationTransaction, tenantId: string, orderId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ product_id: string; shipped: number | string }>(
    await tx.execute(sql`select product_id::text as product_id, -sum(quantity_delta) as shipped from ${stockMovements}
      where tenant_id = ${tenantId} and order_id = ${orderId} and reason = 'shipment' group by product_id order by 1`),
  );
  return new Map(rows.map((r) => [r.product_id, Number(r.shipped)]));
}

/**
 * Fulfils a confirmed sale order from its reservation: the shipped units leave as `shipment`
 * movements and the order becomes `shipped`. With `lines` (partial delivery) only those quantities
 * ship and a line left out ships nothing; asking for more than is reserved is refused. The rest of
 * the reservation then either goes back to the order's location (the default: an unpaid order's
 * items are reduced to what shipped and the total follows; a paid order's items stay as paid, refund
 * the shortfall) or, with `keepRest: true`, stays reserved and the order stays `confirmed` until a
 * later call ships the rest.
 *
 * @example
 * ```ts
 * import { fulfilSaleOrder } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => fulfilSaleOrder(tx, { orderId, lines: [{ productId, quantity: 1 }], keepRest: true }));
 * await withTenant(db, tenantId, (tx) => fulfilSaleOrder(tx, { orderId }));
 * ```
 */
export function fulfilSaleOrder(db: OperationDatabase, input: FulfilSaleOrderInput): Promise<SaleOrderStockChange> {
  const data = parseInput(fulfilSaleOrderInput, input, 'fulfilSaleOrder');
  return runOperation(db, 'fulfilSaleOrder', async (tx, tenantId) => {
    const { order, items } = await lockSaleOrder(tx, tenantId, data.orderId);
    if (order.status !== 'confirmed') throw new RuleViolationError(`Sale order ${order.orderNumber} is ${order.status}: only a confirmed order can be fulfilled.`, 'inventory_orders_status_transition_check');
    const held = await reservedLines(tx, tenantId, order.id);
    if (held.size === 0) throw new RuleViolationError(`Sale order ${order.orderNumber} holds no reservation: it was confirmed outside confirmSaleOrder; ship it with shipSaleOrder.`, 'inventory_orders_reservation');
    const wanted = new Map((data.lines ?? [...held].map(([productId, quantity]) => ({ productId, quantity }))).map((l) => [l.productId, l.quantity]));
    for (const [productId, quantity] of wanted) {
      if (quantity > (held.get(productId) ?? 0)) {
        throw new RuleViolationError(`Sale order ${order.orderNumber} reserved ${held.get(productId) ?? 0} of product ${productId}: it cannot ship ${quantity}.`, 'inventory_orders_reservation');
      }
    }
    const ship = [...held.keys()].map((productId) => ({ productId, quantity: wanted.get(productId) ?? 0 })).filter((l) => l.quantity > 0);
    const release = [...held].map(([productId, quantity]) => ({ productId, quantity: quantity - (wanted.get(productId) ?? 0) })).filter((l) => l.quantity > 0);
    // Shipping nothing is a way to close an order whose earlier deliveries were partial, never a first delivery.
    if (ship.length === 0 && (data.keepRest || (await shippedLines(tx, tenantId, order.id)).size === 0)) {
      throw new RuleViolationError(`Sale order ${order.orderNumber}: ship at least one unit, or cancel the order.`, 'inventory_orders_reservation');
    }
    const reserved = await reservationLocation(tx, tenantId);
    const meta = { orderId: order.id, reference: order.orderNumber, createdById: data.createdById };
    // Keeping a rest only makes sense while one is left: shipping everything reserved ships the order.
    if (data.keepRest && release.length > 0) {
      const shipped = await writeMovements(tx, tenantId, reserved, ship, 'shipment', meta);
      if (data.driverId) await setStatus(tx, tenantId, order.id, { driverId: data.driverId });
      return { ...(await reload(tx, tenantId, order.id)), movements: shipped.movements };
    }
    const released = await transfer(tx, tenantId, order, release, reserved, order.locationId, data.createdById);
    const shipped = ship.length ? (await writeMovements(tx, tenantId, reserved, ship, 'shipment', meta)).movements : [];
    // Items may change only until the order ships, and never once it is paid: reduce them to what shipped first.
    if (!order.paidAt) {
      for (const line of release) {
        const remaining = items.find((i) => i.productId === line.productId)!.quantity - line.quantity;
        const where = and(eq(inventoryOrderItems.tenantId, tenantId), eq(inventoryOrderItems.orderId, order.id), eq(inventoryOrderItems.productId, line.productId));
        if (remaining === 0) await tx.delete(inventoryOrderItems).where(where);
        else await tx.update(inventoryOrderItems).set({ quantity: remaining }).where(where);
      }
    }
    await setStatus(tx, tenantId, order.id, { status: 'shipped', ...(data.driverId ? { driverId: data.driverId } : {}) });
    return { ...(await reload(tx, tenantId, order.id)), movements: [...released, ...shipped] };
  });
}

/**
 * Cancels a draft or confirmed sale order; a confirmed order's reservation goes back to its
 * location. A shipped or delivered order cannot be cancelled (the database refuses the transition:
 * {@link RuleViolationError} `inventory_orders_status_transition_check`), nor can one with units
 * already shipped by a partial delivery (fulfil it, releasing the rest), nor a paid one until it is
 * refunded in full (`inventory_orders_cancel_paid_check`).
 *
 * @example
 * ```ts
 * import { cancelSaleOrder } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => cancelSaleOrder(tx, { orderId }));
 * ```
 */
export function cancelSaleOrder(db: OperationDatabase, input: SaleOrderActionInput): Promise<SaleOrderStockChange> {
  const data = parseInput(saleOrderActionInput, input, 'cancelSaleOrder');
  return runOperation(db, 'cancelSaleOrder', async (tx, tenantId) => {
    const { order } = await lockSaleOrder(tx, tenantId, data.orderId);
    if (order.status === 'confirmed' && (await shippedLines(tx, tenantId, order.id)).size > 0) {
      throw new RuleViolationError(`Sale order ${order.orderNumber} has shipped units: close it with fulfilSaleOrder, which releases what did not ship.`, 'inventory_orders_reservation');
    }
    const held = await reservedLines(tx, tenantId, order.id);
    const lines = [...held].map(([productId, quantity]) => ({ productId, quantity }));
    const movements = lines.length ? await transfer(tx, tenantId, order, lines, await reservationLocation(tx, tenantId), order.locationId, data.createdById) : [];
    await setStatus(tx, tenantId, order.id, { status: 'cancelled' });
    return { ...(await reload(tx, tenantId, order.id)), movements };
  });
}
