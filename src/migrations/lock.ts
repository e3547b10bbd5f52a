// The session advisory lock that serializes runners: its key is derived from the history table's
// schema and name, so two folders with two history tables never block each other.
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
export function migrationLockKey(schema: string, table: string): string {
  const digest = createHash('sha256').update(`stocksync-migrations:${schema}.${table}`).digest();
  return digest.readBigInt64BE(0).toString();
}

/** Takes the session advisory lock or throws {@link MigrationLockError}. */
export async function acquireMigrationLock(conn: MigrationConnection, key: string, options: LockOptions = {}): Promise<void> {
  const mode = options.mode ?? 'wait';
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let waited = false;
  for (;;) {
    const rows = await conn.query<{ ok: boolean }>('select pg_try_advisory_lock($1::bigint) as ok', [key]);
    if (rows[0]?.ok) return;
    const holder = await conn.query<{ pid: number }>(
      `select pid from pg_locks where locktype = 'advisory' and granted
         and objsubid = 1 and ((classid::bigint << 32) | objid::bigint) = $1::bigint limit 1`,
      [key],
    ).catch(() => []);
    const who = holder[0] ? ` (held by backend pid ${holder[0].pid})` : '';
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
