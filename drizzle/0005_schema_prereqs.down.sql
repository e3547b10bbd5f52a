-- Reverts 0005_schema_prereqs.
DROP FUNCTION IF EXISTS stocksync_audit_retention();
--> statement-breakpoint
DROP EXTENSION IF EXISTS btree_gist;
--> statement-breakpoint
DROP EXTENSION IF EXISTS btree_gin;
