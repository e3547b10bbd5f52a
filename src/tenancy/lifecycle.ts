// Tenant lifecycle: onboarding in one transaction (idempotent by slug), suspend, reactivate,
// soft delete, and purge (every row of the tenant goes, through the tenant foreign keys' cascade).
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ActorContextError, TenantLifecycleError, TenantNotFoundError, ValidationError } from '../errors.js';
import { memberships, users, type User } from '../schema/identity.js';
import { LICENSE_TIERS, TENANT_ISOLATIONS, tenantDomains, tenantSettings, tenants, type Tenant } from '../schema/tenancy.js';
import { parseInput } from '../validators/_fields.js';
import { checkActor, tenantContextSql, tenantIdOf, tenantStatusCache, type Actor, type AnyPgDatabase, type TenantRef } from './context/index.js';
import { auditEventSql, type AuditEvent } from './audit.js';
import { tenantTablesInDatabase } from './catalog.js';
import { tenantResolutionCache } from './resolve.js';
import { assertValidSlug } from './slug.js';
import { mergeSettings, parseTenantSettings, type TenantSettingsPatch } from './settings.js';

const createTenantInput = z.object({
  name: z.string().trim().min(1).max(255),
  slug: z.string().min(1).max(100),
  email: z.email(),
  licenseTier: z.enum(LICENSE_TIERS).optional(),
  seatsTotal: z.number().int().min(1).optional(),
  owner: z.object({
    email: z.email(),
    firstName: z.string().max(150).optional(),
    lastName: z.string().max(150).optional(),
  }),
  /** Primary host name; default `<slug>.<baseDomain>` when a base domain is given. */
  hostname: z.string().toLowerCase().max(253).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

/** What {@link createTenant} needs. */
export interface CreateTenantInput {
  name: string;
  slug: string;
  email: string;
  licenseTier?: (typeof LICENSE_TIERS)[number];
  seatsTotal?: number;
  owner: { email: string; firstName?: string; lastName?: string };
  /** Primary host name (custom domains start unverified); default `<slug>.<baseDomain>`. */
  hostname?: string;
  /** Overrides of the default settings. */
  settings?: TenantSettingsPatch;
}

/** Options of {@link createTenant}. */
export interface CreateTenantOptions {
  /** The platform's domain: the tenant gets the subdomain `<slug>.<baseDomain>` as its primary host. */
  baseDomain?: string;
  /** Who is onboarding the tenant (recorded in the audit log). */
  actor?: Actor;
  /**
   * `shared` (default: rows in the public tables under row-level security) or `schema` (its own schema
   * `tenant_<id hex>`, created from the public tables in the same transaction; see docs/scaling.md).
   */
  isolation?: (typeof TENANT_ISOLATIONS)[number];
}

/** The result of {@link createTenant}. */
export interface CreatedTenant {
  tenant: Tenant;
  /** The owner user (undefined when the tenant already existed: nothing was written). */
  owner: User | undefined;
  /** False when a tenant with this slug already existed (the call is idempotent by slug). */
  created: boolean;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

function forget(tenantId: string): void {
  tenantStatusCache.invalidate(tenantId);
  tenantResolutionCache.invalidate(tenantId);
}

/**
 * Checks a {@link createTenant} input without touching the database (the same checks createTenant
 * runs first) and returns it parsed; throws `ValidationError` with each issue's field path.
 *
 * @example
 * ```ts
 * import { checkCreateTenantInput } from '@stocksync/db/tenancy';
 * checkCreateTenantInput({ name: 'Acme', slug: 'acme', email: 'ops@acme.test', owner: { email: 'jo@acme.test' } });
 * ```
 */
export function checkCreateTenantInput(input: CreateTenantInput): z.output<typeof createTenantInput> {
  const data = parseInput(createTenantInput, input, 'createTenant');
  assertValidSlug(data.slug);
  return data;
}

/**
 * Onboards a tenant in one transaction: the tenant row, its owner user and membership, default
 * settings (with overrides), its primary domain, and an audit entry. Idempotent by slug: a second
 * call with the same slug returns the existing tenant with `created: false` and writes nothing.
 * Malformed or reserved slugs are refused (`ValidationError`).
 *
 * @example
 * ```ts
 * import { createTenant } from '@stocksync/db/tenancy';
 * const { tenant, owner } = await createTenant(db, {
 *   name: 'Acme', slug: 'acme', email: 'ops@acme.test', owner: { email: 'jo@acme.test' },
 * }, { baseDomain: 'example.com' });
 * ```
 */
export async function createTenant(
  db: AnyPgDatabase,
  input: CreateTenantInput,
  options: CreateTenantOptions = {},
): Promise<CreatedTenant> {
  const data = checkCreateTenantInput(input);
  const stored = mergeSettings({}, (data.settings ?? {}) as Record<string, unknown>);
  parseTenantSettings(stored);
  const hostname = data.hostname ?? (options.baseDomain ? `${data.slug}.${options.baseDomain.toLowerCase()}` : undefined);
  const isSubdomain = Boolean(hostname && options.baseDomain && hostname.endsWith(`.${options.baseDomain.toLowerCase()}`));

  const isolation = options.isolation ?? 'shared';
  if (!TENANT_ISOLATIONS.includes(isolation)) {
    const message = `isolation must be one of ${TENANT_ISOLATIONS.join(', ')}, not "${String(isolation)}".`;
    throw new ValidationError(message, [{ path: ['isolation'], message }]);
  }
  const result = await db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({
        isolation,
        name: data.name,
        slug: data.slug,
        email: data.email,
        ...(data.licenseTier ? { licenseTier: data.licenseTier } : {}),
        ...(data.seatsTotal ? { seatsTotal: data.seatsTotal } : {}),
        ...(hostname ? { domain: hostname } : {}),
      })
      .onConflictDoNothing({ target: tenants.slug })
      .returning();
    if (!tenant) {
      const [existing] = await tx.select().from(tenants).where(eq(tenants.slug, data.slug));
      return { tenant: existing!, owner: undefined, created: false };
    }
    // A schema tenant's schema is created (as the owner, before the context drops to the application role)
    // in the same transaction: the tenant exists with its schema, or not at all.
    if (isolation === 'schema') {
      const { readTemplate, saveTemplate, syncTenantSchema, tenantSchemaName } = await import('../tenant-schemas/index.js');
      const template = await readTemplate(tx);
      await saveTemplate(tx, template);
      await syncTenantSchema(tx, template, tenantSchemaName(tenant.id), { tenantId: tenant.id });
    }
    // From here on the transaction runs as the application role in the new tenant's context.
    // Platform code on the owner connection: it accepts its own session user by name (privilegedSession).
    const user = rowsOf<{ user: string }>(await tx.execute(sql`select session_user::text as user`))[0]!.user;
    await tx.execute(tenantContextSql(tenant.id, { ...(options.actor ? { actor: options.actor } : {}), privilegedSession: user }));
    const [owner] = await tx
      .insert(users)
      .values({
        tenantId: tenant.id,
        email: data.owner.email,
        firstName: data.owner.firstName ?? '',
        lastName: data.owner.lastName ?? '',
        role: 'owner',
      })
      .returning();
    await tx.insert(memberships).values({ tenantId: tenant.id, userId: owner!.id, role: 'owner' });
    await tx.insert(tenantSettings).values({ tenantId: tenant.id, settings: stored, version: 1 });
    if (hostname) {
      await tx.insert(tenantDomains).values({
        tenantId: tenant.id,
        hostname,
        kind: isSubdomain ? 'subdomain' : 'custom',
        isPrimary: true,
        ...(isSubdomain ? { verifiedAt: new Date() } : {}),
      });
    }
    await tx.execute(
      auditEventSql({
        action: 'tenant.create',
        resourceType: 'tenants',
        resourceId: tenant.id,
        changes: { before: {}, after: { slug: tenant.slug, name: tenant.name } },
      }),
    );
    return { tenant, owner, created: true };
  });
  forget(result.tenant.id);
  return result;
}

type Status = 'active' | 'suspended' | 'deleted';

/**
 * The legal status changes, by current status (a change to the current status is a no-op). A
 * soft-deleted tenant can only come back (reactivate) or go for good (purgeTenant).
 */
const TRANSITIONS: Record<Status, readonly Status[]> = {
  active: ['suspended', 'deleted'],
  suspended: ['active', 'deleted'],
  deleted: ['active'],
};

const ACTION: Record<Status, string> = { active: 'reactivate', suspended: 'suspend', deleted: 'delete' };
const FUNCTION_OF: Record<Status, string> = { active: 'reactivateTenant', suspended: 'suspendTenant', deleted: 'softDeleteTenant' };

// The actor as the audit log records it (checkActor), as a lifecycle error when it cannot be recorded.
function checkedActor(actor: Actor | undefined): Readonly<Actor> {
  try {
    return checkActor(actor);
  } catch (error) {
    if (error instanceof ActorContextError) throw new TenantLifecycleError(error.message, { cause: error });
    throw error;
  }
}

// Writes a lifecycle entry into the tenant's audit log. Lifecycle functions are platform code on the
// owner connection, and the tenant may be suspended or deleted (before or after the change): no tenant
// context can be entered, so the owner appends the row itself, in the shape stocksync_audit_event gives.
async function auditLifecycle(tx: AnyPgDatabase, tenantId: string, options: LifecycleOptions, entry: AuditEvent) {
  const a = checkedActor(options.actor);
  await tx.execute(sql`insert into audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
      request_id, changes, metadata, severity)
    values (${tenantId}::uuid, ${a.userId ?? null}::uuid, ${entry.action}, ${entry.resourceType}, ${entry.resourceId ?? null},
      ${a.ip || null}::inet, ${a.userAgent ?? ''}, ${a.requestId || null},
      ${JSON.stringify(entry.changes ?? {})}::jsonb,
      ${JSON.stringify(options.reason ? { reason: options.reason } : {})}::jsonb
        || jsonb_build_object('source', 'application', 'actor_role', ${a.role ?? null}::text, 'db_role', session_user::text),
      ${entry.severity ?? 'info'})`);
}

// Changes the status and records it in the tenant's audit log, in one transaction, whatever the
// old and new status (the audit entry does not need an active tenant).
async function setStatus(db: AnyPgDatabase, tenant: TenantRef, to: Status, options: LifecycleOptions) {
  const tenantId = tenantIdOf(tenant);
  const result = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
    if (!row) throw new TenantNotFoundError(`Tenant ${tenantId} does not exist.`);
    const from = row.status as Status;
    if (from === to) return row;
    if (!(TRANSITIONS[from] ?? []).includes(to)) {
      const allowed = (TRANSITIONS[from] ?? []).map((s) => `${s} (${FUNCTION_OF[s]})`);
      if (from === 'deleted') allowed.push('purged (purgeTenant)');
      throw new TenantLifecycleError(
        `Tenant ${row.slug} is ${from}: it cannot become ${to} (${FUNCTION_OF[to]}). From ${from} it can become ${allowed.join(' or ') || 'nothing'}.`,
      );
    }
    const [updated] = await tx
      .update(tenants)
      .set({ status: to, isActive: to === 'active' })
      .where(eq(tenants.id, tenantId))
      .returning();
    await auditLifecycle(tx, tenantId, options, {
      action: `tenant.${ACTION[to]}`,
      resourceType: 'tenants',
      resourceId: tenantId,
      severity: to === 'active' ? 'info' : 'warning',
      changes: { before: { status: from }, after: { status: to } },
    });
    return updated!;
  });
  forget(tenantId);
  return result;
}

