// The context statement: the validated context values and the SQL that sets them (prepared, SET LOCAL or drizzle SQL).
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { ConfigurationError, TenantContextError } from '../../errors.js';
import { APP_ROLE, SERVICE_ROLE } from '../../schema/_roles.js';
import type { BatchStep } from '../node-pg-batch.js';
import { checkActor } from './actor.js';
import type { ContextMode, WithTenantOptions } from './options.js';
import { privilegedSessionOf } from './privileged.js';

const ROLE_NAME_RE = /^[a-z_][a-z0-9_$]{0,62}$/;

/** The validated role and app.* values of one context. */
export interface ContextValues {
  role: string;
  values: [tenantId: string, userId: string, userRole: string, ip: string, userAgent: string, requestId: string];
  /** The privileged session user the caller accepts, or null. */
  privileged: string | null;
}

/** Validates the options and returns the role and app.* values to send (`db`: the handle, for its privileged-session opt-in). */
export function contextValues(tenantId: string, options: WithTenantOptions, db?: object): ContextValues {
  const actor = checkActor(options.actor);
  const role = options.role ?? APP_ROLE;
  if (!ROLE_NAME_RE.test(role)) throw new ConfigurationError(`"${role}" is not a valid role name.`);
  const privileged = privilegedSessionOf(db, options.privilegedSession);
  return {
    role,
    privileged,
    values: [tenantId, actor.userId ?? '', actor.role ?? '', actor.ip ?? '', actor.userAgent ?? '', actor.requestId ?? ''],
  };
}

/**
 * Quotes a string as an SQL literal that means the same whatever standard_conforming_strings is.
 *
 * @example
 * ```ts
 * import { quoteLiteral } from '@stocksync/db/tenancy';
 * quoteLiteral("it's"); // 'it''s'
 * ```
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new TenantContextError('A context value contains a NUL character.');
  const body = value.replace(/\\/g, '\\\\').replace(/'/g, "''");
  return value.includes('\\') ? `E'${body}'` : `'${body}'`;
}

/**
 * The parameterized context statement (set_config mode): the role, then stocksync_enter_tenant(), which
 * checks the tenant, refuses a second entry and unaccepted privileged sessions, sets every app.* setting
 * and signs them (migration 0033).
 */
export const CONTEXT_STATEMENT = `select set_config('role', $1, true), stocksync_enter_tenant($2::uuid, $3, $4, $5, $6, $7, $8)`;
// node-postgres prepares it once per connection; the name changes with the text.
export const CONTEXT_STATEMENT_NAME = `stocksync_context_${createHash('sha1').update(CONTEXT_STATEMENT).digest('hex').slice(0, 12)}`;

/** The context as batch steps: the prepared statement (set_config) or the validated literal statements (set_local). */
export function contextSteps(ctx: ContextValues, mode: ContextMode): BatchStep[] {
  if (mode === 'set_local') return setLocalStatements(ctx).map((text) => ({ text }));
  return [{ name: CONTEXT_STATEMENT_NAME, text: CONTEXT_STATEMENT, values: contextParameters(ctx) }];
}

/** The bound parameters of {@link CONTEXT_STATEMENT}. */
export function contextParameters(ctx: ContextValues): unknown[] {
  return [ctx.role, ...ctx.values, ctx.privileged];
}

/** The context as statements with validated literals (set_local mode: SET cannot take parameters). */
export function setLocalStatements(ctx: ContextValues): string[] {
  const literals = ctx.values.map((v, i) => (i === 0 ? `${quoteLiteral(v)}::uuid` : quoteLiteral(v)));
  const privileged = ctx.privileged === null ? 'null' : quoteLiteral(ctx.privileged);
  return [`set local role ${ctx.role}`, `select stocksync_enter_tenant(${[...literals, privileged].join(', ')})`];
}

/**
 * The values with the role settled for the mode. When set_local was detected (a Citus coordinator) the
 * default role is the service role: the coordinator opens its worker connections as the current role,
 * which must be able to log in there, and the NOLOGIN policy role cannot (the service role is a member
 * of it, so the same policies apply). A mode or role the caller chose is kept as it is.
 */
export function contextForMode(ctx: ContextValues, options: WithTenantOptions, mode: ContextMode): ContextValues {
  return options.role || options.contextMode || mode !== 'set_local' ? ctx : { ...ctx, role: SERVICE_ROLE };
}

/** The context as one drizzle SQL statement with bound parameters. */
export function contextSql(ctx: ContextValues): SQL {
  const [tenantId, userId, userRole, ip, userAgent, requestId] = ctx.values;
  return sql`select set_config('role', ${ctx.role}, true), stocksync_enter_tenant(${tenantId}::uuid, ${userId}, ${userRole},
    ${ip}, ${userAgent}, ${requestId}, ${ctx.privileged})`;
}
