// Hono middleware: resolves the request's tenant, sets `tenant` and `tenantDb` on the context, and
// answers 404 for an unknown tenant and 403 for a suspended one. No runtime dependency on hono.
import { TenantNotFoundError, TenantNotIdentifiedError, TenantUnavailableError } from '../../errors.js';
import { checkActor, type Actor, type AnyPgDatabase } from '../context/index.js';
import { resolveTenant, type ResolvedTenant, type ResolveTenantOptions } from '../resolve.js';
import { tenantDb, type TenantDatabase } from '../tenant-db.js';
import type { Database } from '../../connection.js';
import { tenantErrorBody } from './express.js';

/** The context fields the middleware uses (a Hono `Context` fits). */
export interface HonoLikeContext<TDb extends AnyPgDatabase = Database> {
  req: { raw: { headers: { get(name: string): string | null }; url: string } };
  set(key: 'tenant', value: ResolvedTenant): void;
  set(key: 'tenantDb', value: TenantDatabase<TDb>): void;
  set(key: 'actor', value: Actor | undefined): void;
  json(body: unknown, status?: number): Response;
}

/**
 * Variables the middleware sets, for `new Hono<{ Variables: TenantVariables }>()`: the tenant, its
 * scoped builder (typed with the package schema, so relational queries return typed rows) and the
 * acting user the `actor` option returned (undefined without one).
 *
 * @example
 * ```ts
 * import type { TenantVariables } from '@stocksync/db/tenancy';
 * const app = new Hono<{ Variables: TenantVariables }>();
 * app.get('/me', (c) => c.json({ tenant: c.get('tenant').slug, user: c.get('actor')?.userId ?? null }));
 * ```
 */
export interface TenantVariables<TDb extends AnyPgDatabase = Database> {
  tenant: ResolvedTenant;
  tenantDb: TenantDatabase<TDb>;
  actor: Actor | undefined;
}

/** Options of {@link honoTenantMiddleware}. */
export interface HonoTenantOptions<TContext, TDb extends AnyPgDatabase = Database> extends ResolveTenantOptions {
  /** The database the tenant is looked up in and the scoped builder runs on. */
  db: TDb;
  /** The acting user of the request, for audit and role policies. */
  actor?: (c: TContext) => Actor | undefined;
  /** Let requests that name no tenant through (unknown tenants are still refused). Default false. */
  optional?: boolean;
}

/**
 * Hono middleware built on {@link resolveTenant}: `c.get('tenant')` and `c.get('tenantDb')` in
 * handlers; 404 (`TENANT_NOT_FOUND`) or 403 (`TENANT_UNAVAILABLE`) as JSON; other errors propagate.
 *
 * @example
 * ```ts
 * import { honoTenantMiddleware, type TenantVariables } from '@stocksync/db/tenancy';
 * const app = new Hono<{ Variables: TenantVariables }>();
 * app.use(honoTenantMiddleware({ db, baseDomains: ['example.com'] }));
 * app.get('/projects', async (c) => c.json(await c.get('tenantDb').select().from(projects)));
 * ```
 */
export function honoTenantMiddleware<TDb extends AnyPgDatabase = Database, TContext extends HonoLikeContext<TDb> = HonoLikeContext<TDb>>(
  options: HonoTenantOptions<TContext, TDb>,
) {
  const { db, actor, optional, ...resolveOptions } = options;
  return async (c: TContext, next: () => Promise<void>): Promise<Response | void> => {
    let tenant: ResolvedTenant;
    try {
      tenant = await resolveTenant(db, c.req.raw, resolveOptions);
    } catch (error) {
      if (error instanceof TenantNotFoundError) {
        if (optional && error instanceof TenantNotIdentifiedError) return next();
        return c.json(tenantErrorBody(error), 404);
      }
      if (error instanceof TenantUnavailableError) return c.json(tenantErrorBody(error), 403);
      throw error;
    }
    // The actor is checked before any handler runs: an ActorContextError propagates (400 with honoErrorHandler).
    const who = actor?.(c);
    const checked = who ? checkActor(who) : who;
    const scoped = tenantDb(db, tenant.id, checked ? { actor: checked } : {});
    c.set('tenant', tenant);
    c.set('actor', checked);
    c.set('tenantDb', scoped);
    await next();
  };
}
