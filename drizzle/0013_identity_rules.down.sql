-- Reverts 0013_identity_rules.
DROP TRIGGER IF EXISTS sessions_touch_updated_at ON "sessions";
--> statement-breakpoint
ALTER TABLE "sessions" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_touch_updated_at ON "team_members";
--> statement-breakpoint
ALTER TABLE "team_members" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_touch_updated_at ON "teams";
--> statement-breakpoint
ALTER TABLE "teams" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_touch_updated_at ON "memberships";
--> statement-breakpoint
ALTER TABLE "memberships" NO FORCE ROW LEVEL SECURITY;
