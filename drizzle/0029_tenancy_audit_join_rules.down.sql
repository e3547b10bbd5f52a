-- Reverts 0029_tenancy_audit_join_rules.
ALTER FUNCTION stocksync_audit_changes() RESET enable_nestloop;
