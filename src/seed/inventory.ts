// Seeds inventory: locations, products, parties, purchase and sale orders walked through their
// lifecycle, and a stock ledger whose trigger derives the stock levels (never written directly).
import {
  buyers,
  drivers,
  inventoryLocations,
  inventoryOrderItems,
  inventoryOrders,
  inventoryProducts,
  stockLevels,
  stockMovements,
  suppliers,
  type NewBuyer,
  type NewDeliveryDriver,
  type NewInventoryLocation,
  type NewInventoryOrder,
  type NewInventoryOrderItem,
  type NewInventoryProduct,
  type NewStockLevel,
  type NewStockMovement,
  type NewSupplier,
} from '../schema/index.js';
import { activeUsers, type TenantSeedContext } from './context.js';
import { capped } from './projects.js';
import { addDays, SEED_EPOCH } from './random.js';
import { COMPANY_FIRST, personName, PRODUCT_ADJECTIVES, PRODUCT_NOUNS } from './words.js';

type OrderStatus = NonNullable<NewInventoryOrder['status']>;

// Status steps after insert (orders are created draft or confirmed; the trigger allows one move at a time).
const PURCHASE_WALK: Partial<Record<OrderStatus, OrderStatus[]>> = { received: ['received'], cancelled: ['cancelled'] };
const SALE_WALK: Partial<Record<OrderStatus, OrderStatus[]>> = { shipped: ['shipped'], delivered: ['shipped', 'delivered'], cancelled: ['cancelled'] };

/** Inventory facts later domains use (contacts and messaging refer to these parties). */
export interface InventoryRefs {
  locations: string[];
  suppliers: string[];
  buyers: string[];
  drivers: string[];
  orders: Array<{ id: string; kind: 'purchase' | 'sale'; partyId: string; at: Date }>;
}

/**
 * Seeds 2-3 locations, 12-30 products, suppliers, buyers and drivers, 6-16 orders in every state,
 * and the stock ledger: opening receipts, receipts of received purchases, shipments of sales and
 * adjustments. Stock levels are created empty and filled by the ledger trigger. Publishes
 * `ctx.refs.inventory`.
 *
 * @example
 * ```ts
 * import { seedInventory } from '@stocksync/db/seed';
 * ```
 */
