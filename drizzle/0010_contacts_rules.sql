-- Contact rules drizzle-kit cannot express: forced RLS, updated_at triggers, and the polymorphic
-- owner (entity_type, entity_id) checked like a foreign key: it must exist in the same tenant, and
-- its contact rows go when it is deleted.
ALTER TABLE "addresses" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "phone_numbers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "email_addresses" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER addresses_touch_updated_at BEFORE UPDATE ON "addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER phone_numbers_touch_updated_at BEFORE UPDATE ON "phone_numbers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER email_addresses_touch_updated_at BEFORE UPDATE ON "email_addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
-- Whether the polymorphic owner exists in the tenant (RLS applies: only the current tenant's rows are visible).
CREATE OR REPLACE FUNCTION stocksync_entity_exists(p_tenant_id uuid, p_entity_type text, p_entity_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN CASE p_entity_type
    WHEN 'tenant' THEN p_entity_id = p_tenant_id
    WHEN 'user' THEN EXISTS (SELECT 1 FROM users WHERE tenant_id = p_tenant_id AND id = p_entity_id)
    WHEN 'order' THEN EXISTS (SELECT 1 FROM billing_orders WHERE tenant_id = p_tenant_id AND id = p_entity_id)
    WHEN 'supplier' THEN EXISTS (SELECT 1 FROM suppliers WHERE tenant_id = p_tenant_id AND id = p_entity_id)
    WHEN 'buyer' THEN EXISTS (SELECT 1 FROM buyers WHERE tenant_id = p_tenant_id AND id = p_entity_id)
    WHEN 'driver' THEN EXISTS (SELECT 1 FROM drivers WHERE tenant_id = p_tenant_id AND id = p_entity_id)
    WHEN 'inventory_location' THEN EXISTS (SELECT 1 FROM inventory_locations WHERE tenant_id = p_tenant_id AND id = p_entity_id)
    ELSE NULL -- an unknown type is left to the entity_type CHECK constraint (23514)
  END;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_contacts_owner_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF stocksync_entity_exists(NEW.tenant_id, NEW.entity_type, NEW.entity_id) IS FALSE THEN
    RAISE EXCEPTION 'No % % in this tenant: create the owner before its contact details.', NEW.entity_type, NEW.entity_id
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_TABLE_NAME || '_entity_fkey', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER addresses_owner_check BEFORE INSERT OR UPDATE OF entity_type, entity_id ON "addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_check();
--> statement-breakpoint
CREATE TRIGGER phone_numbers_owner_check BEFORE INSERT OR UPDATE OF entity_type, entity_id ON "phone_numbers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_check();
--> statement-breakpoint
CREATE TRIGGER email_addresses_owner_check BEFORE INSERT OR UPDATE OF entity_type, entity_id ON "email_addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_check();
--> statement-breakpoint
-- Deleting an owner deletes its contact rows (TG_ARGV[0] is its entity_type), like ON DELETE CASCADE.
CREATE OR REPLACE FUNCTION stocksync_contacts_owner_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM addresses WHERE tenant_id = OLD.tenant_id AND entity_type = TG_ARGV[0] AND entity_id = OLD.id;
  DELETE FROM phone_numbers WHERE tenant_id = OLD.tenant_id AND entity_type = TG_ARGV[0] AND entity_id = OLD.id;
  DELETE FROM email_addresses WHERE tenant_id = OLD.tenant_id AND entity_type = TG_ARGV[0] AND entity_id = OLD.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_delete_contacts AFTER DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_deleted('user');
--> statement-breakpoint
CREATE TRIGGER billing_orders_delete_contacts AFTER DELETE ON "billing_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_deleted('order');
--> statement-breakpoint
CREATE TRIGGER suppliers_delete_contacts AFTER DELETE ON "suppliers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_deleted('supplier');
--> statement-breakpoint
CREATE TRIGGER buyers_delete_contacts AFTER DELETE ON "buyers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_deleted('buyer');
--> statement-breakpoint
CREATE TRIGGER drivers_delete_contacts AFTER DELETE ON "drivers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_deleted('driver');
--> statement-breakpoint
CREATE TRIGGER inventory_locations_delete_contacts AFTER DELETE ON "inventory_locations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_contacts_owner_deleted('inventory_location');
