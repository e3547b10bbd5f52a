// Inventory validators mirror the database rules, with error paths that name the field.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import {
  canTransitionInventoryOrder,
  inventoryOrderInsertSchema,
  inventoryProductInsertSchema,
  inventoryProductWireSchema,
  movementSignMatches,
  parseInput,
  stockLevelInsertSchema,
  stockLinesInput,
  stockMovementInsertSchema,
} from '../../../src/validators/index.js';
import { issuePaths } from './_paths.js';

const T = '0190a5b4-0000-7000-8000-000000000001';
const P = '0190a5b4-0000-7000-8000-000000000002';
const L = '0190a5b4-0000-7000-8000-000000000003';
const S = '0190a5b4-0000-7000-8000-000000000004';

describe('inventory products', () => {
  it('accepts a product and rejects blank sku, negative price and a non-ISO currency', () => {
    expect(issuePaths(inventoryProductInsertSchema, { tenantId: T, sku: 'BOLT', name: 'Bolt' })).toEqual([]);
    expect(issuePaths(inventoryProductInsertSchema, { tenantId: T, sku: '  ', name: 'Bolt', unitPriceCents: -1, currency: 'usd' })).toEqual([
      'currency',
      'sku',
      'unitPriceCents',
    ]);
    expect(issuePaths(inventoryProductInsertSchema, { tenantId: T, sku: 'B', name: 'B', unitPriceCents: 1.5 })).toEqual(['unitPriceCents']);
  });

  it('has a wire schema with timestamps as ISO strings', () => {
    const now = new Date().toISOString();
    const row = {
      tenantId: T, id: P, sku: 'A', name: 'A', description: '', unit: 'each', unitPriceCents: 0, currency: 'USD',
      reorderPoint: 0, isActive: true, metadata: {}, createdAt: now, updatedAt: now,
    };
    expect(inventoryProductWireSchema.safeParse(row).success).toBe(true);
    expect(inventoryProductWireSchema.safeParse({ ...row, createdAt: new Date() }).success).toBe(false);
  });
});

describe('stock', () => {
  it('keeps stock level quantity out of inserts (it is derived from movements)', () => {
    const parsed = stockLevelInsertSchema.parse({ tenantId: T, productId: P, locationId: L, quantity: 50 });
    expect('quantity' in parsed).toBe(false);
    expect(issuePaths(stockLevelInsertSchema, { tenantId: T, productId: P, locationId: L, reorderPoint: -1 })).toEqual(['reorderPoint']);
  });

  it('checks the sign of a movement against its reason', () => {
    expect(movementSignMatches('receipt', 5)).toBe(true);
    expect(movementSignMatches('receipt', -5)).toBe(false);
    expect(movementSignMatches('shipment', -1)).toBe(true);
    expect(movementSignMatches('shipment', 1)).toBe(false);
    expect(movementSignMatches('adjustment', -7)).toBe(true);
    expect(movementSignMatches('adjustment', 0)).toBe(false);
    const base = { tenantId: T, productId: P, locationId: L };
    expect(issuePaths(stockMovementInsertSchema, { ...base, reason: 'receipt', quantityDelta: 3 })).toEqual([]);
    expect(issuePaths(stockMovementInsertSchema, { ...base, reason: 'shipment', quantityDelta: 3 })).toEqual(['quantityDelta']);
    expect(issuePaths(stockMovementInsertSchema, { ...base, reason: 'teleport', quantityDelta: 3 })).toContain('reason');
  });

  it('validates operation lines: positive whole quantities, each product once', () => {
    expect(issuePaths(stockLinesInput, { locationId: L, lines: [{ productId: P, quantity: 2 }] })).toEqual([]);
    expect(issuePaths(stockLinesInput, { locationId: L, lines: [] })).toEqual(['lines']);
    expect(
      issuePaths(stockLinesInput, { locationId: 'nope', lines: [{ productId: P, quantity: -1 }, { productId: P, quantity: 1 }] }),
    ).toEqual(['lines.0.quantity', 'lines.1.productId', 'locationId']);
  });

  it('parseInput throws ValidationError carrying the issues', () => {
    try {
      parseInput(stockLinesInput, { locationId: L, lines: [{ productId: P, quantity: 0 }] }, 'shipStock');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual(['lines.0.quantity']);
      expect((error as ValidationError).message).toContain('shipStock');
    }
  });
});

describe('inventory orders', () => {
  it('requires the supplier of a purchase and the buyer of a sale', () => {
    const base = { tenantId: T, orderNumber: 'PO-1', locationId: L };
    expect(issuePaths(inventoryOrderInsertSchema, { ...base, kind: 'purchase', supplierId: S })).toEqual([]);
    expect(issuePaths(inventoryOrderInsertSchema, { ...base, kind: 'purchase', buyerId: S })).toEqual(['buyerId', 'supplierId']);
    expect(issuePaths(inventoryOrderInsertSchema, { ...base, kind: 'sale', buyerId: S, status: 'received' })).toEqual(['status']);
  });

  it('follows the same transition table as the database', () => {
    expect(canTransitionInventoryOrder('draft', 'confirmed')).toBe(true);
    expect(canTransitionInventoryOrder('confirmed', 'shipped')).toBe(true);
    expect(canTransitionInventoryOrder('shipped', 'delivered')).toBe(true);
    expect(canTransitionInventoryOrder('draft', 'received')).toBe(false);
    expect(canTransitionInventoryOrder('delivered', 'cancelled')).toBe(false);
    expect(canTransitionInventoryOrder('received', 'received')).toBe(true);
  });
});
