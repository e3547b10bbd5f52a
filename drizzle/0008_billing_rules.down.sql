-- Reverts billing_rules.
DROP TRIGGER IF EXISTS cart_items_touch_cart ON "cart_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_cart_items_touch_cart();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_guard ON "cart_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_cart_items_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_guard ON "carts";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_carts_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_settle ON "refunds";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_refunds_settle();
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_guard ON "refunds";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_refunds_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_guard ON "payments";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_payments_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_entitle ON "subscriptions";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_subscriptions_entitle();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_entitle ON "billing_orders";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_billing_orders_entitle();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_total ON "billing_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_billing_order_items_total();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_guard ON "billing_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_billing_order_items_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_guard ON "billing_orders";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_billing_orders_guard();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_expire_carts();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_compute_tax_cents(bigint, text, text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_tax_rate(text, text);
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON "billing_products", "billing_product_requirements", "tax_rates" TO stocksync_app;
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_invoice_id_fkey", ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("tenant_id", "invoice_id") REFERENCES "invoices" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_order_id_fkey", ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "billing_orders" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_subscription_id_fkey", ADD CONSTRAINT "invoices_subscription_id_fkey" FOREIGN KEY ("tenant_id", "subscription_id") REFERENCES "subscriptions" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_order_id_fkey", ADD CONSTRAINT "invoices_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "billing_orders" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_user_id_fkey", ADD CONSTRAINT "subscriptions_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "billing_orders" DROP CONSTRAINT "billing_orders_cart_id_fkey", ADD CONSTRAINT "billing_orders_cart_id_fkey" FOREIGN KEY ("tenant_id", "cart_id") REFERENCES "carts" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_touch_updated_at ON "carts";
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_touch_updated_at ON "cart_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_touch_updated_at ON "billing_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_touch_updated_at ON "billing_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_touch_updated_at ON "subscriptions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_touch_updated_at ON "invoices";
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_touch_updated_at ON "payments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_touch_updated_at ON "refunds";
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_touch_updated_at ON "entitlements";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_products_touch_updated_at ON "billing_products";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_product_requirements_touch_updated_at ON "billing_product_requirements";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tax_rates_touch_updated_at ON "tax_rates";
--> statement-breakpoint
ALTER TABLE "carts" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "cart_items" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "billing_orders" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "billing_order_items" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "subscriptions" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invoices" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "payments" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "refunds" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "entitlements" NO FORCE ROW LEVEL SECURITY;
