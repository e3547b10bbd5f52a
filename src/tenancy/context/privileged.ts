// Privileged sessions accepted by name: superuser, BYPASSRLS or owner connections that tests and platform
// tools use. stocksync_enter_tenant() refuses any other (SQL in a request could RESET ROLE to them).
import { ConfigurationError } from '../../errors.js';

const ROLE_NAME_RE = /^[a-z_][a-z0-9_$]{0,62}$/;
const privilegedHandles = new WeakMap<object, string>();

/**
 * Accepts, for every withTenant and scoped statement on `db`, a privileged session user named
 * `sessionUser` (superuser, BYPASSRLS or table owner): the context then switches to `stocksync_app`.
 * For tests and platform tools only; services connect as `stocksync_service` and never need it.
 *
 * @example
 * ```ts
 * import { allowPrivilegedSession } from '@stocksync/db/tenancy';
 * allowPrivilegedSession(ownerDb, 'postgres');
 * ```
 */
export function allowPrivilegedSession<TDb extends object>(db: TDb, sessionUser: string): TDb {
  checkRoleName(sessionUser);
  privilegedHandles.set(db, sessionUser);
  return db;
}

/** The privileged session user accepted for `db` (by option, else by {@link allowPrivilegedSession}), or null. */
export function privilegedSessionOf(db: object | undefined, option: string | undefined): string | null {
  const name = option ?? (db ? privilegedHandles.get(db) : undefined) ?? null;
  if (name !== null) checkRoleName(name);
  return name;
}

function checkRoleName(name: string): void {
  if (!ROLE_NAME_RE.test(name)) throw new ConfigurationError(`"${name}" is not a valid role name for privilegedSession.`);
}
