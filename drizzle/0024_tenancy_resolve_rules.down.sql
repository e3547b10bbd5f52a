-- Reverts 0024_tenancy_resolve_rules.
DROP FUNCTION IF EXISTS stocksync_resolve_tenant(text, text);
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_domains_resolver" ON "tenant_domains";
