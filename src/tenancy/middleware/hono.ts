// Hono middleware: resolves the request's tenant, sets `tenant` and `tenantDb` on the context, and
// answers 404 for an unknown tenant and 403 for a suspended one. No runtime dependency on hono.
import { TenantNotFoundError, TenantNotIdentifiedError, TenantUnavailableError } from '../../errors.js';
import type { Actor, AnyPgDatabase } from '../context/index.js';
import { resolveTenant, type ResolvedTenant, type ResolveTenantOptions } from '../resolve.js';
import { tenantDb, type TenantDatabase } from '../tenant-db.js';
import { tenantErrorBody } from './express.js';

/** The context fields the middleware uses (a Hono `Context` fits). */
export interface HonoLikeContext {
  req: { raw: { headers: { get(name: string): string | null }; url: string } };
  set(key: 'tenant', value: ResolvedTenant): void;
  set(key: 'tenantDb', value: TenantDatabase<AnyPgDatabase>): void;
  json(body: unknown, status?: number): Response;
}

/** Variables the middleware sets, for `new Hono<{ Variables: TenantVariables }>()`. */
export interface TenantVariables {
  tenant: ResolvedTenant;
  tenantDb: TenantDatabase<AnyPgDatabase>;
}

/** Options of {@link honoTenantMiddleware}. */
export interface HonoTenantOptions<TContext> extends ResolveTenantOptions {
  /** The database the tenant is looked up in and the scoped builder runs on. */
  db: AnyPgDatabase;
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
export function honoTenantMiddleware<TContext extends HonoLikeContext>(options: HonoTenantOptions<TContext>) {
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
    c.set('tenant', tenant);
    const who = actor?.(c);
    c.set('tenantDb', tenantDb(db, tenant.id, who ? { actor: who } : {}));
    await next();
  };
}
