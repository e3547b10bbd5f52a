-- Reverts 0004_tenancy_rules.
DROP FUNCTION IF EXISTS stocksync_check_tenant(uuid);
