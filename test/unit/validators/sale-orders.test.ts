// Sale order inputs: a draft from a cart, a draft's lines, payment, refund with returned units, and fulfilment that keeps the rest reserved.
import { describe, expect, it } from 'vitest';
import { createSaleOrderFromCartInput, fulfilSaleOrderInput, paySaleOrderInput, refundSaleOrderInput, setSaleOrderLinesInput } from '../../../src/validators/index.js';
import { issuePaths } from './_paths.js';

const O = '0190a5b4-0000-7000-8000-000000000010';
const P = '0190a5b4-0000-7000-8000-000000000011';

describe('sale order inputs', () => {
  it('pay: an order id, an optional positive whole amount and a non-blank reference', () => {
    expect(issuePaths(paySaleOrderInput, { orderId: O })).toEqual([]);
    expect(issuePaths(paySaleOrderInput, { orderId: O, amountCents: 500, paymentReference: 'pi_1' })).toEqual([]);
    expect(issuePaths(paySaleOrderInput, { orderId: 'x', amountCents: 0, paymentReference: '  ' })).toEqual(['amountCents', 'orderId', 'paymentReference']);
    expect(issuePaths(paySaleOrderInput, { orderId: O, amountCents: 1.5 })).toEqual(['amountCents']);
  });

  it('refund: a positive amount, returned lines with positive quantities, each product once', () => {
    expect(issuePaths(refundSaleOrderInput, { orderId: O, amountCents: 1, returnLines: [{ productId: P, quantity: 1 }] })).toEqual([]);
    expect(issuePaths(refundSaleOrderInput, { orderId: O })).toEqual(['amountCents']);
    expect(issuePaths(refundSaleOrderInput, { orderId: O, amountCents: -1, returnLines: [{ productId: P, quantity: 0 }] })).toEqual([
      'amountCents',
      'returnLines.0.quantity',
    ]);
    expect(issuePaths(refundSaleOrderInput, { orderId: O, amountCents: 1, returnLines: [{ productId: P, quantity: 1 }, { productId: P, quantity: 2 }] })).toEqual([
      'returnLines.1.productId',
    ]);
  });

  it('fulfil: keepRest is a boolean', () => {
    expect(issuePaths(fulfilSaleOrderInput, { orderId: O, lines: [{ productId: P, quantity: 1 }], keepRest: true })).toEqual([]);
    expect(issuePaths(fulfilSaleOrderInput, { orderId: O, keepRest: 'yes' })).toEqual(['keepRest']);
  });

  it('set lines: at least one line, positive quantities, whole non-negative prices, each product once', () => {
    expect(issuePaths(setSaleOrderLinesInput, { orderId: O, lines: [{ productId: P, quantity: 2, unitPriceCents: 0 }] })).toEqual([]);
    expect(issuePaths(setSaleOrderLinesInput, { orderId: O, lines: [] })).toEqual(['lines']);
    expect(issuePaths(setSaleOrderLinesInput, { orderId: O, lines: [{ productId: P, quantity: 0, unitPriceCents: -1 }] })).toEqual([
      'lines.0.quantity',
      'lines.0.unitPriceCents',
    ]);
    expect(issuePaths(setSaleOrderLinesInput, { orderId: O, lines: [{ productId: P, quantity: 1 }, { productId: P, quantity: 1 }] })).toEqual(['lines.1.productId']);
  });
  it('from a cart: the cart, an order number, a buyer and a location (lines come from the cart)', () => {
    const ok = { cartId: O, orderNumber: 'SO-1', buyerId: P, locationId: P };
    expect(issuePaths(createSaleOrderFromCartInput, ok)).toEqual([]);
    expect(issuePaths(createSaleOrderFromCartInput, { ...ok, notes: 'gift', expectedAt: new Date('2026-01-01T00:00:00Z') })).toEqual([]);
    expect(issuePaths(createSaleOrderFromCartInput, { cartId: 'x', orderNumber: '  ', buyerId: P })).toEqual(['cartId', 'locationId', 'orderNumber']);
    expect(issuePaths(createSaleOrderFromCartInput, { ...ok, orderNumber: 'x'.repeat(51) })).toEqual(['orderNumber']);
  });
});
