-- Reverts 0027_tenancy_tenants_rules.
CREATE OR REPLACE FUNCTION stocksync_tenant_purging(p_tenant_id uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT NOT EXISTS (SELECT 1 FROM tenants WHERE id = p_tenant_id)
$$;
--> statement-breakpoint
DROP POLICY IF EXISTS "tenants_tenant_isolation" ON "tenants";
--> statement-breakpoint
ALTER TABLE "tenants" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenants" DISABLE ROW LEVEL SECURITY;