/** Options of the status changes. */
export interface LifecycleOptions {
  actor?: Actor;
  /** Why, recorded in the audit entry's metadata. */
  reason?: string;
}

/**
 * Suspends an active tenant: every new withTenant for it is refused (`TenantUnavailableError`),
 * resolution answers 403. Recorded in its audit log. Suspending a suspended tenant changes nothing;
 * a soft-deleted one cannot be suspended (`TenantLifecycleError`: reactivate or purge it).
 *
 * @example
 * ```ts
 * import { suspendTenant } from '@stocksync/db/tenancy';
 * await suspendTenant(db, tenantId, { reason: 'unpaid invoices' });
 * ```
 */
export function suspendTenant(db: AnyPgDatabase, tenant: TenantRef, options: LifecycleOptions = {}): Promise<Tenant> {
  return setStatus(db, tenant, 'suspended', options);
}

/**
 * Reactivates a suspended or soft-deleted (not yet purged) tenant. Recorded in its audit log.
 *
 * @example
 * ```ts
 * import { reactivateTenant } from '@stocksync/db/tenancy';
 * await reactivateTenant(db, tenantId);
 * ```
 */
export function reactivateTenant(db: AnyPgDatabase, tenant: TenantRef, options: LifecycleOptions = {}): Promise<Tenant> {
  return setStatus(db, tenant, 'active', options);
}

