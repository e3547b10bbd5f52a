// The session advisory lock that serializes runners: its key is derived from the history table's
// schema and name, so two folders with two history tables never block each other, and from a secret
// salt only the owner reads (migration 0033), so the service role cannot take it to block migrations.
import { createHash } from 'node:crypto';
import { MigrationLockError } from '../errors.js';
import type { MigrationConnection } from './adapter.js';

/** How to take the lock: wait (polling, up to `timeoutMs`) or fail at once. */
export interface LockOptions {
  mode?: 'wait' | 'fail';
  /** Wait mode: give up after this long (default 60 s). */
  timeoutMs?: number;
  /** Called once when the lock is busy and the runner starts waiting. */
  onWait?: () => void;
}

/**
 * The signed 64-bit advisory lock key of a history table, as a decimal string.
 *
 * @example
 * ```ts
 * import { migrationLockKey } from '@stocksync/db/migrations';
 * migrationLockKey('drizzle', 'stocksync_migrations');
 * ```
 */
export function migrationLockKey(schema: string, table: string, salt = ''): string {
  const digest = createHash('sha256').update(`stocksync-migrations:${salt ? `${salt}:` : ''}${schema}.${table}`).digest();
  return digest.readBigInt64BE(0).toString();
}

/**
 * The lock key this connection uses: salted with `stocksync_private.migration_lock` when the role can
 * read it (the owner, after migration 0033), else the unsalted key of {@link migrationLockKey}.
 */
export async function resolveMigrationLockKey(conn: MigrationConnection, schema: string, table: string): Promise<string> {
  const [readable] = await conn.query<{ ok: boolean }>(
    `select to_regclass('stocksync_private.migration_lock') is not null
        and has_schema_privilege('stocksync_private', 'USAGE')
        and has_table_privilege('stocksync_private.migration_lock', 'SELECT') as ok`,
  );
  const rows = readable?.ok ? await conn.query<{ salt: string }>('select salt from stocksync_private.migration_lock') : [];
  return migrationLockKey(schema, table, rows[0]?.salt ?? '');
}

// The lock is busy when another session holds it; a runner on the unsalted key (a database older than
// 0033) counts only when its session could migrate (superuser or member of the tables' owner).
async function holderOf(conn: MigrationConnection, key: string, unsaltedKey: string | undefined): Promise<number | undefined> {
  const rows = await conn.query<{ pid: number }>(
    `select l.pid from pg_locks l
       left join pg_stat_activity a on a.pid = l.pid
       left join pg_roles r on r.rolname = a.usename
      where l.locktype = 'advisory' and l.granted and l.objsubid = 1 and l.pid <> pg_backend_pid()
        and (((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint
             or (((l.classid::bigint << 32) | l.objid::bigint) = $2::bigint
                 and (r.rolsuper or pg_has_role(r.oid, (select relowner from pg_class where oid = to_regclass('public.tenants')), 'USAGE'))))
      limit 1`,
    [key, unsaltedKey ?? key],
  );
  return rows[0]?.pid;
}

/**
 * Takes the session advisory lock or throws {@link MigrationLockError}. With `unsaltedKey` (the key of
 * runners that cannot read the salt yet) it also waits while a migrating session holds that one.
 */
export async function acquireMigrationLock(
  conn: MigrationConnection,
  key: string,
  options: LockOptions = {},
  unsaltedKey?: string,
): Promise<void> {
  const mode = options.mode ?? 'wait';
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let waited = false;
  for (;;) {
    const rows = await conn.query<{ ok: boolean }>('select pg_try_advisory_lock($1::bigint) as ok', [key]);
    let pid: number | undefined;
    if (rows[0]?.ok) {
      pid = unsaltedKey && unsaltedKey !== key ? await holderOf(conn, key, unsaltedKey) : undefined;
      if (pid === undefined) return;
      await conn.query('select pg_advisory_unlock($1::bigint)', [key]);
    } else {
      pid = await holderOf(conn, key, undefined).catch(() => undefined);
    }
    const who = pid ? ` (held by backend pid ${pid})` : '';
    if (mode === 'fail') {
      throw new MigrationLockError(`Another migration runner holds the lock${who}. Wait for it to finish, or rerun with the wait mode.`);
    }
    if (Date.now() >= deadline) {
      throw new MigrationLockError(
        `Timed out waiting for the migration lock${who}. If no runner is active, the holder is a stale session: terminate it with pg_terminate_backend(pid).`,
      );
    }
    if (!waited) {
      waited = true;
      options.onWait?.();
    }
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 150));
  }
}

/** Releases the session advisory lock (a dropped session releases it too). */
export async function releaseMigrationLock(conn: MigrationConnection, key: string): Promise<void> {
  await conn.query('select pg_advisory_unlock($1::bigint)', [key]);
}
