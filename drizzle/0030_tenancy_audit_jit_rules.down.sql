-- Reverts 0030_tenancy_audit_jit_rules.
ALTER FUNCTION stocksync_audit_changes() RESET jit;
