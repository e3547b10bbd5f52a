-- Reverts 0032_tenancy_check_rules: the check as 0004_tenancy_rules defined it.
CREATE OR REPLACE FUNCTION stocksync_check_tenant(p_tenant_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
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
