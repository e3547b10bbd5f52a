-- Reverts messaging_rules.
DROP TRIGGER IF EXISTS communications_counterparty_check ON "communications";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_communications_counterparty_check();
--> statement-breakpoint
ALTER TABLE "communications" DROP CONSTRAINT "communications_sent_by_id_fkey", ADD CONSTRAINT "communications_sent_by_id_fkey" FOREIGN KEY ("tenant_id", "sent_by_id") REFERENCES "users" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "communications" DROP CONSTRAINT "communications_inventory_order_id_fkey", ADD CONSTRAINT "communications_inventory_order_id_fkey" FOREIGN KEY ("tenant_id", "inventory_order_id") REFERENCES "inventory_orders" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS notifications_touch_updated_at ON "notifications";
--> statement-breakpoint
DROP TRIGGER IF EXISTS communications_touch_updated_at ON "communications";
--> statement-breakpoint
ALTER TABLE "notifications" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "communications" NO FORCE ROW LEVEL SECURITY;
