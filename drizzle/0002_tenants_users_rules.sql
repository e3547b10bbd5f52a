-- Rules drizzle-kit cannot express for tenants and users: forced RLS and updated_at triggers.
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER tenants_touch_updated_at BEFORE UPDATE ON "tenants"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER users_touch_updated_at BEFORE UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
