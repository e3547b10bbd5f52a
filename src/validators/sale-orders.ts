// Inputs of the sale order lifecycle operations (create, confirm with reservation, fulfil in full
// or in part, cancel): what a caller sends, checked before any round trip.
import { z } from 'zod';
import { cents, positiveQuantity, uuidString } from './_fields.js';

const uniqueProducts = (lines: ReadonlyArray<{ productId: string }>, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.productId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'productId'], message: 'Each product may appear once' });
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
 * Input of `fulfilSaleOrder`: without `lines` the whole order ships; with `lines`, only those
 * quantities ship (partial delivery) and the rest of the reservation goes back to stock.
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
  })
  .superRefine((v, ctx) => uniqueProducts(v.lines ?? [], ctx));
/** Input of {@link fulfilSaleOrderInput} as the caller writes it. */
export type FulfilSaleOrderInput = z.input<typeof fulfilSaleOrderInput>;
