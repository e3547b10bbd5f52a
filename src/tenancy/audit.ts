// The audit trail: one row-level trigger function (constant cost per row, runs on Citus shards)
// attached to every tenant table, except those opted out with a reason.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgDatabase } from './context/index.js';
import { STATEMENT_BREAKPOINT, type MigrationSql } from './policies.js';

/** A tenant table that is not audited by trigger, and why. */
export interface AuditOptOut {
  table: string;
  reason: string;
}

/**
 * Tenant tables without the audit trigger, each with its reason. The catalog test fails for a
 * tenant table that has neither the trigger nor an entry here, so a new table cannot be forgotten.
 *
 * @example
 * ```ts
 * import { AUDIT_OPT_OUT } from '@stocksync/db/tenancy';
 * AUDIT_OPT_OUT.map((o) => o.table);
 * ```
 */
export const AUDIT_OPT_OUT: readonly AuditOptOut[] = [
  { table: 'audit_logs', reason: 'The audit trail itself: auditing it would recurse, and it is append-only.' },
  {
    table: 'task_activities',
    reason: 'An activity log itself (who did what to a task, when): high volume, and auditing it would record every event twice.',
  },
  {
    table: 'document_activities',
    reason: 'An activity log itself (views, downloads, edits of documents): high volume, already a record of who did what.',
  },
  {
    table: 'stock_movements',
    reason: 'An append-only inventory ledger: every row already records a stock change with its reason; high volume.',
  },
  {
    table: 'stock_levels',
    reason: 'Derived counters rewritten on every stock movement (the movements are the record); high volume.',
  },
  {
    table: 'sessions',
    reason: 'Sign-in activity tracking updated throughout a session; sign-ins are audited by the application as user.login actions.',
  },
  {
    table: 'license_sessions',
    reason: 'Seat heartbeats every few minutes per running client: high-volume technical state, not business data.',
  },
  {
    table: 'notifications',
    reason: 'System-generated messages to users, written and marked read in high volume; not a state of record.',
  },
  {
    table: 'workstation_metrics',
    reason: 'Resource usage samples (CPU, memory) recorded every few seconds per machine: telemetry, not business data.',
  },
  {
    table: 'communications',
    reason: 'A log of messages exchanged with counterparties: itself the record, high volume.',
  },
];

/** Name of the trigger function every audited table uses. */
export const AUDIT_FUNCTION = 'stocksync_audit_changes';

/**
 * The three trigger names of an audited table.
 *
 * @example
 * ```ts
 * import { auditTriggerNames } from '@stocksync/db/tenancy';
 * auditTriggerNames('projects').update; // 'projects_audit_update'
 * ```
 */
export function auditTriggerNames(table: string): { insert: string; update: string; delete: string } {
  return { insert: `${table}_audit_insert`, update: `${table}_audit_update`, delete: `${table}_audit_delete` };
}

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The trigger function, fired FOR EACH ROW. It reads the actor from the transaction's context
 * (app.user_id, app.ip, app.user_agent, app.request_id, app.user_role), writes one audit_logs row
 * per changed row with `changes = {before, after}` (only the changed columns for updates,
 * updated_at ignored; an update that changes nothing is not logged), and skips rows whose tenant
 * is gone (a purge cascading). It is SECURITY DEFINER (owned by the migrating role, fixed
 * search_path): audit rows are written whoever fires the trigger (a cascade, the retention role,
 * any role without INSERT on audit_logs), and the application role needs no INSERT on audit_logs,
 * so a request cannot forge entries.
 *
 * Row-level, not statement-level over transition tables: the cost per row is constant whatever the
 * size of the statement (one cached INSERT), and Citus runs row triggers on its shards (it has no
 * transition tables there). The UPDATE diff is a loop-free query over the row's own jsonb, with no
 * table and no correlated subquery.
 */
