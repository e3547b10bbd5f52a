// Inventory validators: drizzle-zod schemas for every inventory table with the database rules
// mirrored, and the inputs of the inventory operations (receive and ship stock).
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import {
  INBOUND_STOCK_REASONS,
  OUTBOUND_STOCK_REASONS,
  buyers,
  drivers,
  inventoryLocations,
  inventoryOrderItems,
  inventoryOrders,
  inventoryProducts,
  stockLevels,
  stockMovements,
  suppliers,
} from '../schema/inventory.js';
import { cents, currencyCode, positiveQuantity, uuidString } from './_fields.js';
import { wireSchemaOf, type Paginated, type Wire } from './_shared.js';
import type { InventoryProduct, InventoryLocation, Supplier, Buyer, DeliveryDriver, InventoryOrder, InventoryOrderItem, StockLevel, StockMovement } from '../schema/inventory.js';

const nonBlank = (s: z.ZodString) => s.trim().min(1, 'Must not be blank');
const productRefine = {
  sku: nonBlank,
  name: nonBlank,
  unitPriceCents: () => cents,
  reorderPoint: () => cents,
  currency: () => currencyCode,
};

/** Inventory product: select schema. */
export const inventoryProductSelectSchema = createSelectSchema(inventoryProducts);
/**
 * Inventory product: insert schema (non-blank sku and name, non-negative cents, ISO 4217 currency).
 *
 * @example
 * ```ts
 * import { inventoryProductInsertSchema } from '@stocksync/db/validators';
 * inventoryProductInsertSchema.parse({ tenantId, sku: 'BOLT-M8', name: 'Bolt M8' });
 * ```
 */
export const inventoryProductInsertSchema = insertSchemaOf(inventoryProducts, productRefine);
/** Inventory product: update schema (every field optional). */
export const inventoryProductUpdateSchema = updateSchemaOf(inventoryProducts, productRefine);

const locationRefine = { code: nonBlank, name: nonBlank };
/** Inventory location: select schema. */
export const inventoryLocationSelectSchema = createSelectSchema(inventoryLocations);
/** Inventory location: insert schema. */
export const inventoryLocationInsertSchema = insertSchemaOf(inventoryLocations, locationRefine);
/** Inventory location: update schema. */
export const inventoryLocationUpdateSchema = updateSchemaOf(inventoryLocations, locationRefine);

const partyRefine = { name: nonBlank, email: (s: z.ZodString) => s.email() };
/** Supplier: select schema. */
export const supplierSelectSchema = createSelectSchema(suppliers);
/** Supplier: insert schema. */
export const supplierInsertSchema = insertSchemaOf(suppliers, partyRefine);
/** Supplier: update schema. */
export const supplierUpdateSchema = updateSchemaOf(suppliers, partyRefine);
/** Buyer: select schema. */
export const buyerSelectSchema = createSelectSchema(buyers);
/** Buyer: insert schema. */
export const buyerInsertSchema = insertSchemaOf(buyers, partyRefine);
/** Buyer: update schema. */
export const buyerUpdateSchema = updateSchemaOf(buyers, partyRefine);
/** Driver: select schema. */
export const driverSelectSchema = createSelectSchema(drivers);
/** Driver: insert schema. */
export const driverInsertSchema = insertSchemaOf(drivers, { name: nonBlank });
/** Driver: update schema. */
export const driverUpdateSchema = updateSchemaOf(drivers, { name: nonBlank });

/** Allowed status moves of an inventory order (the database trigger enforces the same table). */
export const INVENTORY_ORDER_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['draft', 'cancelled', 'received', 'shipped'],
  shipped: ['delivered'],
  delivered: [],
  received: [],
  cancelled: [],
};

/**
 * True when an inventory order may move from `from` to `to` (staying put is always allowed).
 *
 * @example
 * ```ts
 * import { canTransitionInventoryOrder } from '@stocksync/db/validators';
 * canTransitionInventoryOrder('shipped', 'delivered'); // true
 * ```
 */
export function canTransitionInventoryOrder(from: string, to: string): boolean {
  return from === to || (INVENTORY_ORDER_TRANSITIONS[from] ?? []).includes(to);
}

