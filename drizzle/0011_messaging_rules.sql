-- Messaging rules drizzle-kit cannot express: forced RLS, updated_at triggers, ON DELETE SET NULL (col)
-- keys, and the polymorphic counterparty checked like a foreign key.
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "communications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER notifications_touch_updated_at BEFORE UPDATE ON "notifications"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER communications_touch_updated_at BEFORE UPDATE ON "communications"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
ALTER TABLE "communications" DROP CONSTRAINT "communications_inventory_order_id_fkey", ADD CONSTRAINT "communications_inventory_order_id_fkey" FOREIGN KEY ("tenant_id", "inventory_order_id") REFERENCES "inventory_orders" ("tenant_id", "id") ON DELETE SET NULL ("inventory_order_id");
--> statement-breakpoint
ALTER TABLE "communications" DROP CONSTRAINT "communications_sent_by_id_fkey", ADD CONSTRAINT "communications_sent_by_id_fkey" FOREIGN KEY ("tenant_id", "sent_by_id") REFERENCES "users" ("tenant_id", "id") ON DELETE SET NULL ("sent_by_id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_communications_counterparty_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF stocksync_entity_exists(NEW.tenant_id, NEW.counterparty_type, NEW.counterparty_id) IS FALSE THEN
    RAISE EXCEPTION 'No % % in this tenant: create the counterparty before logging communications with it.',
      NEW.counterparty_type, NEW.counterparty_id
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'communications_counterparty_fkey', TABLE = 'communications';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER communications_counterparty_check BEFORE INSERT OR UPDATE OF counterparty_type, counterparty_id ON "communications"
  FOR EACH ROW EXECUTE FUNCTION stocksync_communications_counterparty_check();
