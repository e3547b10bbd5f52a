-- Reverts contacts_rules.
DROP TRIGGER IF EXISTS users_delete_contacts ON "users";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_delete_contacts ON "billing_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_delete_contacts ON "suppliers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_delete_contacts ON "buyers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_delete_contacts ON "drivers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_delete_contacts ON "inventory_locations";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_contacts_owner_deleted();
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_owner_check ON "addresses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_owner_check ON "phone_numbers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_owner_check ON "email_addresses";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_contacts_owner_check();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_entity_exists(uuid, text, uuid);
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_touch_updated_at ON "addresses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_touch_updated_at ON "phone_numbers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_touch_updated_at ON "email_addresses";
--> statement-breakpoint
ALTER TABLE "addresses" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "phone_numbers" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "email_addresses" NO FORCE ROW LEVEL SECURITY;
