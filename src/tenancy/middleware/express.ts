// Express middleware: resolves the request's tenant, attaches it (and a scoped builder) to `req`,
// and answers 404 for an unknown tenant and 403 for a suspended one. No runtime dependency on express.
import { TenantNotFoundError, TenantNotIdentifiedError, TenantUnavailableError } from '../../errors.js';
import { checkActor, type Actor, type AnyPgDatabase } from '../context/index.js';
import { resolveTenant, type ResolvableRequest, type ResolvedTenant, type ResolveTenantOptions } from '../resolve.js';
import { tenantDb, type TenantDatabase } from '../tenant-db.js';
import type { Database } from '../../connection.js';

/** The request fields the middleware reads and writes (an Express `Request` fits). */
export interface ExpressLikeRequest<TDb extends AnyPgDatabase = Database> extends ResolvableRequest {
  tenant?: ResolvedTenant;
  tenantDb?: TenantDatabase<TDb>;
  actor?: Actor | undefined;
}

/** The response methods the middleware uses (an Express `Response` fits). */
export interface ExpressLikeResponse {
  status(code: number): { json(body: unknown): unknown };
}

/** Options of {@link expressTenantMiddleware}. */
export interface ExpressTenantOptions<TReq, TDb extends AnyPgDatabase = Database> extends ResolveTenantOptions {
  /** The database the tenant is looked up in and the scoped builder runs on. */
  db: TDb;
  /** The acting user of the request (after your authentication middleware), for audit and role policies. */
  actor?: (req: TReq) => Actor | undefined;
  /** Let requests that name no tenant through (unknown tenants are still refused). Default false. */
  optional?: boolean;
}

/**
 * The JSON body of a refusal.
 *
 * @example
 * ```ts
 * import { tenantErrorBody, TenantNotFoundError } from '@stocksync/db/tenancy';
 * res.status(404).json(tenantErrorBody(new TenantNotFoundError('No tenant acme')));
 * ```
 */
export function tenantErrorBody(error: TenantNotFoundError | TenantUnavailableError) {
  return { error: { code: error.code, message: error.message } };
}

/**
 * Express middleware built on {@link resolveTenant}: sets `req.tenant` and `req.tenantDb` (a
 * {@link tenantDb} for the tenant and the request's actor), answers 404 (`TENANT_NOT_FOUND`) or 403
 * (`TENANT_UNAVAILABLE`) as JSON, and passes any other error to `next`.
 *
 * @example
 * ```ts
 * import { expressTenantMiddleware } from '@stocksync/db/tenancy';
 * app.use(expressTenantMiddleware({ db, baseDomains: ['example.com'], actor: (req) => req.user }));
 * app.get('/projects', async (req, res) => res.json(await req.tenantDb!.select().from(projects)));
 * ```
 */
export function expressTenantMiddleware<
  TDb extends AnyPgDatabase = Database,
  TReq extends ExpressLikeRequest<TDb> = ExpressLikeRequest<TDb>,
>(options: ExpressTenantOptions<TReq, TDb>) {
  const { db, actor, optional, ...resolveOptions } = options;
  return (req: TReq, res: ExpressLikeResponse, next: (error?: unknown) => void): void => {
    resolveTenant(db, req, resolveOptions).then(
      (tenant) => {
        let scoped: TenantDatabase<TDb>;
        let who: Actor | undefined;
        try {
          // The actor is checked before any handler runs: an ActorContextError goes to next() (400 with expressErrorHandler).
          const given = actor?.(req);
          who = given ? checkActor(given) : given;
          scoped = tenantDb(db, tenant.id, who ? { actor: who } : {});
        } catch (error) {
          return next(error);
        }
        req.tenant = tenant;
        req.actor = who;
        req.tenantDb = scoped;
        next();
      },
      (error: unknown) => {
        if (error instanceof TenantNotFoundError) {
          if (optional && error instanceof TenantNotIdentifiedError) return next();
          res.status(404).json(tenantErrorBody(error));
        } else if (error instanceof TenantUnavailableError) {
          res.status(403).json(tenantErrorBody(error));
        } else {
          next(error);
        }
      },
    );
  };
}
