-- Reverts 0000_bootstrap. Roles are cluster-wide and may serve other databases, so they stay.
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM stocksync_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM stocksync_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM stocksync_app;
--> statement-breakpoint
REVOKE USAGE ON SCHEMA public FROM stocksync_app;
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_touch_updated_at();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_uuidv7();
