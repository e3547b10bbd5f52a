-- 0032_tenancy_check_rules: the tenant status check of every context statement runs as the caller
-- (SECURITY INVOKER, no SET clause). It always runs after the same statement set the role and
-- app.tenant_id, so the application role sees exactly the tenant row it checks (policy
-- tenants_tenant_isolation, 0027). SECURITY DEFINER with SET search_path cost a search-path switch
-- and a cached-plan revalidation on entry and exit: about a third of the context's server time.
CREATE OR REPLACE FUNCTION stocksync_check_tenant(p_tenant_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY INVOKER AS $$
DECLARE
  v_status text;
  v_active boolean;
BEGIN
  SELECT t.status, t.is_active INTO v_status, v_active FROM public.tenants t WHERE t.id = p_tenant_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
      USING ERRCODE = 'ST404', HINT = 'Check the tenant id or create the tenant first.';
  END IF;
  IF v_status <> 'active' OR NOT v_active THEN
    RAISE EXCEPTION 'tenant % is %', p_tenant_id, CASE WHEN v_status <> 'active' THEN v_status ELSE 'inactive' END
      USING ERRCODE = 'ST403', DETAIL = CASE WHEN v_status <> 'active' THEN v_status ELSE 'inactive' END,
            HINT = 'Reactivate the tenant before using it.';
  END IF;
  RETURN true;
END
$$;
