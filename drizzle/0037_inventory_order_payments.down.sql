-- Reverts 0037_inventory_order_payments: the payment guards, then the payment columns and their checks.
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_paid_guard ON "inventory_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_order_items_paid_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_payment_guard ON "inventory_orders";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_orders_payment_guard();
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP CONSTRAINT IF EXISTS "inventory_orders_refunded_cents_check";
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP CONSTRAINT IF EXISTS "inventory_orders_paid_cents_check";
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP COLUMN IF EXISTS "payment_reference", DROP COLUMN IF EXISTS "paid_at",
  DROP COLUMN IF EXISTS "refunded_cents", DROP COLUMN IF EXISTS "paid_cents";
