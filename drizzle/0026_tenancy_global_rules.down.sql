-- Reverts 0026_tenancy_global_rules.
GRANT INSERT, UPDATE, DELETE ON "tenants" TO stocksync_app;
