// Tenant context options and types: who acts, how the context is sent, and the BEGIN they ask for.
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { ConfigurationError, TenantContextError, TenantContextMissingError } from '../../errors.js';
import type { USER_ROLES } from '../../schema/identity.js';
import { isUuid } from '../../uuid.js';

/** A user role inside a tenant, as the role-aware policies read it from `app.user_role`. */
export type ActorRole = (typeof USER_ROLES)[number];

/** Who is acting: recorded by the audit trigger and read by the role-aware policies. */
export interface Actor {
  /** The acting user's id (`app.user_id`). */
  userId?: string | null;
  /** The acting user's role in the tenant (`app.user_role`); absent means trusted service code. */
  role?: ActorRole | null;
  /**
   * Client IP address (`app.ip`, `audit_logs.ip_address` inet), IPv4 or IPv6 without a /prefix. An IPv6
   * zone id is stripped (`fe80::1%eth0` is recorded as `fe80::1`): inet cannot hold one.
   */
  ip?: string | null;
  /** Client user agent (`app.user_agent`): control characters other than tab and line breaks dropped, cut to 500 characters. */
  userAgent?: string | null;
  /**
   * Request or job id for correlation (`app.request_id`, `audit_logs.request_id` varchar(100)): at most 100
   * characters and no control character; anything else is refused with `ActorContextError`, never cut.
   */
  requestId?: string | null;
}

/**
 * How the context reaches the server: `set_config` (bound parameters, the default) or `set_local`, the
 * Citus mode: `SET LOCAL ROLE` and the entry with validated literals, run (when detected) as the LOGIN
 * service role (the coordinator connects to the workers as the current role), inside BEGIN (the coordinator assigns the distributed
 * transaction the signature is bound to). On Citus, stocksync_enter_tenant() repeats the settings as
 * `SET LOCAL app.* = '<literal>'`, which the coordinator replays on the workers (set_config never reaches them).
 */
export type ContextMode = 'set_config' | 'set_local';

/** Options of {@link withTenant}. */
export interface WithTenantOptions {
  /** The acting user, recorded in audit logs and checked by role-aware policies. */
  actor?: Actor;
  /** `set_config` or `set_local` (Citus); default: `set_local` when the database has the citus extension, else `set_config`. */
  contextMode?: ContextMode;
  /**
   * Role the transaction runs as: default `stocksync_app` (NOLOGIN, the policies' role); when Citus is
   * detected (contextMode not given) `stocksync_service`, a member of it that can log in on the workers.
   */
  role?: string;
  /**
   * The name of a privileged session user (superuser, BYPASSRLS or table owner) the caller accepts, for
   * tests and platform tools: without it such a session is refused with `PrivilegedSessionError`, since
   * SQL inside the request could `RESET ROLE` to it. Also settable per handle with `allowPrivilegedSession`.
   */
  privilegedSession?: string;
  /** Isolation level of the transaction (default: the server's, normally read committed). */
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable';
  /** `read only` lets Postgres refuse writes and skip some bookkeeping. */
  accessMode?: 'read only' | 'read write';
  /**
   * Prepare the context statement and the scoped builder's statements on the server. Default: the
   * connection's own setting (`prepare` of postgres.js, or of `openDatabase` / the node-postgres
   * Pool config), else true. false sends them unnamed: use it behind a pooler that does not track
   * prepared statements (PgBouncer before 1.21, or `max_prepared_statements = 0`).
   */
  prepare?: boolean;
}

/** The tenant context visible to code running inside {@link withTenant}. */
export interface TenantContext {
  readonly tenantId: string;
  readonly actor: Readonly<Actor>;
}

/** Anything with a tenant id: a uuid string or a tenant row. */
export type TenantRef = string | { readonly id: string };

/** Any drizzle Postgres database (node-postgres, postgres.js, PGlite), whatever its schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPgDatabase = PgDatabase<PgQueryResultHKT, any, any>;

/** The transaction type `fn` receives for a given database type. */
export type TransactionOf<TDb> =
  TDb extends PgDatabase<infer H, infer F, infer S> ? PgTransaction<H, F, S> : never;

/**
 * Extracts and validates a tenant id; throws {@link TenantContextMissingError} or {@link TenantContextError}.
 *
 * @example
 * ```ts
 * import { tenantIdOf } from '@stocksync/db/tenancy';
 * const id = tenantIdOf(req.tenant); // a lowercase uuid, or throws
 * ```
 */
export function tenantIdOf(tenant: TenantRef | null | undefined): string {
  const value = typeof tenant === 'string' ? tenant : tenant?.id;
  if (value === undefined || value === null || value === '') throw new TenantContextMissingError();
  if (!isUuid(value)) {
    throw new TenantContextError(`"${String(value).slice(0, 60)}" is not a tenant id: pass the tenant's uuid.`);
  }
  return value.toLowerCase();
}

export function transactionConfig(options: WithTenantOptions) {
  const config: { isolationLevel?: WithTenantOptions['isolationLevel']; accessMode?: WithTenantOptions['accessMode'] } = {};
  if (options.isolationLevel) config.isolationLevel = options.isolationLevel;
  if (options.accessMode) config.accessMode = options.accessMode;
  return Object.keys(config).length ? config : undefined;
}

const ISOLATION_LEVELS = new Set(['read committed', 'repeatable read', 'serializable']);

/**
 * BEGIN with the requested characteristics; values are checked against fixed lists (they are written into the SQL).
 */
export function beginStatement(options: WithTenantOptions): string {
  const parts = ['begin'];
  if (options.isolationLevel) {
    if (!ISOLATION_LEVELS.has(options.isolationLevel)) throw new ConfigurationError(`Unknown isolation level "${options.isolationLevel}".`);
    parts.push(`isolation level ${options.isolationLevel}`);
  }
  if (options.accessMode) {
    if (options.accessMode !== 'read only' && options.accessMode !== 'read write') {
      throw new ConfigurationError(`Unknown access mode "${options.accessMode}".`);
    }
    parts.push(options.accessMode);
  }
  return parts.join(' ');
}
