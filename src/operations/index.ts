// Public entry of @stocksync/db/operations: typed business actions that run inside a tenant context.
export { runOperation, rowsOf, type OperationDatabase, type OperationTransaction } from './_run.js';
export {
  receiveStock,
  shipStock,
  receivePurchaseOrder,
  shipSaleOrder,
  deliverSaleOrder,
  RESERVATION_LOCATION_CODE,
  type StockChange,
  type OrderStockChange,
} from './inventory.js';
export {
  createSaleOrder,
  setSaleOrderLines,
  confirmSaleOrder,
  fulfilSaleOrder,
  cancelSaleOrder,
  reservedForOrder,
  type SaleOrder,
  type SaleOrderStockChange,
} from './sale-orders.js';
export { paySaleOrder, refundSaleOrder } from './sale-order-payments.js';
export { createSaleOrderFromCart, type SaleOrderFromCart } from './sale-order-from-cart.js';
export {
  placeOrder,
  payOrder,
  refundOrder,
  checkoutCart,
  expireCarts,
  type PlacedOrder,
  type PaidOrder,
  type CheckedOutCart,
} from './billing.js';
export {
  openLicenseSession,
  heartbeatLicenseSession,
  closeLicenseSession,
  reapZombieSessions,
} from './licenses.js';
export { RuleViolationError, NotFoundError, ValidationError, TenantContextMissingError } from '../errors.js';
