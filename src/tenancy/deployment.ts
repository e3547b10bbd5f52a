// Checks a live deployment against the role model and the isolation it relies on: the connecting role,
// the service and policy roles, forced RLS and the per-command policies, privileges, and a forgery attempt.
import { sql } from 'drizzle-orm';
import { DeploymentUnsafeError, type DeploymentFinding } from '../errors.js';
import { APP_ROLE, SERVICE_ROLE } from '../schema/_roles.js';
import type { AnyPgDatabase } from './context/index.js';

export type { DeploymentFinding };

/** Options of {@link checkDeployment}. */
export interface CheckDeploymentOptions {
  /**
   * `service` (default): the connection is a service's and must be subject to RLS. `operator`: the
   * connection is the owner's (doctor, the CLI): the service role is checked from the catalog instead.
   */
  as?: 'service' | 'operator';
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

class Rollback extends Error {}

/**
 * Checks the live connection and the database it reaches: the connecting role's attributes (as a
 * service), the `stocksync_service` and `stocksync_app` roles, FORCE RLS and the four permissive
 * policies on every tenant table, no restrictive policy, no TEMP or CREATE for the service role, no
 * writes on the audit log and global tables, and that a forged context reads nothing (it tries).
 *
 * @example
 * ```ts
 * import { checkDeployment } from '@stocksync/db/tenancy';
 * const findings = await checkDeployment(db, { as: 'operator' });
 * ```
 */
export async function checkDeployment(db: AnyPgDatabase, options: CheckDeploymentOptions = {}): Promise<DeploymentFinding[]> {
  const as = options.as ?? 'service';
  const out: DeploymentFinding[] = [];
  const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));

  const [session] = await q<{ user: string; privileged: boolean }>(sql`
    select session_user::text as user,
           (r.rolsuper or r.rolbypassrls
            or coalesce(pg_has_role(r.oid, (select relowner from pg_class where oid = to_regclass('public.tenants')), 'USAGE'), false)) as privileged
      from pg_roles r where r.rolname = session_user`);
  if (as === 'service') {
    out.push(
      session!.privileged
        ? { check: 'connecting role', status: 'fail', detail: `connected as ${session!.user}, which bypasses row-level security (superuser, BYPASSRLS or table owner)`, fix: `Connect services as ${SERVICE_ROLE}.` }
        : { check: 'connecting role', status: 'ok', detail: `${session!.user} is subject to row-level security` },
    );
  }

  const roles = await q<{ rolname: string; login: boolean; bad: boolean; member_of: string[] | null; owns: number; settings: string[] | null }>(sql`
    select r.rolname::text, r.rolcanlogin as login, (r.rolsuper or r.rolbypassrls or r.rolcreaterole or r.rolcreatedb) as bad,
           (select array_agg(g.rolname::text order by g.rolname) from pg_auth_members m join pg_roles g on g.oid = m.roleid where m.member = r.oid) as member_of,
           (select count(*)::int from pg_class c where c.relowner = r.oid) as owns,
           (select array_agg(s) from pg_db_role_setting d, unnest(d.setconfig) s where d.setrole = r.oid) as settings
      from pg_roles r where r.rolname in (${APP_ROLE}, ${SERVICE_ROLE})`);
  const app = roles.find((r) => r.rolname === APP_ROLE);
  const service = roles.find((r) => r.rolname === SERVICE_ROLE);
  if (!app) out.push({ check: `role ${APP_ROLE}`, status: 'fail', detail: 'missing', fix: 'Run `stocksync-db migrate up`.' });
  else if (app.bad || app.login) {
    out.push({ check: `role ${APP_ROLE}`, status: 'fail', detail: 'must be NOLOGIN without SUPERUSER, BYPASSRLS, CREATEROLE or CREATEDB', fix: `ALTER ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;` });
  } else out.push({ check: `role ${APP_ROLE}`, status: 'ok', detail: 'NOLOGIN policy role' });
  if (!service) {
    out.push({ check: `role ${SERVICE_ROLE}`, status: 'fail', detail: 'missing', fix: 'Run `stocksync-db migrate up`, or create it as docs/security.md shows.' });
  } else {
    const extra = (service.member_of ?? []).filter((g) => g !== APP_ROLE);
    if (service.bad || service.owns > 0 || extra.length || !(service.member_of ?? []).includes(APP_ROLE)) {
      out.push({
        check: `role ${SERVICE_ROLE}`,
        status: 'fail',
        detail: `must be a member of ${APP_ROLE} only, own nothing, and have no SUPERUSER, BYPASSRLS, CREATEROLE or CREATEDB (member of: ${(service.member_of ?? []).join(', ') || 'none'}; owns ${service.owns})`,
        fix: `REVOKE the extra memberships, ALTER ROLE ${SERVICE_ROLE} NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB, and reassign what it owns.`,
      });
    } else out.push({ check: `role ${SERVICE_ROLE}`, status: 'ok', detail: `member of ${APP_ROLE} only, owns nothing` });
    if (service.settings?.length) {
      out.push({ check: `role ${SERVICE_ROLE} settings`, status: 'warn', detail: `set by ALTER ROLE: ${service.settings.join(', ')}`, fix: `ALTER ROLE ${SERVICE_ROLE} RESET ALL; (any role may change its own settings: check who did)` });
    }
    const [priv] = await q<{ temp: boolean; create: boolean; audit: boolean }>(sql`
      select has_database_privilege(${SERVICE_ROLE}, current_database(), 'TEMP') as temp,
             has_schema_privilege(${SERVICE_ROLE}, 'public', 'CREATE') as create,
             coalesce(has_table_privilege(${SERVICE_ROLE}, to_regclass('public.audit_logs'), 'INSERT'), false) as audit`);
    const problems = [priv!.temp ? 'TEMP on the database' : '', priv!.create ? 'CREATE on schema public' : '', priv!.audit ? 'INSERT on audit_logs' : ''].filter(Boolean);
    out.push(
      problems.length
        ? { check: 'service privileges', status: 'fail', detail: `${SERVICE_ROLE} has ${problems.join(', ')}`, fix: 'REVOKE TEMPORARY ON DATABASE <db> FROM PUBLIC; REVOKE CREATE ON SCHEMA public FROM PUBLIC; REVOKE INSERT ON audit_logs FROM stocksync_app;' }
        : { check: 'service privileges', status: 'ok', detail: 'no TEMP, no CREATE, no INSERT on audit_logs' },
    );
  }

  const tables = await q<{ table: string; forced: boolean; policies: string[] | null; restrictive: number }>(sql`
    select c.relname::text as table, c.relrowsecurity and c.relforcerowsecurity as forced,
           (select array_agg(p.polname::text order by p.polname) from pg_policy p where p.polrelid = c.oid and p.polpermissive) as policies,
           (select count(*)::int from pg_policy p where p.polrelid = c.oid and not p.polpermissive) as restrictive
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
     where n.nspname = 'public' and c.relkind in ('r', 'p')`);
  const bad = tables.filter((t) => {
    const want = ['select', 'insert', 'update', 'delete'].map((c) => `${t.table}_${c}`);
    return !t.forced || t.restrictive > 0 || !want.every((w) => (t.policies ?? []).includes(w));
  });
  out.push(
    bad.length
      ? { check: 'row-level security', status: 'fail', detail: `not forced, missing a per-command policy, or carrying a restrictive policy: ${bad.map((t) => t.table).join(', ')}`, fix: 'Run `stocksync-db migrate up`; a table of your own goes through tenantTable().' }
      : { check: 'row-level security', status: 'ok', detail: `forced, with its four permissive policies, on all ${tables.length} tenant tables` },
  );

  // The forgery a request could try: set app.tenant_id (and a made-up signature) by hand, as the policy role.
  const forged = await db
    .transaction(async (tx) => {
      const [t] = rowsOf<{ id: string | null }>(await tx.execute(sql`select id::text from tenants limit 1`));
      const target = t?.id ?? '00000000-0000-7000-8000-000000000000';
      const rows = rowsOf<{ tenant: string | null }>(
        await tx.execute(sql`select set_config('app.tenant_id', ${target}, true), set_config('app.ctx_sig', 'forged', true),
          stocksync_ctx_tenant()::text as tenant`),
      );
      throw Object.assign(new Rollback(), { tenant: rows[0]?.tenant ?? null });
    })
    .catch((error: unknown) => (error instanceof Rollback ? { tenant: (error as Rollback & { tenant: string | null }).tenant } : { error }));
  if ('error' in forged) {
    out.push({ check: 'forged context', status: 'fail', detail: `could not run the forgery check: ${(forged.error as Error).message}`, fix: 'Run `stocksync-db migrate up` (migration 0036 adds stocksync_ctx_tenant).' });
  } else {
    out.push(
      forged.tenant === null
        ? { check: 'forged context', status: 'ok', detail: 'a context set by hand verifies to no tenant' }
        : { check: 'forged context', status: 'fail', detail: 'a context set by hand verified', fix: 'Rotate the key: SELECT stocksync_private.rotate_context_key(); and check who can read stocksync_private.' },
    );
  }
  return out;
}

/**
 * Throws {@link DeploymentUnsafeError} unless every check of {@link checkDeployment} passes for a
 * service connection: call it at boot with the service's own database handle.
 *
 * @example
 * ```ts
 * import { assertDeploymentSafe } from '@stocksync/db/tenancy';
 * await assertDeploymentSafe(db); // before the server listens
 * ```
 */
export async function assertDeploymentSafe(db: AnyPgDatabase): Promise<DeploymentFinding[]> {
  const findings = await checkDeployment(db, { as: 'service' });
  const failed = findings.filter((f) => f.status === 'fail');
  if (failed.length) throw new DeploymentUnsafeError(failed);
  return findings;
}