/**
 * Soft-deletes an active or suspended tenant (status `deleted`): refused everywhere like a
 * suspension, data kept until {@link purgeTenant}. Recorded in its audit log.
 *
 * @example
 * ```ts
 * import { softDeleteTenant } from '@stocksync/db/tenancy';
 * await softDeleteTenant(db, tenantId, { reason: 'account closed' });
 * ```
 */
export function softDeleteTenant(db: AnyPgDatabase, tenant: TenantRef, options: LifecycleOptions = {}): Promise<Tenant> {
  return setStatus(db, tenant, 'deleted', options);
}

/** What {@link purgeTenant} removed: rows per table. */
export interface PurgeReport {
  tenantId: string;
  rows: Record<string, number>;
}

/**
 * Removes every row of a soft-deleted tenant: the tenant row goes and every tenant table follows
 * through its `tenant_id` foreign key (on delete cascade); the audit log goes with it. Refuses a
 * tenant that is not soft-deleted (`TenantLifecycleError`), or one deleted less than `olderThanMs`
 * ago. Run it with the owner connection. Verifies that no row of the tenant remains.
 *
 * @example
 * ```ts
 * import { purgeTenant } from '@stocksync/db/tenancy';
 * const { rows } = await purgeTenant(db, tenantId, { olderThanMs: 30 * 86_400_000 });
 * ```
 */
