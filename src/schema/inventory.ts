// Inventory domain (StockSync): products, locations, stock levels derived from an append-only ledger,
// suppliers, buyers, drivers, and purchase/sale orders with their items.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, timestamps } from './_columns.js';
import { ISO_CURRENCY_CODES, inCodeList } from './_iso-codes.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { users } from './identity.js';

/** Kinds of inventory location. */
export const INVENTORY_LOCATION_KINDS = ['warehouse', 'store', 'vehicle', 'virtual'] as const;
/** Why stock moved; the sign of `quantity_delta` is checked against it. */
export const STOCK_MOVEMENT_REASONS = ['receipt', 'shipment', 'adjustment', 'transfer_in', 'transfer_out', 'return'] as const;
/** Reasons that add stock (delta > 0). */
export const INBOUND_STOCK_REASONS = ['receipt', 'transfer_in', 'return'] as const;
/** Reasons that remove stock (delta < 0). */
export const OUTBOUND_STOCK_REASONS = ['shipment', 'transfer_out'] as const;
/** Inventory order kinds: a purchase from a supplier or a sale to a buyer. */
export const INVENTORY_ORDER_KINDS = ['purchase', 'sale'] as const;
/** Inventory order states. Purchases end `received`, sales end `delivered`. */
export const INVENTORY_ORDER_STATUSES = ['draft', 'confirmed', 'shipped', 'delivered', 'received', 'cancelled'] as const;

/** Inventory products: what a tenant stocks and trades (not the billing catalog, see billing_products). */
export const inventoryProducts = tenantTable(
  'inventory_products',
  {
    sku: varchar({ length: 64 }).notNull(),
    name: varchar({ length: 255 }).notNull(),
    description: text().notNull().default(''),
    unit: varchar({ length: 20 }).notNull().default('each'),
    unitPriceCents: integer().notNull().default(0),
    currency: varchar({ length: 3 }).notNull().default('USD'),
    reorderPoint: integer().notNull().default(0),
    isActive: boolean().notNull().default(true),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('inventory_products_tenant_id_sku_key').on(t.tenantId, t.sku),
    index('inventory_products_tenant_id_name_idx').on(t.tenantId, t.name),
    check('inventory_products_unit_price_cents_check', sql`${t.unitPriceCents} >= 0`),
    check('inventory_products_reorder_point_check', sql`${t.reorderPoint} >= 0`),
    check('inventory_products_currency_check', inCodeList(t.currency, ISO_CURRENCY_CODES)),
  ],
);

/** Locations (warehouses, stores, vehicles) that hold stock; only backorder locations may go negative. */
export const inventoryLocations = tenantTable(
  'inventory_locations',
  {
    code: varchar({ length: 32 }).notNull(),
    name: varchar({ length: 255 }).notNull(),
    kind: varchar({ length: 20, enum: INVENTORY_LOCATION_KINDS }).notNull().default('warehouse'),
    allowsBackorder: boolean().notNull().default(false),
    isActive: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('inventory_locations_tenant_id_code_key').on(t.tenantId, t.code),
    check('inventory_locations_kind_check', inCodeList(t.kind, INVENTORY_LOCATION_KINDS)),
  ],
);

/** Suppliers goods are purchased from. */
export const suppliers = tenantTable(
  'suppliers',
  {
    name: varchar({ length: 255 }).notNull(),
    contactName: varchar({ length: 255 }),
    email: varchar({ length: 254 }),
    phone: varchar({ length: 50 }),
    notes: text().notNull().default(''),
    isActive: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('suppliers_tenant_id_name_key').on(t.tenantId, t.name)],
);

/** Buyers goods are sold to. */
export const buyers = tenantTable(
  'buyers',
  {
    name: varchar({ length: 255 }).notNull(),
    contactName: varchar({ length: 255 }),
    email: varchar({ length: 254 }),
    phone: varchar({ length: 50 }),
    notes: text().notNull().default(''),
    isActive: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('buyers_tenant_id_name_key').on(t.tenantId, t.name)],
);

