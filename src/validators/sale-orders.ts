// Inputs of the sale order lifecycle operations (create, set lines, confirm with reservation, fulfil in full
// or in part, cancel, pay, refund): what a caller sends, checked before any round trip.
import { z } from 'zod';
import { cents, positiveCents, positiveQuantity, uuidString } from './_fields.js';

const uniqueProducts = (lines: ReadonlyArray<{ productId: string }>, ctx: z.RefinementCtx, field = 'lines') => {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.productId)) ctx.addIssue({ code: 'custom', path: [field, i, 'productId'], message: 'Each product may appear once' });
    seen.add(line.productId);
  });
};

/**
 * Input of `createSaleOrder`: a draft sale order from a location to a buyer with its lines (the unit
 * price defaults to the product's).
 *
 * @example
 * ```ts
 * import { createSaleOrderInput } from '@stocksync/db/validators';
 * createSaleOrderInput.parse({ orderNumber: 'SO-1', buyerId, locationId, lines: [{ productId, quantity: 2 }] });
 * ```
 */
export const createSaleOrderInput = z
  .object({
    orderNumber: z.string().trim().min(1).max(50),
    buyerId: uuidString,
    locationId: uuidString,
    lines: z.array(z.object({ productId: uuidString, quantity: positiveQuantity, unitPriceCents: cents.optional() })).min(1, 'Give at least one line'),
    currency: z.string().length(3).optional(),
    notes: z.string().optional(),
    expectedAt: z.date().optional(),
    createdById: uuidString.optional(),
  })
  .superRefine((v, ctx) => uniqueProducts(v.lines, ctx));
/** Input of {@link createSaleOrderInput} as the caller writes it. */
export type CreateSaleOrderInput = z.input<typeof createSaleOrderInput>;

/**
 * Input of `setSaleOrderLines`: the draft's lines as they should be (each product once).
 *
 * @example
 * ```ts
 * import { setSaleOrderLinesInput } from '@stocksync/db/validators';
 * setSaleOrderLinesInput.parse({ orderId, lines: [{ productId, quantity: 5 }] });
 * ```
 */
export const setSaleOrderLinesInput = z
  .object({
    orderId: uuidString,
    lines: z.array(z.object({ productId: uuidString, quantity: positiveQuantity, unitPriceCents: cents.optional() })).min(1, 'Give at least one line, or cancel the order'),
  })
  .superRefine((v, ctx) => uniqueProducts(v.lines, ctx));
/** Input of {@link setSaleOrderLinesInput} as the caller writes it. */
export type SetSaleOrderLinesInput = z.input<typeof setSaleOrderLinesInput>;

/**
 * Input of `confirmSaleOrder` and `cancelSaleOrder`.
 *
 * @example
 * ```ts
 * import { saleOrderActionInput } from '@stocksync/db/validators';
 * saleOrderActionInput.parse({ orderId });
 * ```
 */
export const saleOrderActionInput = z.object({ orderId: uuidString, createdById: uuidString.optional() });
/** Input of {@link saleOrderActionInput} as the caller writes it. */
export type SaleOrderActionInput = z.input<typeof saleOrderActionInput>;

/**
 * Input of `fulfilSaleOrder`: without `lines` everything still reserved ships; with `lines`, only
 * those quantities ship (partial delivery) and the rest of the reservation goes back to stock, or,
 * with `keepRest: true`, stays reserved for a later delivery (the order stays confirmed).
 *
 * @example
 * ```ts
 * import { fulfilSaleOrderInput } from '@stocksync/db/validators';
 * fulfilSaleOrderInput.parse({ orderId, lines: [{ productId, quantity: 1 }] });
 * ```
 */
export const fulfilSaleOrderInput = z
  .object({
    orderId: uuidString,
    driverId: uuidString.optional(),
    createdById: uuidString.optional(),
    lines: z.array(z.object({ productId: uuidString, quantity: z.number().int().min(0) })).min(1).optional(),
    keepRest: z.boolean().optional(),
  })
  .superRefine((v, ctx) => uniqueProducts(v.lines ?? [], ctx));
/** Input of {@link fulfilSaleOrderInput} as the caller writes it. */
export type FulfilSaleOrderInput = z.input<typeof fulfilSaleOrderInput>;

/**
 * Input of `paySaleOrder`: the order's total is paid in one payment; `amountCents`, when given, must
 * equal the total (the database refuses anything else), `paymentReference` is the provider's id.
 *
 * @example
 * ```ts
 * import { paySaleOrderInput } from '@stocksync/db/validators';
 * paySaleOrderInput.parse({ orderId, paymentReference: 'pi_123' });
 * ```
 */
export const paySaleOrderInput = z.object({
  orderId: uuidString,
  amountCents: positiveCents.optional(),
  paymentReference: z.string().trim().min(1).max(255).optional(),
});
/** Input of {@link paySaleOrderInput} as the caller writes it. */
export type PaySaleOrderInput = z.input<typeof paySaleOrderInput>;

/**
 * Input of `refundSaleOrder`: an amount to give back (at most what is still unrefunded) and,
 * optionally, the shipped units that came back (`returnLines`, put back into the order's location).
 *
 * @example
 * ```ts
 * import { refundSaleOrderInput } from '@stocksync/db/validators';
 * refundSaleOrderInput.parse({ orderId, amountCents: 250, returnLines: [{ productId, quantity: 1 }] });
 * ```
 */
export const refundSaleOrderInput = z
  .object({
    orderId: uuidString,
    amountCents: positiveCents,
    returnLines: z.array(z.object({ productId: uuidString, quantity: positiveQuantity })).min(1).optional(),
    note: z.string().max(1000).optional(),
    createdById: uuidString.optional(),
  })
  .superRefine((v, ctx) => uniqueProducts(v.returnLines ?? [], ctx, 'returnLines'));
/** Input of {@link refundSaleOrderInput} as the caller writes it. */
export type RefundSaleOrderInput = z.input<typeof refundSaleOrderInput>;

/**
 * Input of `createSaleOrderFromCart`: the open cart to order, and what a cart does not say (the order
 * number, the buyer and the location the units leave from).
 *
 * @example
 * ```ts
 * import { createSaleOrderFromCartInput } from '@stocksync/db/validators';
 * createSaleOrderFromCartInput.parse({ cartId, orderNumber: 'SO-1', buyerId, locationId });
 * ```
 */
export const createSaleOrderFromCartInput = z.object({
  cartId: uuidString,
  orderNumber: z.string().trim().min(1).max(50),
  buyerId: uuidString,
  locationId: uuidString,
  notes: z.string().optional(),
  expectedAt: z.date().optional(),
  createdById: uuidString.optional(),
});
/** Input of {@link createSaleOrderFromCartInput} as the caller writes it. */
export type CreateSaleOrderFromCartInput = z.input<typeof createSaleOrderFromCartInput>;
