-- Reverts inventory_rules.
DROP TRIGGER IF EXISTS inventory_order_items_total ON "inventory_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_order_items_total();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_guard ON "inventory_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_order_items_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_transition ON "inventory_orders";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_orders_transition();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_stock_level_drift();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_backorder_guard ON "inventory_locations";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_locations_backorder_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS stock_levels_guard ON "stock_levels";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_stock_levels_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS stock_movements_append_only ON "stock_movements";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_stock_movements_append_only();
--> statement-breakpoint
DROP TRIGGER IF EXISTS stock_movements_apply ON "stock_movements";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_stock_movements_apply();
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP CONSTRAINT "inventory_orders_created_by_id_fkey", ADD CONSTRAINT "inventory_orders_created_by_id_fkey" FOREIGN KEY ("tenant_id", "created_by_id") REFERENCES "users" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP CONSTRAINT "inventory_orders_driver_id_fkey", ADD CONSTRAINT "inventory_orders_driver_id_fkey" FOREIGN KEY ("tenant_id", "driver_id") REFERENCES "drivers" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "drivers" DROP CONSTRAINT "drivers_user_id_fkey", ADD CONSTRAINT "drivers_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_touch_updated_at ON "inventory_products";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_touch_updated_at ON "inventory_locations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_touch_updated_at ON "suppliers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_touch_updated_at ON "buyers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_touch_updated_at ON "drivers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_touch_updated_at ON "inventory_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_touch_updated_at ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS stock_levels_touch_updated_at ON "stock_levels";
--> statement-breakpoint
ALTER TABLE "inventory_products" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inventory_locations" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "suppliers" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "buyers" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "drivers" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inventory_orders" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inventory_order_items" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "stock_levels" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "stock_movements" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_tenant_purging(uuid);