export function seedInventory(ctx: TenantSeedContext): void {
  const rng = ctx.rng('inventory');
  const { tenantId } = ctx;
  const people = activeUsers(ctx);
  const opened = addDays(ctx.tenant.createdAt, 3);
  const locationRows: Array<NewInventoryLocation & { id: string }> = [];
  const kinds = ['warehouse', 'store', 'vehicle'] as const;
  for (let i = 0; i < rng.int(2, 3); i++) {
    locationRows.push({
      tenantId,
      id: rng.uuid(opened),
      code: `${kinds[i]!.slice(0, 2).toUpperCase()}-${String(i + 1).padStart(2, '0')}`,
      name: i === 0 ? 'Main warehouse' : i === 1 ? 'Downtown store' : 'Van 1',
      kind: kinds[i]!,
      allowsBackorder: false,
      isActive: true,
      createdAt: opened,
      updatedAt: opened,
    });
  }
  const productRows: Array<NewInventoryProduct & { id: string; unitPriceCents: number }> = [];
  const names = new Set<string>();
  for (let i = rng.int(12, 30); i > 0; i--) {
    let name = `${rng.pick(PRODUCT_ADJECTIVES)} ${rng.pick(PRODUCT_NOUNS)}`;
    while (names.has(name)) name = `${name} ${rng.int(2, 9)}`;
    names.add(name);
    productRows.push({
      tenantId,
      id: rng.uuid(opened),
      sku: `SKU-${String(productRows.length + 1).padStart(4, '0')}`,
      name,
      description: `${name} for warehouse and retail use.`,
      unit: rng.pick(['each', 'each', 'box', 'roll', 'pair']),
      unitPriceCents: rng.int(199, 49_999),
      currency: 'USD',
      reorderPoint: rng.int(5, 40),
      isActive: rng.chance(0.95),
      metadata: { weightGrams: rng.int(50, 25_000) },
      createdAt: opened,
      updatedAt: opened,
    });
  }
  const party = <T>(count: number, make: (name: string, i: number) => T): T[] => {
    const used = new Set<string>();
    const out: T[] = [];
    for (let i = 0; i < count; i++) {
      let name = `${rng.pick(COMPANY_FIRST)} ${rng.pick(['Wholesale', 'Supplies', 'Imports', 'Retail', 'Stores', 'Trading'])}`;
      while (used.has(name)) name = `${name} ${i + 2}`;
      used.add(name);
      out.push(make(name, i));
    }
    return out;
  };
  const contactOf = (name: string) => {
    const p = personName(rng);
    const domain = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return { contactName: `${p.first} ${p.last}`, email: `${p.first.toLowerCase()}@${domain}.example.net`, phone: `+1555${rng.int(1000000, 9999999)}` };
  };
  const supplierRows: Array<NewSupplier & { id: string }> = party(rng.int(3, 5), (name) => ({
    tenantId,
    id: rng.uuid(opened),
    name,
    ...contactOf(name),
    notes: '',
    isActive: true,
    createdAt: opened,
    updatedAt: opened,
  }));
  const buyerRows: Array<NewBuyer & { id: string }> = party(rng.int(3, 6), (name) => ({
    tenantId,
    id: rng.uuid(opened),
    name,
    ...contactOf(name),
    notes: '',
    isActive: true,
    createdAt: opened,
    updatedAt: opened,
  }));
  const driverRows: Array<NewDeliveryDriver & { id: string }> = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const linked = rng.chance(0.4) ? rng.pick(people) : null;
    const p = personName(rng);
    const name = linked?.name ?? `${p.first} ${p.last}`;
    if (driverRows.some((d) => d.name === name)) continue;
    driverRows.push({
      tenantId,
      id: rng.uuid(opened),
      userId: linked?.id ?? null,
      name,
      phone: `+1555${rng.int(1000000, 9999999)}`,
      licenseNumber: `DL-${rng.int(100000, 999999)}`,
      vehicle: rng.pick(['Ford Transit', 'Mercedes Sprinter', 'Cargo bike']),
      isActive: true,
      createdAt: opened,
      updatedAt: opened,
    });
  }

  // The ledger: opening stock for each product at each location, then order-driven movements.
  type Move = NewStockMovement & { id: string; createdAt: Date };
  const moves: Move[] = [];
  // The least stock any prefix of the time-ordered ledger can hold: opening balances minus every
  // outflow, ignoring order receipts (which may land later than a shipment); sales draw on it only.
  const onHand = new Map<string, number>();
  const key = (p: string, l: string) => `${p}/${l}`;
  const move = (productId: string, locationId: string, delta: number, reason: Move['reason'], at: Date, extra: Partial<Move> = {}) => {
    moves.push({
      tenantId,
      id: rng.uuid(at),
      productId,
      locationId,
      quantityDelta: delta,
      reason,
      orderId: null,
      reference: null,
      note: null,
      createdById: rng.pick(people).id,
      createdAt: at,
      ...extra,
    });
    if (delta < 0 || (reason === 'receipt' && extra.orderId == null)) {
      onHand.set(key(productId, locationId), (onHand.get(key(productId, locationId)) ?? 0) + delta);
    }
  };
  for (const p of productRows) {
    for (const l of locationRows) {
      if (l.kind === 'vehicle' && rng.chance(0.7)) continue;
      move(p.id, l.id, rng.int(40, 400), 'receipt', addDays(opened, 1), { reference: 'opening balance' });
    }
  }

  const orderRows: Array<NewInventoryOrder & { id: string }> = [];
  const items: NewInventoryOrderItem[] = [];
  const walks: Array<{ id: string; steps: OrderStatus[]; shippedAt: Date | null; deliveredAt: Date | null; receivedAt: Date | null; updatedAt: Date }> = [];
  const refsOrders: InventoryRefs['orders'] = [];
  const count = rng.int(6, 16);
  const times = Array.from({ length: count }, () => rng.between(addDays(opened, 5), addDays(new Date(SEED_EPOCH), -2))).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  for (let n = 0; n < count; n++) {
    const at = times[n]!;
    const kind = rng.chance(0.45) ? ('purchase' as const) : ('sale' as const);
    const final: OrderStatus =
      kind === 'purchase'
        ? rng.weighted([['draft', 1], ['confirmed', 2], ['received', 6], ['cancelled', 1]] as const)
        : rng.weighted([['draft', 1], ['confirmed', 2], ['shipped', 2], ['delivered', 5], ['cancelled', 1]] as const);
    const id = rng.uuid(at);
    const location = kind === 'sale' ? locationRows[Math.min(1, locationRows.length - 1)]! : locationRows[0]!;
    const supplierId = kind === 'purchase' ? rng.pick(supplierRows).id : null;
    const buyerId = kind === 'sale' ? rng.pick(buyerRows).id : null;
    const shippedAt = final === 'shipped' || final === 'delivered' ? capped(addDays(at, rng.int(1, 3))) : null;
    const deliveredAt = final === 'delivered' && shippedAt ? capped(addDays(shippedAt, rng.int(1, 4))) : null;
    const receivedAt = final === 'received' ? capped(addDays(at, rng.int(2, 10))) : null;
    let total = 0;
    const lines = rng.sample(productRows, rng.int(1, 4));
    for (const p of lines) {
      const available = onHand.get(key(p.id, location.id)) ?? 0;
      if (kind === 'sale' && available < 2) continue;
      const quantity = kind === 'sale' ? rng.int(1, Math.max(1, Math.floor(available / 3))) : rng.int(10, 200);
      const price = kind === 'purchase' ? Math.round(p.unitPriceCents * 0.6) : p.unitPriceCents;
      total += quantity * price;
      items.push({ tenantId, id: rng.uuid(at), orderId: id, productId: p.id, quantity, unitPriceCents: price, createdAt: at, updatedAt: at });
      if (receivedAt) move(p.id, location.id, quantity, 'receipt', receivedAt, { orderId: id, reference: `PO-${n + 1}` });
      if (shippedAt) move(p.id, location.id, -quantity, 'shipment', shippedAt, { orderId: id, reference: `SO-${n + 1}` });
    }
    const prefix = kind === 'purchase' ? 'PO' : 'SO';
    const creator = rng.pick(people);
    orderRows.push({
      tenantId,
      id,
      orderNumber: `${prefix}-${at.toISOString().slice(0, 7).replace('-', '')}-${String(n + 1).padStart(4, '0')}`,
      kind,
      status: final === 'draft' || final === 'cancelled' ? 'draft' : 'confirmed',
      locationId: location.id,
      supplierId,
      buyerId,
      driverId: kind === 'sale' && shippedAt && driverRows.length ? rng.pick(driverRows).id : null,
      createdById: creator.id,
      currency: 'USD',
      totalCents: total,
      notes: '',
      expectedAt: addDays(at, 7),
      shippedAt: null,
      deliveredAt: null,
      receivedAt: null,
      createdAt: at,
      updatedAt: at,
    });
    const steps = (kind === 'purchase' ? PURCHASE_WALK : SALE_WALK)[final] ?? [];
    walks.push({ id, steps, shippedAt, deliveredAt, receivedAt, updatedAt: deliveredAt ?? receivedAt ?? shippedAt ?? at });
    refsOrders.push({ id, kind, partyId: (supplierId ?? buyerId)!, at });
  }
  // A few stock-take corrections that never push stock below zero.
  for (let k = rng.int(0, 4); k > 0; k--) {
    const p = rng.pick(productRows);
    const l = locationRows[0]!;
    const have = onHand.get(key(p.id, l.id)) ?? 0;
    const delta = have > 5 && rng.chance(0.5) ? -rng.int(1, 3) : rng.int(1, 5);
    move(p.id, l.id, delta, 'adjustment', rng.pastDate(30, 1), { note: 'stock take' });
  }
  moves.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));

  // Empty levels with deterministic ids; the ledger trigger adds the movements to them.
  const levels: NewStockLevel[] = [];
  const lastMove = new Map<string, Date>();
  for (const m of moves) lastMove.set(key(m.productId, m.locationId), m.createdAt);
  for (const [k, last] of lastMove) {
    const [productId, locationId] = k.split('/') as [string, string];
    levels.push({ tenantId, id: rng.uuid(opened), productId, locationId, quantity: 0, reorderPoint: null, createdAt: addDays(opened, 1), updatedAt: last });
  }

  ctx.batch.push(inventoryLocations, locationRows);
  ctx.batch.push(inventoryProducts, productRows);
  ctx.batch.push(suppliers, supplierRows);
  ctx.batch.push(buyers, buyerRows);
  ctx.batch.push(drivers, driverRows);
  ctx.batch.push(inventoryOrders, orderRows);
  ctx.batch.push(inventoryOrderItems, items);
  ctx.batch.push(stockLevels, levels);
  ctx.batch.push(stockMovements, moves);
  for (let step = 0; step < 2; step++) {
    const moving = walks.filter((w) => w.steps.length > step);
    if (!moving.length) continue;
    ctx.batch.update(
      `inventory_orders:status:${step}`,
      'after',
      'inventory_orders',
      [
        { name: 'status', type: 'text' },
        { name: 'shipped_at', type: 'timestamptz' },
        { name: 'delivered_at', type: 'timestamptz' },
        { name: 'received_at', type: 'timestamptz' },
      ],
      moving.map((w) => ({
        tenantId,
        id: w.id,
        values: [w.steps[step]!, w.shippedAt, w.steps[step] === 'delivered' ? w.deliveredAt : null, w.receivedAt],
      })),
    );
  }
  // The item-total and ledger triggers stamp updated_at with now(); restore the seeded times.
  if (walks.length) {
    ctx.batch.update('inventory_orders:updated_at', 'fixup', 'inventory_orders', [{ name: 'updated_at', type: 'timestamptz' }], walks.map((w) => ({ tenantId, id: w.id, values: [w.updatedAt] })));
  }
  if (levels.length) {
    // What the ledger trigger adds up on the rule-following path, written directly by a trusted load.
    const sums = new Map<string, number>();
    for (const m of moves) sums.set(key(m.productId, m.locationId), (sums.get(key(m.productId, m.locationId)) ?? 0) + m.quantityDelta);
    ctx.batch.update('stock_levels:quantity', 'derived', 'stock_levels', [{ name: 'quantity', type: 'integer' }], levels.map((l) => ({ tenantId, id: l.id!, values: [sums.get(key(l.productId, l.locationId))!] })));
    ctx.batch.update('stock_levels:updated_at', 'fixup', 'stock_levels', [{ name: 'updated_at', type: 'timestamptz' }], levels.map((l) => ({ tenantId, id: l.id!, values: [l.updatedAt as Date] })));
  }
  const refs: InventoryRefs = {
    locations: locationRows.map((l) => l.id),
    suppliers: supplierRows.map((s) => s.id),
    buyers: buyerRows.map((b) => b.id),
    drivers: driverRows.map((d) => d.id),
    orders: refsOrders,
  };
  ctx.refs.inventory = refs;
}