function checkOrderParties(
  v: { kind?: string; supplierId?: string | null; buyerId?: string | null; status?: string },
  ctx: z.RefinementCtx,
) {
  if (v.kind === 'purchase') {
    if (!v.supplierId) ctx.addIssue({ code: 'custom', path: ['supplierId'], message: 'A purchase order needs a supplier' });
    if (v.buyerId) ctx.addIssue({ code: 'custom', path: ['buyerId'], message: 'A purchase order has no buyer' });
    if (v.status === 'shipped' || v.status === 'delivered')
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'A purchase order is received, not shipped or delivered' });
  }
  if (v.kind === 'sale') {
    if (!v.buyerId) ctx.addIssue({ code: 'custom', path: ['buyerId'], message: 'A sale order needs a buyer' });
    if (v.supplierId) ctx.addIssue({ code: 'custom', path: ['supplierId'], message: 'A sale order has no supplier' });
    if (v.status === 'received') ctx.addIssue({ code: 'custom', path: ['status'], message: 'A sale order is shipped and delivered, not received' });
  }
}

const orderRefine = { orderNumber: nonBlank, currency: () => currencyCode, totalCents: () => cents };
/** Inventory order: select schema. */
export const inventoryOrderSelectSchema = createSelectSchema(inventoryOrders);
/** Inventory order: insert schema (a purchase names a supplier, a sale a buyer). */
export const inventoryOrderInsertSchema = insertSchemaOf(inventoryOrders, orderRefine).superRefine(checkOrderParties);
/** Inventory order: update schema (party rules checked when `kind` is part of the update). */
export const inventoryOrderUpdateSchema = updateSchemaOf(inventoryOrders, orderRefine).superRefine(checkOrderParties);

const orderItemRefine = { quantity: () => positiveQuantity, unitPriceCents: () => cents };
/** Inventory order item: select schema. */
export const inventoryOrderItemSelectSchema = createSelectSchema(inventoryOrderItems);
/** Inventory order item: insert schema (quantity > 0; `lineTotalCents` is generated). */
export const inventoryOrderItemInsertSchema = insertSchemaOf(inventoryOrderItems, orderItemRefine);
/** Inventory order item: update schema. */
export const inventoryOrderItemUpdateSchema = updateSchemaOf(inventoryOrderItems, orderItemRefine);

/** Stock level: select schema. */
export const stockLevelSelectSchema = createSelectSchema(stockLevels);
/** Stock level: insert schema; `quantity` is left out because only stock movements change it. */
export const stockLevelInsertSchema = insertSchemaOf(stockLevels, { reorderPoint: () => cents }).omit({ quantity: true });
/** Stock level: update schema (reorder point only in practice; quantity is derived). */
export const stockLevelUpdateSchema = updateSchemaOf(stockLevels, { reorderPoint: () => cents }).omit({ quantity: true });

const INBOUND: readonly string[] = INBOUND_STOCK_REASONS;
const OUTBOUND: readonly string[] = OUTBOUND_STOCK_REASONS;

/**
 * The sign rule of the ledger: inbound reasons add stock, outbound reasons remove it, adjustments
 * go either way; zero is never a movement.
 *
 * @example
 * ```ts
 * import { movementSignMatches } from '@stocksync/db/validators';
 * movementSignMatches('shipment', -3); // true
 * ```
 */
export function movementSignMatches(reason: string, quantityDelta: number): boolean {
  if (quantityDelta === 0) return false;
  if (INBOUND.includes(reason)) return quantityDelta > 0;
  if (OUTBOUND.includes(reason)) return quantityDelta < 0;
  return true;
}

/** Stock movement: select schema. */
export const stockMovementSelectSchema = createSelectSchema(stockMovements);
/** Stock movement: insert schema (whole non-zero delta whose sign matches the reason). */
export const stockMovementInsertSchema = insertSchemaOf(stockMovements, {
  quantityDelta: (s) => s.int('Must be a whole number'),
}).superRefine((v, ctx) => {
  if (!movementSignMatches(v.reason, v.quantityDelta)) {
    ctx.addIssue({
      code: 'custom',
      path: ['quantityDelta'],
      message: `A ${v.reason} movement must be ${INBOUND.includes(v.reason) ? 'positive' : OUTBOUND.includes(v.reason) ? 'negative' : 'non-zero'}`,
    });
  }
});

const stockLine = z.object({ productId: uuidString, quantity: positiveQuantity });
const movementMeta = {
  reference: z.string().max(255).optional(),
  note: z.string().optional(),
  createdById: uuidString.optional(),
};

