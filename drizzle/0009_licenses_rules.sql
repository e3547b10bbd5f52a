-- License rules drizzle-kit cannot express: forced RLS, updated_at triggers, ON DELETE SET NULL (col)
-- keys, the seat limit (the license row is locked while counting, so concurrent opens queue up),
-- final session states, and the zombie reaper.
ALTER TABLE "licenses" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "license_sessions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER licenses_touch_updated_at BEFORE UPDATE ON "licenses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER license_sessions_touch_updated_at BEFORE UPDATE ON "license_sessions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
ALTER TABLE "licenses" DROP CONSTRAINT "licenses_entitlement_id_fkey", ADD CONSTRAINT "licenses_entitlement_id_fkey" FOREIGN KEY ("tenant_id", "entitlement_id") REFERENCES "entitlements" ("tenant_id", "id") ON DELETE SET NULL ("entitlement_id");
--> statement-breakpoint
ALTER TABLE "license_sessions" DROP CONSTRAINT "license_sessions_user_id_fkey", ADD CONSTRAINT "license_sessions_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users" ("tenant_id", "id") ON DELETE SET NULL ("user_id");
--> statement-breakpoint
-- Opening a session (insert as active) locks its license with a no-op update, so concurrent opens
-- serialize (and fail with 40001 under REPEATABLE READ rather than overbook), then counts active seats.
CREATE OR REPLACE FUNCTION stocksync_license_sessions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_license licenses%ROWTYPE;
  v_active integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status <> 'active' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.last_heartbeat_at IS DISTINCT FROM OLD.last_heartbeat_at) THEN
      RAISE EXCEPTION 'License session % is %: open a new session.', OLD.id, OLD.status
        USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'license_sessions';
    END IF;
    IF NEW.license_id <> OLD.license_id OR NEW.hardware_id <> OLD.hardware_id THEN
      RAISE EXCEPTION 'A license session cannot move to another license or machine: open a new session.'
        USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'license_sessions';
    END IF;
    IF NEW.status <> 'active' AND OLD.status = 'active' THEN
      NEW.ended_at := coalesce(NEW.ended_at, now());
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status <> 'active' THEN
    RETURN NEW;
  END IF;
  UPDATE licenses SET seats_total = seats_total
    WHERE tenant_id = NEW.tenant_id AND id = NEW.license_id
    RETURNING * INTO v_license;
  IF NOT FOUND THEN
    RETURN NEW;
  END IF;
  IF v_license.status <> 'active' OR (v_license.expires_at IS NOT NULL AND v_license.expires_at <= now()) THEN
    RAISE EXCEPTION 'License % is % (expires %): it accepts no new sessions.', v_license.id, v_license.status, v_license.expires_at
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'license_sessions';
  END IF;
  SELECT count(*) INTO v_active FROM license_sessions
    WHERE tenant_id = NEW.tenant_id AND license_id = NEW.license_id AND status = 'active';
  IF v_active >= v_license.seats_total THEN
    RAISE EXCEPTION 'All % seats of license % are in use: close a session (or let the reaper free a silent one) first.',
      v_license.seats_total, v_license.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'license_sessions_seats_check', TABLE = 'license_sessions';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER license_sessions_guard BEFORE INSERT OR UPDATE ON "license_sessions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_license_sessions_guard();
--> statement-breakpoint
-- seats_total may not drop below the sessions active now.
CREATE OR REPLACE FUNCTION stocksync_licenses_seats_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_active integer;
BEGIN
  IF NEW.seats_total < OLD.seats_total THEN
    SELECT count(*) INTO v_active FROM license_sessions
      WHERE tenant_id = NEW.tenant_id AND license_id = NEW.id AND status = 'active';
    IF v_active > NEW.seats_total THEN
      RAISE EXCEPTION 'License % has % active sessions: close some before lowering seats_total to %.',
        NEW.id, v_active, NEW.seats_total
        USING ERRCODE = 'check_violation', CONSTRAINT = 'license_sessions_seats_check', TABLE = 'licenses';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER licenses_seats_guard BEFORE UPDATE OF seats_total ON "licenses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_licenses_seats_guard();
--> statement-breakpoint
-- The reaper: active sessions silent for longer than p_ttl (6 minutes) become zombies, freeing their
-- seats. Under RLS it reaps the current tenant; run by the owner it reaps every tenant.
CREATE OR REPLACE FUNCTION stocksync_reap_license_sessions(p_ttl interval DEFAULT interval '6 minutes', p_license_id uuid DEFAULT NULL)
RETURNS SETOF license_sessions
LANGUAGE sql VOLATILE AS $$
  UPDATE license_sessions SET status = 'zombie', ended_at = now()
  WHERE status = 'active' AND last_heartbeat_at < now() - p_ttl
    AND (p_license_id IS NULL OR license_id = p_license_id)
  RETURNING *
$$;
