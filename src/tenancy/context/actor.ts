// The actor, checked once where a request enters (withTenant, tenantDb, the middleware): each field in
// the form the context function, the audit columns and the policies take, or a typed error saying why not.
import { ActorContextError } from '../../errors.js';
import { USER_ROLES } from '../../schema/identity.js';
import { isUuid } from '../../uuid.js';
import { inetFamily, withoutZoneId } from '../../validators/_inet.js';
import type { Actor } from './options.js';

/**
 * The longest request id kept: `audit_logs.request_id` is varchar(100). Longer ids are refused.
 *
 * @example
 * ```ts
 * import { MAX_REQUEST_ID_LENGTH } from '@stocksync/db/tenancy';
 * const requestId = header.length <= MAX_REQUEST_ID_LENGTH ? header : undefined;
 * ```
 */
export const MAX_REQUEST_ID_LENGTH = 100;
/**
 * The longest user agent kept (`audit_logs.user_agent`); a longer one is cut to this many characters.
 *
 * @example
 * ```ts
 * import { MAX_USER_AGENT_LENGTH } from '@stocksync/db/tenancy';
 * MAX_USER_AGENT_LENGTH; // 500
 * ```
 */
export const MAX_USER_AGENT_LENGTH = 500;

// NUL cannot travel in text at all, \x1f separates the signed context's fields; a user agent keeps tab and
// line breaks as before, a request id (an identifier) holds no control character.
// eslint-disable-next-line no-control-regex
const DROPPED_FROM_USER_AGENT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const shown = (value: unknown) => JSON.stringify(String(value).slice(0, 60));

/**
 * Checks an actor and returns it as it will be recorded: `userId` lower case, `ip` without an IPv6 zone id
 * (`fe80::1%eth0` -> `fe80::1`: inet cannot hold a zone, and it names an interface of the machine that saw
 * the address), `userAgent` without control characters and cut to 500 characters. Throws
 * {@link ActorContextError} for a user id that is not a uuid, an unknown role, an ip Postgres cannot
 * store, or a request id longer than 100 characters or holding a control character.
 *
 * @example
 * ```ts
 * import { checkActor } from '@stocksync/db/tenancy';
 * checkActor({ ip: 'fe80::1%eth0', requestId: 'req-1' }); // { ip: 'fe80::1', requestId: 'req-1' }
 * ```
 */
export function checkActor(actor: Actor | null | undefined): Readonly<Actor> {
  const out: Actor = { ...(actor ?? {}) };
  if (out.userId != null) {
    if (typeof out.userId !== 'string' || !isUuid(out.userId)) {
      throw new ActorContextError('userId', `actor.userId ${shown(out.userId)} is not a uuid: pass the acting user's id, or leave it out for service code.`);
    }
    out.userId = out.userId.toLowerCase();
  }
  if (out.role != null && !(USER_ROLES as readonly unknown[]).includes(out.role)) {
    throw new ActorContextError('role', `actor.role ${shown(out.role)} is not one of ${USER_ROLES.join(', ')}: pass the user's role in the tenant.`);
  }
  if (out.ip != null && out.ip !== '') {
    const ip = typeof out.ip === 'string' ? withoutZoneId(out.ip) : '';
    if (!inetFamily(ip)) {
      throw new ActorContextError(
        'ip',
        `actor.ip ${shown(out.ip)} is not an IP address: pass the client's IPv4 or IPv6 address (no /prefix), or leave it out.`,
      );
    }
    out.ip = ip;
  }
  if (out.userAgent != null) {
    if (typeof out.userAgent !== 'string') throw new ActorContextError('userAgent', 'actor.userAgent must be a string.');
    out.userAgent = Array.from(out.userAgent.replace(DROPPED_FROM_USER_AGENT, '')).slice(0, MAX_USER_AGENT_LENGTH).join('');
  }
  if (out.requestId != null) {
    if (typeof out.requestId !== 'string') throw new ActorContextError('requestId', 'actor.requestId must be a string.');
    const length = Array.from(out.requestId).length;
    if (length > MAX_REQUEST_ID_LENGTH) {
      throw new ActorContextError(
        'requestId',
        `actor.requestId is ${length} characters; the audit log keeps at most ${MAX_REQUEST_ID_LENGTH}: pass a shorter id (a UUID or a W3C trace id fits) or leave it out.`,
      );
    }
    if (CONTROL.test(out.requestId)) {
      throw new ActorContextError('requestId', `actor.requestId ${shown(out.requestId)} holds a control character: pass printable text.`);
    }
  }
  return Object.freeze(out);
}
