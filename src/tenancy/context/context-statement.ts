// The context statement: the validated context values and the SQL that sets them (prepared, SET LOCAL or drizzle SQL).
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { sql, type SQL } from 'drizzle-orm';
import { ConfigurationError, TenantContextError } from '../../errors.js';
import { APP_ROLE } from '../../schema/_roles.js';
import { USER_ROLES } from '../../schema/identity.js';
import { isUuid } from '../../uuid.js';
import type { BatchStep } from '../node-pg-batch.js';
import type { ContextMode, WithTenantOptions } from './options.js';

const SETTINGS = ['app.tenant_id', 'app.user_id', 'app.user_role', 'app.ip', 'app.user_agent', 'app.request_id'] as const;
const ROLE_NAME_RE = /^[a-z_][a-z0-9_$]{0,62}$/;

/** The validated role and app.* values of one context. */
export interface ContextValues {
  role: string;
  values: [tenantId: string, userId: string, userRole: string, ip: string, userAgent: string, requestId: string];
}

/** Validates the options and returns the role and app.* values to send. */
export function contextValues(tenantId: string, options: WithTenantOptions): ContextValues {
  const actor = options.actor ?? {};
  const role = options.role ?? APP_ROLE;
  if (!ROLE_NAME_RE.test(role)) throw new ConfigurationError(`"${role}" is not a valid role name.`);
  if (actor.userId != null && !isUuid(actor.userId)) {
    throw new TenantContextError(`actor.userId "${String(actor.userId).slice(0, 60)}" is not a uuid.`);
  }
  if (actor.role != null && !(USER_ROLES as readonly string[]).includes(actor.role)) {
    throw new TenantContextError(`actor.role "${String(actor.role)}" is not one of ${USER_ROLES.join(', ')}.`);
  }
  if (actor.ip != null && actor.ip !== '' && isIP(actor.ip) === 0) {
    throw new TenantContextError(`actor.ip "${String(actor.ip).slice(0, 60)}" is not an IP address.`);
  }
  const text = (value: string | null | undefined, max: number) => clean(value ?? '').slice(0, max);
  return {
    role,
    values: [
      tenantId,
      actor.userId?.toLowerCase() ?? '',
      actor.role ?? '',
      actor.ip ?? '',
      text(actor.userAgent, 500),
      text(actor.requestId, 200),
    ],
  };
}

// NUL cannot travel in a text parameter or literal; other control characters are dropped for log hygiene.
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
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

/** The parameterized context statement (set_config mode): role, every app.* setting, the status check. */
function contextStatement(): string {
  const sets = SETTINGS.map((name, i) => `set_config('${name}', $${i + 2}, true)`).join(', ');
  return `select set_config('role', $1, true), ${sets}, stocksync_check_tenant($2::uuid)`;
}
export const CONTEXT_STATEMENT = contextStatement();
// node-postgres prepares it once per connection; the name changes with the text.
export const CONTEXT_STATEMENT_NAME = `stocksync_context_${createHash('sha1').update(CONTEXT_STATEMENT).digest('hex').slice(0, 12)}`;

/** The context as batch steps: the prepared statement (set_config) or the validated literal statements (set_local). */
export function contextSteps(ctx: ContextValues, mode: ContextMode): BatchStep[] {
  if (mode === 'set_local') return setLocalStatements(ctx).map((text) => ({ text }));
  return [{ name: CONTEXT_STATEMENT_NAME, text: CONTEXT_STATEMENT, values: [ctx.role, ...ctx.values] }];
}

/** The context as SET LOCAL statements with validated literals (set_local mode: SET cannot take parameters). */
export function setLocalStatements(ctx: ContextValues): string[] {
  const sets = SETTINGS.map((name, i) => `set local ${name} = ${quoteLiteral(ctx.values[i]!)}`);
  return [`set local role ${ctx.role}`, ...sets, `select stocksync_check_tenant(${quoteLiteral(ctx.values[0])}::uuid)`];
}

/** The context as one drizzle SQL statement with bound parameters. */
export function contextSql(ctx: ContextValues): SQL {
  const [tenantId, userId, userRole, ip, userAgent, requestId] = ctx.values;
  return sql`select set_config('role', ${ctx.role}, true), set_config('app.tenant_id', ${tenantId}, true),
    set_config('app.user_id', ${userId}, true), set_config('app.user_role', ${userRole}, true),
    set_config('app.ip', ${ip}, true), set_config('app.user_agent', ${userAgent}, true),
    set_config('app.request_id', ${requestId}, true), stocksync_check_tenant(${tenantId}::uuid)`;
}