export const AUDIT_FUNCTION_SQL = `CREATE OR REPLACE FUNCTION ${AUDIT_FUNCTION}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_changes jsonb;
  v_tenant uuid;
  v_id text;
  v_verified boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_new := to_jsonb(NEW);
    v_changes := jsonb_build_object('before', '{}'::jsonb, 'after', v_new);
  ELSIF TG_OP = 'DELETE' THEN
    v_old := to_jsonb(OLD);
    -- A tenant being purged takes its rows with it: nothing left to audit them for.
    IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = (v_old ->> 'tenant_id')::uuid) THEN
      RETURN NULL;
    END IF;
    v_changes := jsonb_build_object('before', v_old, 'after', '{}'::jsonb);
  ELSE
    v_old := to_jsonb(OLD);
    v_new := to_jsonb(NEW);
    SELECT jsonb_build_object('before', jsonb_object_agg(n.key, v_old -> n.key), 'after', jsonb_object_agg(n.key, n.value))
      INTO v_changes
      FROM jsonb_each(v_new) n
     WHERE n.value IS DISTINCT FROM v_old -> n.key AND n.key <> 'updated_at'
    HAVING count(*) > 0;
    IF v_changes IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  v_tenant := (coalesce(v_new, v_old) ->> 'tenant_id')::uuid;
  -- A purge clears references (set-null triggers) before its rows go: nothing to audit for a gone tenant.
  IF TG_OP = 'UPDATE' AND NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = v_tenant) THEN
    RETURN NULL;
  END IF;
  v_id := coalesce(v_new, v_old) ->> 'id';
  -- The actor is recorded only from a verified context (the signature over every app.* setting holds
  -- now): a statement that rewrites app.user_id after its rows passed the policies signs in nobody's name.
  v_verified := public.stocksync_ctx_tenant() IS NOT NULL;
  INSERT INTO public.audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                                 request_id, changes, metadata, severity)
  VALUES (v_tenant, CASE WHEN v_verified THEN nullif(current_setting('app.user_id', true), '')::uuid END,
          TG_TABLE_NAME || '.' || lower(TG_OP), TG_TABLE_NAME, v_id,
          CASE WHEN v_verified THEN nullif(current_setting('app.ip', true), '')::inet END,
          CASE WHEN v_verified THEN left(coalesce(current_setting('app.user_agent', true), ''), 500) ELSE '' END,
          CASE WHEN v_verified THEN nullif(left(coalesce(current_setting('app.request_id', true), ''), 100), '') END, v_changes,
          jsonb_build_object('source', 'trigger',
            'actor_role', CASE WHEN v_verified THEN nullif(current_setting('app.user_role', true), '') END,
            -- current_user is the definer here: record the role the statement ran as.
            'db_role', CASE WHEN current_setting('role') = 'none' THEN session_user::text ELSE current_setting('role') END),
          CASE WHEN TG_OP = 'DELETE' THEN 'warning' ELSE 'info' END);
  RETURN NULL;
END
$$;`;

/**
 * Up/down SQL attaching the audit triggers to the given tables (AFTER INSERT / UPDATE / DELETE,
 * FOR EACH ROW), optionally with the trigger function itself.
 *
 * @example
 * ```ts
 * import { auditTriggersSql } from '@stocksync/db/tenancy';
 * const { up, down } = auditTriggersSql(['projects', 'tasks'], { withFunction: false });
 * ```
 */
export function auditTriggersSql(tables: readonly string[], options: { withFunction?: boolean } = {}): MigrationSql {
  const up: string[] = [];
  const down: string[] = [];
  if (options.withFunction ?? true) {
    up.push(AUDIT_FUNCTION_SQL);
    down.push(`DROP FUNCTION IF EXISTS ${AUDIT_FUNCTION}();`);
  }
  const optedOut = new Set(AUDIT_OPT_OUT.map((o) => o.table));
  for (const table of tables) {
    if (optedOut.has(table)) continue;
    const names = auditTriggerNames(table);
    for (const op of ['insert', 'update', 'delete'] as const) {
      up.push(`CREATE TRIGGER ${names[op]} AFTER ${op.toUpperCase()} ON ${q(table)}\n  FOR EACH ROW EXECUTE FUNCTION ${AUDIT_FUNCTION}();`);
      down.unshift(`DROP TRIGGER IF EXISTS ${names[op]} ON ${q(table)};`);
    }
  }
  return { up: up.join(STATEMENT_BREAKPOINT), down: down.join(STATEMENT_BREAKPOINT) };
}

/** Name of the function through which application code appends its own audit events. */
export const AUDIT_EVENT_FUNCTION = 'stocksync_audit_event';

