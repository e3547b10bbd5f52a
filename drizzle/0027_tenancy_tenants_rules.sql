-- 0027_tenancy_tenants_rules: the application role sees only its own tenant's row of `tenants`
-- (names, emails, Stripe ids of other tenants stay hidden even from raw SQL); resolution and the
-- status check keep working through SECURITY DEFINER functions (stocksync_resolve_tenant and
-- stocksync_check_tenant, migrations 0024 and 0004) that return only what they need.
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenants_tenant_isolation" ON "tenants" AS PERMISSIVE FOR SELECT TO stocksync_app
  USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- The purge guard of ledgers and paid rows must see the tenant row whatever the caller's context
-- (under the policy above, a hidden row would read as "purging" and let the delete through): it
-- runs as the owner and returns only a boolean.
CREATE OR REPLACE FUNCTION stocksync_tenant_purging(p_tenant_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT EXISTS (SELECT 1 FROM public.tenants WHERE id = p_tenant_id)
$$;
