// The audit rules migration: conventions and the audit log's immutability.
import { auditLogs, auditReviews, complianceReports, contents } from '../audit.js';
import { APP_ROLE, RETENTION_ROLE } from '../_roles.js';
import { BREAKPOINT, conventionsSql, joinRulesSql, type RulesSql } from './conventions.js';

/** Audit log immutability: no UPDATE or TRUNCATE; DELETE only by the retention role past retention, or with the tenant. */
export function auditImmutabilitySql(): RulesSql {
  const up = [
    `REVOKE UPDATE, DELETE, TRUNCATE ON "audit_logs" FROM ${APP_ROLE};`,
    `GRANT USAGE ON SCHEMA public TO ${RETENTION_ROLE};`,
    `GRANT SELECT, DELETE ON "audit_logs" TO ${RETENTION_ROLE};`,
    `CREATE OR REPLACE FUNCTION stocksync_audit_logs_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_user = '${RETENTION_ROLE}' AND OLD.created_at < now() - stocksync_audit_retention() THEN
      RETURN OLD;
    END IF;
    -- Rows go with their tenant: a tenant purge cascades here after the tenant row is gone.
    IF NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = OLD.tenant_id) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Only ${RETENTION_ROLE} may delete, and only rows older than stocksync_audit_retention().';
END
$$;`,
    `CREATE TRIGGER audit_logs_immutable BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_logs_immutable();`,
    `CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_logs_immutable();`,
  ];
  const down = [
    'DROP TRIGGER IF EXISTS audit_logs_no_truncate ON "audit_logs";',
    'DROP TRIGGER IF EXISTS audit_logs_immutable ON "audit_logs";',
    'DROP FUNCTION IF EXISTS stocksync_audit_logs_immutable();',
    `REVOKE SELECT, DELETE ON "audit_logs" FROM ${RETENTION_ROLE};`,
    `REVOKE USAGE ON SCHEMA public FROM ${RETENTION_ROLE};`,
    `GRANT UPDATE, DELETE ON "audit_logs" TO ${APP_ROLE};`,
  ];
  return { up: up.join(BREAKPOINT), down: down.join(BREAKPOINT) };
}

/** Audit domain: conventions, audit log immutability, compliance report checksums. */
export function auditRulesSql(): RulesSql {
  return joinRulesSql([conventionsSql([auditLogs, auditReviews, complianceReports, contents]), auditImmutabilitySql()]);
}