export async function purgeTenant(
  db: AnyPgDatabase,
  tenant: TenantRef,
  options: { olderThanMs?: number } = {},
): Promise<PurgeReport> {
  const tenantId = tenantIdOf(tenant);
  const report = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
    if (!row) throw new TenantNotFoundError(`Tenant ${tenantId} does not exist (already purged?).`);
    // A schema tenant's rows are in its schema: counted there (its tables come first), and the emptied
    // schema is dropped with the tenant.
    const schema = row.isolation === 'schema' ? `tenant_${tenantId.replace(/-/g, '')}` : null;
    if (schema) await tx.execute(sql`select set_config('search_path', ${`${schema}, public`}, true)`);
    const tables = (await tenantTablesInDatabase(tx)).map((t) => t.table);
    if (row.status !== 'deleted') {
      throw new TenantLifecycleError(`Tenant ${row.slug} is ${row.status}: soft-delete it before purging.`);
    }
    if (options.olderThanMs && Date.now() - row.updatedAt.getTime() < options.olderThanMs) {
      throw new TenantLifecycleError(`Tenant ${row.slug} was deleted too recently to be purged.`);
    }
    const counts = rowsOf<{ t: string; n: number }>(
      await tx.execute(
        sql.join(
          tables.map((t) => sql`select ${t} as t, count(*)::int as n from ${sql.raw(`"${t}"`)} where tenant_id = ${tenantId}::uuid`),
          sql` union all `,
        ),
      ),
    );
    await tx.delete(tenants).where(eq(tenants.id, tenantId));
    const left = rowsOf<{ t: string; n: number }>(
      await tx.execute(
        sql.join(
          tables.map((t) => sql`select ${t} as t, count(*)::int as n from ${sql.raw(`"${t}"`)} where tenant_id = ${tenantId}::uuid`),
          sql` union all `,
        ),
      ),
    ).filter((r) => r.n > 0);
    if (left.length) {
      throw new TenantLifecycleError(
        `Purge left rows behind in ${left.map((r) => r.t).join(', ')}: their tenant_id foreign key must cascade.`,
      );
    }
    if (schema) await tx.execute(sql.raw(`drop schema if exists "${schema}" cascade`));
    return { tenantId, rows: Object.fromEntries(counts.filter((c) => c.n > 0).map((c) => [c.t, c.n])) };
  });
  forget(tenantId);
  return report;
}
