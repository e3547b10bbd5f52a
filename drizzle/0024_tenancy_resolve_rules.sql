-- Tenant resolution: one SECURITY DEFINER lookup by id, slug, tenant subdomain or verified custom
-- domain, callable before any tenant context exists (tenant_domains is under forced RLS).
CREATE POLICY "tenant_domains_resolver" ON "tenant_domains" AS PERMISSIVE FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_resolve_tenant(p_by text, p_value text)
RETURNS TABLE (id uuid, slug text, status text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT t.id, t.slug::text,
         CASE WHEN t.status = 'active' AND NOT t.is_active THEN 'inactive' ELSE t.status::text END
    FROM public.tenants t
   WHERE p_by = 'id' AND t.id = (CASE WHEN p_by = 'id' THEN p_value::uuid END)
  UNION ALL
  SELECT t.id, t.slug::text,
         CASE WHEN t.status = 'active' AND NOT t.is_active THEN 'inactive' ELSE t.status::text END
    FROM public.tenants t
   WHERE p_by = 'slug' AND t.slug = p_value
  UNION ALL
  SELECT t.id, t.slug::text,
         CASE WHEN t.status = 'active' AND NOT t.is_active THEN 'inactive' ELSE t.status::text END
    FROM public.tenant_domains d JOIN public.tenants t ON t.id = d.tenant_id
   WHERE (p_by = 'subdomain' AND d.kind = 'subdomain' AND d.hostname = p_value)
      OR (p_by = 'domain' AND d.kind = 'custom' AND d.verified_at IS NOT NULL AND d.hostname = p_value)
  LIMIT 1
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION stocksync_resolve_tenant(text, text) TO stocksync_app;