/**
 * The audit event function: application code (sign-ins, exports, lifecycle changes) appends an
 * entry without INSERT on audit_logs. SECURITY DEFINER like the trigger; the tenant and the actor
 * (user, ip, user agent, request id, role) come only from the app.* settings, `metadata.source` is
 * always `application`, and actions of the trigger's form (`<table>.insert|update|delete`) are
 * refused, so an event can neither be written for another actor nor pose as a recorded change.
 */
export const AUDIT_EVENT_FUNCTION_SQL = `CREATE OR REPLACE FUNCTION ${AUDIT_EVENT_FUNCTION}(p_action text, p_resource_type text,
  p_resource_id text DEFAULT NULL, p_changes jsonb DEFAULT '{}', p_metadata jsonb DEFAULT '{}', p_severity text DEFAULT 'info')
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  -- Only a verified context: the signature holds over the tenant and every actor setting read below.
  v_tenant uuid := public.stocksync_ctx_tenant();
  v_id uuid;
BEGIN
  IF v_tenant IS NULL THEN
    RAISE EXCEPTION 'an audit event needs a verified tenant context (none entered, or an app.* setting was changed)'
      USING ERRCODE = 'insufficient_privilege', HINT = 'Record audit events inside withTenant.';
  END IF;
  IF p_action ~ '^[^.]+[.](insert|update|delete)$'
     AND to_regclass('public.' || quote_ident(split_part(p_action, '.', 1))) IS NOT NULL THEN
    RAISE EXCEPTION 'the action % is reserved for the audit trigger', p_action
      USING ERRCODE = 'insufficient_privilege', HINT = 'Name application events after what happened, such as user.login.';
  END IF;
  INSERT INTO public.audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                                 request_id, changes, metadata, severity)
  VALUES (v_tenant, nullif(current_setting('app.user_id', true), '')::uuid, p_action, p_resource_type, p_resource_id,
          nullif(current_setting('app.ip', true), '')::inet, left(coalesce(current_setting('app.user_agent', true), ''), 500),
          nullif(left(coalesce(current_setting('app.request_id', true), ''), 100), ''), coalesce(p_changes, '{}'),
          coalesce(p_metadata, '{}') || jsonb_build_object('source', 'application',
            'actor_role', nullif(current_setting('app.user_role', true), ''),
            'db_role', CASE WHEN current_setting('role') = 'none' THEN session_user::text ELSE current_setting('role') END),
          coalesce(p_severity, 'info'))
  RETURNING id INTO v_id;
  RETURN v_id;
END
$$;`;

/** An application event for {@link recordAuditEvent}. */
export interface AuditEvent {
  /** What happened, such as `user.login` or `tenant.suspend` (not `<table>.insert|update|delete`). */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  changes?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  severity?: 'info' | 'warning' | 'error' | 'critical';
}

/**
 * The statement that appends an application event to the audit log of the tenant in context; the
 * actor is the context's (see {@link recordAuditEvent}).
 *
 * @example
 * ```ts
 * import { auditEventSql } from '@stocksync/db/tenancy';
 * await tx.execute(auditEventSql({ action: 'user.login', resourceType: 'users', resourceId: userId }));
 * ```
 */
export function auditEventSql(event: AuditEvent): SQL {
  return sql`select ${sql.raw(AUDIT_EVENT_FUNCTION)}(${event.action}, ${event.resourceType}, ${event.resourceId ?? null}::text,
    ${JSON.stringify(event.changes ?? {})}::jsonb, ${JSON.stringify(event.metadata ?? {})}::jsonb, ${event.severity ?? 'info'}) as id`;
}

/**
 * Appends an application event (a sign-in, an export, a lifecycle change) to the audit log of the
 * tenant in context, with the context's actor. The application role cannot INSERT into audit_logs
 * directly: this (and the trigger) is the only way in. Returns the entry's id.
 *
 * @example
 * ```ts
 * import { recordAuditEvent, withTenant } from '@stocksync/db/tenancy';
 * await withTenant(db, tenantId, (tx) => recordAuditEvent(tx, { action: 'user.login', resourceType: 'users', resourceId: userId }), {
 *   actor: { userId, role: 'member', ip: req.ip },
 * });
 * ```
 */
export async function recordAuditEvent(db: AnyPgDatabase, event: AuditEvent): Promise<string> {
  const result = await db.execute(auditEventSql(event));
  const rows = (Array.isArray(result) ? result : (result as { rows: Array<{ id: string }> }).rows) as Array<{ id: string }>;
  return rows[0]!.id;
}
