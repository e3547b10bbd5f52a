// Billing validators mirror the database rules: cents, ISO 4217, tax arithmetic, totals, cart expiry.
import { describe, expect, it } from 'vitest';
import {
  billingOrderInsertSchema,
  billingProductInsertSchema,
  cartExpiresAt,
  computeTaxCents,
  entitlementInsertSchema,
  orderTotalCents,
  payOrderInput,
  paymentInsertSchema,
  placeOrderInput,
  refundInsertSchema,
  subscriptionInsertSchema,
  taxRateInsertSchema,
} from '../../../src/validators/index.js';
import { issuePaths } from './_paths.js';

const T = '0190a5b4-0000-7000-8000-000000000001';
const U = '0190a5b4-0000-7000-8000-000000000002';
const O = '0190a5b4-0000-7000-8000-000000000003';
const P = '0190a5b4-0000-7000-8000-000000000004';

describe('money', () => {
  it('payments and refunds are positive integer cents in an ISO 4217 currency', () => {
    const payment = { tenantId: T, stripePaymentIntentId: 'pi_1', amountCents: 100, currency: 'EUR', paymentMethod: 'card' };
    expect(issuePaths(paymentInsertSchema, payment)).toEqual([]);
    expect(issuePaths(paymentInsertSchema, { ...payment, amountCents: 0 })).toEqual(['amountCents']);
    expect(issuePaths(paymentInsertSchema, { ...payment, amountCents: 9.99 })).toEqual(['amountCents']);
    expect(issuePaths(paymentInsertSchema, { ...payment, currency: 'eur' })).toEqual(['currency']);
    expect(issuePaths(paymentInsertSchema, { ...payment, currency: 'ABC' })).toEqual(['currency']);
    expect(issuePaths(paymentInsertSchema, { ...payment, cardLast4: '42' })).toEqual(['cardLast4']);
    expect(issuePaths(refundInsertSchema, { tenantId: T, paymentId: P, amountCents: -1 })).toEqual(['amountCents']);
  });

  it('computes tax half up from a decimal rate, exactly like the database', () => {
    expect(computeTaxCents(24000, '0.0725')).toBe(1740);
    expect(computeTaxCents(999, '0.05')).toBe(50); // 49.95
    expect(computeTaxCents(1500, '0.0725')).toBe(109); // 108.75
    expect(computeTaxCents(1000, '0.19')).toBe(190);
    expect(computeTaxCents(1000, '0')).toBe(0);
    expect(computeTaxCents(-50, '0.2')).toBe(0);
  });

  it('totals are the sum of items plus tax minus discount', () => {
    expect(orderTotalCents({ items: [{ quantity: 2, unitPriceCents: 10000 }], taxCents: 1378, discountCents: 1000 })).toBe(20378);
    expect(orderTotalCents({ items: [], taxCents: 0, discountCents: 0 })).toBe(0);
  });
});

describe('orders and catalog', () => {
  it('billing order inserts leave subtotal and tax to the database and check codes', () => {
    const parsed = billingOrderInsertSchema.parse({ tenantId: T, userId: U, subtotalCents: 5, taxCents: 5 });
    expect('subtotalCents' in parsed || 'taxCents' in parsed).toBe(false);
    expect(issuePaths(billingOrderInsertSchema, { tenantId: T, userId: U, billingCountryCode: 'UK', discountCents: -1 })).toEqual([
      'billingCountryCode',
      'discountCents',
    ]);
  });

  it('a subscription product has an interval, others do not', () => {
    const base = { sku: 'x', name: 'X', priceCents: 100 };
    expect(issuePaths(billingProductInsertSchema, { ...base, kind: 'subscription', interval: 'month' })).toEqual([]);
    expect(issuePaths(billingProductInsertSchema, { ...base, kind: 'subscription' })).toEqual(['interval']);
    expect(issuePaths(billingProductInsertSchema, { ...base, kind: 'addon', interval: 'year' })).toEqual(['interval']);
  });

  it('tax rates: ISO country, state code, rate in [0, 1)', () => {
    expect(issuePaths(taxRateInsertSchema, { countryCode: 'US', stateCode: 'CA', name: 'CA', rate: '0.0725' })).toEqual([]);
    expect(issuePaths(taxRateInsertSchema, { countryCode: 'XX', stateCode: 'ca', name: 'x', rate: '1.5' })).toEqual(['countryCode', 'rate', 'stateCode']);
  });

  it('entitlements name exactly their source', () => {
    expect(issuePaths(entitlementInsertSchema, { tenantId: T, productId: P, source: 'order', orderId: O })).toEqual([]);
    expect(issuePaths(entitlementInsertSchema, { tenantId: T, productId: P, source: 'subscription', orderId: O })).toEqual(['subscriptionId']);
  });

  it('subscriptions: trial end after trial start', () => {
    const base = { tenantId: T, productId: P };
    const start = new Date('2026-01-01T00:00:00Z');
    expect(issuePaths(subscriptionInsertSchema, { ...base, trialStart: start, trialEnd: new Date('2026-01-15T00:00:00Z') })).toEqual([]);
    expect(issuePaths(subscriptionInsertSchema, { ...base, trialStart: start, trialEnd: start })).toEqual(['trialEnd']);
    expect(issuePaths(subscriptionInsertSchema, { ...base, trialStart: start, trialEnd: null })).toEqual(['trialEnd']);
  });
});

describe('operation inputs', () => {
  it('placeOrder: at least one item, each product once, a state needs its country', () => {
    expect(issuePaths(placeOrderInput, { userId: U, items: [{ productId: P, quantity: 1 }] })).toEqual([]);
    expect(placeOrderInput.parse({ userId: U, items: [{ productId: P, quantity: 1 }] })).toMatchObject({ currency: 'USD', discountCents: 0 });
    expect(
      issuePaths(placeOrderInput, { userId: U, items: [{ productId: P, quantity: 1 }, { productId: P, quantity: 2 }], billingStateCode: 'CA' }),
    ).toEqual(['billingCountryCode', 'items.1.productId']);
  });

  it('payOrder: known payment methods only', () => {
    expect(issuePaths(payOrderInput, { orderId: O, stripePaymentIntentId: 'pi', paymentMethod: 'card' })).toEqual([]);
    expect(issuePaths(payOrderInput, { orderId: O, stripePaymentIntentId: '', paymentMethod: 'cash' })).toEqual(['paymentMethod', 'stripePaymentIntentId']);
  });

  it('carts expire 24 hours after their last update', () => {
    expect(cartExpiresAt(new Date('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
});