/** Drivers who deliver sale orders; optionally a user of the tenant. */
export const drivers = tenantTable(
  'drivers',
  {
    userId: uuid(),
    name: varchar({ length: 255 }).notNull(),
    phone: varchar({ length: 50 }),
    licenseNumber: varchar({ length: 50 }),
    vehicle: varchar({ length: 100 }),
    isActive: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    tenantRef('drivers', t.tenantId, t.userId, users, 'set null'),
    index('drivers_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    uniqueIndex('drivers_tenant_id_name_key').on(t.tenantId, t.name),
  ],
);

/**
 * Inventory orders: a purchase from a supplier into a location, or a sale from a location to a buyer.
 * A sale order is paid once, in full (`paid_cents`, `paid_at`); once paid its terms are immutable and
 * money goes back only as refunds (`refunded_cents`, at most what was paid).
 */
export const inventoryOrders = tenantTable(
  'inventory_orders',
  {
    orderNumber: varchar({ length: 50 }).notNull(),
    kind: varchar({ length: 20, enum: INVENTORY_ORDER_KINDS }).notNull(),
    status: varchar({ length: 20, enum: INVENTORY_ORDER_STATUSES }).notNull().default('draft'),
    locationId: uuid().notNull(),
    supplierId: uuid(),
    buyerId: uuid(),
    driverId: uuid(),
    createdById: uuid(),
    currency: varchar({ length: 3 }).notNull().default('USD'),
    totalCents: integer().notNull().default(0),
    notes: text().notNull().default(''),
    expectedAt: timestamp({ withTimezone: true, mode: 'date' }),
    shippedAt: timestamp({ withTimezone: true, mode: 'date' }),
    deliveredAt: timestamp({ withTimezone: true, mode: 'date' }),
    receivedAt: timestamp({ withTimezone: true, mode: 'date' }),
    paidCents: integer().notNull().default(0),
    refundedCents: integer().notNull().default(0),
    paidAt: timestamp({ withTimezone: true, mode: 'date' }),
    paymentReference: varchar({ length: 255 }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('inventory_orders', t.tenantId, t.locationId, inventoryLocations, 'restrict'),
    tenantRef('inventory_orders', t.tenantId, t.supplierId, suppliers, 'restrict'),
    tenantRef('inventory_orders', t.tenantId, t.buyerId, buyers, 'restrict'),
    tenantRef('inventory_orders', t.tenantId, t.driverId, drivers, 'set null'),
    tenantRef('inventory_orders', t.tenantId, t.createdById, users, 'set null'),
    uniqueIndex('inventory_orders_tenant_id_order_number_key').on(t.tenantId, t.orderNumber),
    index('inventory_orders_tenant_id_kind_status_idx').on(t.tenantId, t.kind, t.status),
    index('inventory_orders_tenant_id_supplier_id_idx').on(t.tenantId, t.supplierId),
    index('inventory_orders_tenant_id_buyer_id_idx').on(t.tenantId, t.buyerId),
    index('inventory_orders_tenant_id_driver_id_idx').on(t.tenantId, t.driverId),
    index('inventory_orders_tenant_id_location_id_idx').on(t.tenantId, t.locationId),
    check('inventory_orders_kind_check', inCodeList(t.kind, INVENTORY_ORDER_KINDS)),
    check('inventory_orders_status_check', inCodeList(t.status, INVENTORY_ORDER_STATUSES)),
    check(
      'inventory_orders_party_check',
      sql`(${t.kind} = 'purchase' and ${t.supplierId} is not null and ${t.buyerId} is null)
        or (${t.kind} = 'sale' and ${t.buyerId} is not null and ${t.supplierId} is null)`,
    ),
    check(
      'inventory_orders_status_kind_check',
      sql`not (${t.kind} = 'purchase' and ${t.status} in ('shipped', 'delivered'))
        and not (${t.kind} = 'sale' and ${t.status} = 'received')`,
    ),
    check('inventory_orders_total_cents_check', sql`${t.totalCents} >= 0`),
    check('inventory_orders_paid_cents_check', sql`${t.paidCents} >= 0 and (${t.paidAt} is null) = (${t.paidCents} = 0)`),
    check('inventory_orders_refunded_cents_check', sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.paidCents}`),
    check('inventory_orders_currency_check', inCodeList(t.currency, ISO_CURRENCY_CODES)),
  ],
);

/** Lines of an inventory order. */
export const inventoryOrderItems = tenantTable(
  'inventory_order_items',
  {
    orderId: uuid().notNull(),
    productId: uuid().notNull(),
    quantity: integer().notNull(),
    unitPriceCents: integer().notNull().default(0),
    lineTotalCents: integer()
      .notNull()
      .generatedAlwaysAs(sql`quantity * unit_price_cents`),
    ...timestamps(),
  },
  (t) => [
    tenantRef('inventory_order_items', t.tenantId, t.orderId, inventoryOrders, 'cascade'),
    tenantRef('inventory_order_items', t.tenantId, t.productId, inventoryProducts, 'restrict'),
    uniqueIndex('inventory_order_items_tenant_id_order_id_product_id_key').on(t.tenantId, t.orderId, t.productId),
    index('inventory_order_items_tenant_id_product_id_idx').on(t.tenantId, t.productId),
    check('inventory_order_items_quantity_check', sql`${t.quantity} > 0`),
    check('inventory_order_items_unit_price_cents_check', sql`${t.unitPriceCents} >= 0`),
  ],
);

/**
 * Stock levels per product and location (the seed's Inventory). `quantity` is derived: only the
 * `stock_movements` trigger writes it, and it always equals the sum of the location's movements.
 */
export const stockLevels = tenantTable(
  'stock_levels',
  {
    productId: uuid().notNull(),
    locationId: uuid().notNull(),
    quantity: integer().notNull().default(0),
    reorderPoint: integer(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('stock_levels', t.tenantId, t.productId, inventoryProducts, 'restrict'),
    tenantRef('stock_levels', t.tenantId, t.locationId, inventoryLocations, 'restrict'),
    uniqueIndex('stock_levels_tenant_id_product_id_location_id_key').on(t.tenantId, t.productId, t.locationId),
    index('stock_levels_tenant_id_location_id_idx').on(t.tenantId, t.locationId),
    check('stock_levels_reorder_point_check', sql`${t.reorderPoint} is null or ${t.reorderPoint} >= 0`),
  ],
);

/** The append-only stock ledger: every change of a stock level is one row here (no update, no delete). */
export const stockMovements = tenantTable(
  'stock_movements',
  {
    productId: uuid().notNull(),
    locationId: uuid().notNull(),
    quantityDelta: integer().notNull(),
    reason: varchar({ length: 20, enum: STOCK_MOVEMENT_REASONS }).notNull(),
    orderId: uuid(),
    reference: varchar({ length: 255 }),
    note: text(),
    createdById: uuid(),
    ...createdAt(),
  },
  (t) => [
    tenantRef('stock_movements', t.tenantId, t.productId, inventoryProducts, 'restrict'),
    tenantRef('stock_movements', t.tenantId, t.locationId, inventoryLocations, 'restrict'),
    tenantRef('stock_movements', t.tenantId, t.orderId, inventoryOrders, 'restrict'),
    tenantRef('stock_movements', t.tenantId, t.createdById, users, 'restrict'),
    index('stock_movements_tenant_id_product_id_location_id_created_at_idx').on(
      t.tenantId,
      t.productId,
      t.locationId,
      t.createdAt,
    ),
    index('stock_movements_tenant_id_order_id_idx').on(t.tenantId, t.orderId),
    check('stock_movements_quantity_delta_check', sql`${t.quantityDelta} <> 0`),
    check('stock_movements_reason_check', inCodeList(t.reason, STOCK_MOVEMENT_REASONS)),
    check(
      'stock_movements_reason_sign_check',
      sql`(${t.reason} not in ('receipt', 'transfer_in', 'return') or ${t.quantityDelta} > 0)
        and (${t.reason} not in ('shipment', 'transfer_out') or ${t.quantityDelta} < 0)`,
    ),
  ],
);

/** An inventory product row. */
export type InventoryProduct = typeof inventoryProducts.$inferSelect;
/** An inventory product to insert. */
export type NewInventoryProduct = typeof inventoryProducts.$inferInsert;
/** An inventory location row. */
export type InventoryLocation = typeof inventoryLocations.$inferSelect;
/** An inventory location to insert. */
export type NewInventoryLocation = typeof inventoryLocations.$inferInsert;
/** A supplier row. */
export type Supplier = typeof suppliers.$inferSelect;
/** A supplier to insert. */
export type NewSupplier = typeof suppliers.$inferInsert;
/** A buyer row. */
export type Buyer = typeof buyers.$inferSelect;
/** A buyer to insert. */
export type NewBuyer = typeof buyers.$inferInsert;
/** A driver row (named so it never collides with the connection `Driver`). */
export type DeliveryDriver = typeof drivers.$inferSelect;
/** A driver to insert. */
export type NewDeliveryDriver = typeof drivers.$inferInsert;
/** An inventory order row. */
export type InventoryOrder = typeof inventoryOrders.$inferSelect;
/** An inventory order to insert. */
export type NewInventoryOrder = typeof inventoryOrders.$inferInsert;
/** An inventory order item row. */
export type InventoryOrderItem = typeof inventoryOrderItems.$inferSelect;
/** An inventory order item to insert. */
export type NewInventoryOrderItem = typeof inventoryOrderItems.$inferInsert;
/** A stock level row. */
export type StockLevel = typeof stockLevels.$inferSelect;
/** A stock level to insert (quantity stays 0: movements change it). */
export type NewStockLevel = typeof stockLevels.$inferInsert;
/** A stock movement (ledger) row. */
export type StockMovement = typeof stockMovements.$inferSelect;
/** A stock movement to insert. */
export type NewStockMovement = typeof stockMovements.$inferInsert;
