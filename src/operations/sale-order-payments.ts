// Sale order money: pay a confirmed order once, for its total, and refund it in parts, optionally
// taking shipped units back into stock. The database keeps a paid order's terms and items fixed.
import { and, eq, sql } from 'drizzle-orm';
import { RuleViolationError } from '../errors.js';
import { inventoryOrders, stockMovements } from '../schema/inventory.js';
import { parseInput } from '../validators/_fields.js';
import {
  paySaleOrderInput,
  refundSaleOrderInput,
  type PaySaleOrderInput,
  type RefundSaleOrderInput,
} from '../validators/sale-orders.js';
import { writeMovements } from './inventory.js';
import { lockSaleOrder, reload, shippedLines, type SaleOrder, type SaleOrderStockChange } from './sale-orders.js';
import { rowsOf, runOperation, type OperationDatabase, type OperationTransaction } from './_run.js';

/**
 * Pays a confirmed (or shipped, or delivered) sale order: its total, in one payment, recorded on the
 * order (`paidCents`, `paidAt`, `paymentReference`). From then on the database keeps the order's
 * terms and items fixed; money goes back only through {@link refundSaleOrder}. A second payment, an
 * amount other than the total ({@link RuleViolationError} `inventory_orders_payment_check`, 23514)
 * and a draft or cancelled order are refused.
 *
 * @example
 * ```ts
 * import { paySaleOrder } from '@stocksync/db/operations';
 * const { order } = await withTenant(db, tenantId, (tx) => paySaleOrder(tx, { orderId, paymentReference: 'pi_123' }));
 * ```
 */
export function paySaleOrder(db: OperationDatabase, input: PaySaleOrderInput): Promise<SaleOrder> {
  const data = parseInput(paySaleOrderInput, input, 'paySaleOrder');
  return runOperation(db, 'paySaleOrder', async (tx, tenantId) => {
    const { order } = await lockSaleOrder(tx, tenantId, data.orderId);
    if (order.paidAt) throw new RuleViolationError(`Sale order ${order.orderNumber} is already paid: record a refund to give money back.`, 'inventory_orders_payment_check');
    if (order.totalCents === 0) throw new RuleViolationError(`Sale order ${order.orderNumber} totals 0: there is nothing to pay.`, 'inventory_orders_payment_check');
    // The amount is the database's to check (inventory_orders_payment_check): one rule, one place.
    await tx
      .update(inventoryOrders)
      .set({ paidCents: data.amountCents ?? order.totalCents, paidAt: sql`now()`, paymentReference: data.paymentReference ?? null })
      .where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, order.id)));
    return reload(tx, tenantId, order.id);
  });
}

// Units of an order that came back (`return` movements), by product.
async function returnedLines(tx: OperationTransaction, tenantId: string, orderId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ product_id: string; returned: number | string }>(
    await tx.execute(sql`select product_id::text as product_id, sum(quantity_delta) as returned from ${stockMovements}
      where tenant_id = ${tenantId} and order_id = ${orderId} and reason = 'return' group by product_id order by 1`),
  );
  return new Map(rows.map((r) => [r.product_id, Number(r.returned)]));
}

/**
 * Refunds part or all of a paid sale order: `refundedCents` grows by `amountCents`, never past what
 * was paid (`inventory_orders_refunded_cents_check`). With `returnLines`, shipped units that came back
 * go into the order's location as `return` movements; more than shipped (less earlier returns) is
 * refused. A paid order refunded in full may then be cancelled, if it has not shipped.
 *
 * @example
 * ```ts
 * import { refundSaleOrder } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => refundSaleOrder(tx, { orderId, amountCents: 250, returnLines: [{ productId, quantity: 1 }] }));
 * ```
 */
export function refundSaleOrder(db: OperationDatabase, input: RefundSaleOrderInput): Promise<SaleOrderStockChange> {
  const data = parseInput(refundSaleOrderInput, input, 'refundSaleOrder');
  return runOperation(db, 'refundSaleOrder', async (tx, tenantId) => {
    const { order } = await lockSaleOrder(tx, tenantId, data.orderId);
    if (!order.paidAt) throw new RuleViolationError(`Sale order ${order.orderNumber} is not paid: there is nothing to refund.`, 'inventory_orders_refunded_cents_check');
    const left = order.paidCents - order.refundedCents;
    if (data.amountCents > left) {
      throw new RuleViolationError(`Sale order ${order.orderNumber} has ${left} cents left to refund: ${data.amountCents} is too much.`, 'inventory_orders_refunded_cents_check');
    }
    let movements: SaleOrderStockChange['movements'] = [];
    if (data.returnLines) {
      const shipped = await shippedLines(tx, tenantId, order.id);
      const returned = await returnedLines(tx, tenantId, order.id);
      for (const line of data.returnLines) {
        const open = (shipped.get(line.productId) ?? 0) - (returned.get(line.productId) ?? 0);
        if (line.quantity > open) {
          throw new RuleViolationError(`Sale order ${order.orderNumber} has ${open} shipped unit(s) of product ${line.productId} not yet returned: it cannot take back ${line.quantity}.`, 'inventory_orders_return_check');
        }
      }
      const meta = { orderId: order.id, reference: order.orderNumber, note: data.note, createdById: data.createdById };
      movements = (await writeMovements(tx, tenantId, order.locationId, data.returnLines, 'return', meta)).movements;
    }
    await tx
      .update(inventoryOrders)
      .set({ refundedCents: sql`${inventoryOrders.refundedCents} + ${data.amountCents}` })
      .where(and(eq(inventoryOrders.tenantId, tenantId), eq(inventoryOrders.id, order.id)));
    return { ...(await reload(tx, tenantId, order.id)), movements };
  });
}