/**
 * Input of `receiveStock` and `shipStock`: a location and its lines (quantities are positive; shipping
 * subtracts them). A product may appear once.
 *
 * @example
 * ```ts
 * import { stockLinesInput } from '@stocksync/db/validators';
 * stockLinesInput.parse({ locationId, lines: [{ productId, quantity: 5 }] });
 * ```
 */
export const stockLinesInput = z
  .object({ locationId: uuidString, lines: z.array(stockLine).min(1, 'Give at least one line'), ...movementMeta })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((line, i) => {
      if (seen.has(line.productId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'productId'], message: 'Each product may appear once' });
      seen.add(line.productId);
    });
  });
/** Input of `stockLinesInput` as the caller writes it. */
export type StockLinesInput = z.input<typeof stockLinesInput>;

/** Input of `receivePurchaseOrder` and `shipSaleOrder`. */
export const inventoryOrderActionInput = z.object({
  orderId: uuidString,
  driverId: uuidString.optional(),
  createdById: uuidString.optional(),
});
/** Input of {@link inventoryOrderActionInput} as the caller writes it. */
export type InventoryOrderActionInput = z.input<typeof inventoryOrderActionInput>;

// Wire (JSON) forms: timestamps as ISO 8601 strings, and paginated lists.
/** Inventory product: wire schema (what a JSON API returns). */
export const inventoryProductWireSchema = wireSchemaOf(inventoryProducts);
/** An inventory product as a JSON API returns it. */
export type InventoryProductWire = Wire<InventoryProduct>;
/** A page of inventory products. */
export type InventoryProductListResponse = Paginated<InventoryProductWire>;
/** Inventory location: wire schema (what a JSON API returns). */
export const inventoryLocationWireSchema = wireSchemaOf(inventoryLocations);
/** An inventory location as a JSON API returns it. */
export type InventoryLocationWire = Wire<InventoryLocation>;
/** A page of inventory locations. */
export type InventoryLocationListResponse = Paginated<InventoryLocationWire>;
/** Supplier: wire schema (what a JSON API returns). */
export const supplierWireSchema = wireSchemaOf(suppliers);
/** A supplier as a JSON API returns it. */
export type SupplierWire = Wire<Supplier>;
/** A page of suppliers. */
export type SupplierListResponse = Paginated<SupplierWire>;
/** Buyer: wire schema (what a JSON API returns). */
export const buyerWireSchema = wireSchemaOf(buyers);
/** A buyer as a JSON API returns it. */
export type BuyerWire = Wire<Buyer>;
/** A page of buyers. */
export type BuyerListResponse = Paginated<BuyerWire>;
/** Driver: wire schema (what a JSON API returns). */
export const driverWireSchema = wireSchemaOf(drivers);
/** A driver as a JSON API returns it. */
export type DriverWire = Wire<DeliveryDriver>;
/** A page of drivers. */
export type DriverListResponse = Paginated<DriverWire>;
/** Inventory order: wire schema (what a JSON API returns). */
export const inventoryOrderWireSchema = wireSchemaOf(inventoryOrders);
/** An inventory order as a JSON API returns it. */
export type InventoryOrderWire = Wire<InventoryOrder>;
/** A page of inventory orders. */
export type InventoryOrderListResponse = Paginated<InventoryOrderWire>;
/** Inventory order item: wire schema (what a JSON API returns). */
export const inventoryOrderItemWireSchema = wireSchemaOf(inventoryOrderItems);
/** An inventory order item as a JSON API returns it. */
export type InventoryOrderItemWire = Wire<InventoryOrderItem>;
/** A page of inventory order items. */
export type InventoryOrderItemListResponse = Paginated<InventoryOrderItemWire>;
/** Stock level: wire schema (what a JSON API returns). */
export const stockLevelWireSchema = wireSchemaOf(stockLevels);
/** A stock level as a JSON API returns it. */
export type StockLevelWire = Wire<StockLevel>;
/** A page of stock levels. */
export type StockLevelListResponse = Paginated<StockLevelWire>;
/** Stock movement: wire schema (what a JSON API returns). */
export const stockMovementWireSchema = wireSchemaOf(stockMovements);
/** A stock movement as a JSON API returns it. */
export type StockMovementWire = Wire<StockMovement>;
/** A page of stock movements. */
export type StockMovementListResponse = Paginated<StockMovementWire>;
