// Picks the context mode of a database handle when the caller did not: `set_local` on a Citus
// coordinator (SET LOCAL reaches the workers, set_config does not), `set_config` everywhere else.
import { sql } from 'drizzle-orm';
import type { AnyPgDatabase, ContextMode } from './options.js';

const detected = new WeakMap<object, Promise<ContextMode>>();

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The context mode for `db`: the one passed, else the detected one (asked once per handle: is the
 * `citus` extension installed in this database?).
 *
 * @example
 * ```ts
 * import { contextModeOf } from '@stocksync/db/tenancy';
 * await contextModeOf(db); // 'set_local' on a Citus coordinator, 'set_config' otherwise
 * ```
 */
export function contextModeOf(db: AnyPgDatabase, explicit?: ContextMode): ContextMode | Promise<ContextMode> {
  if (explicit) return explicit;
  let mode = detected.get(db);
  if (!mode) {
    mode = db
      .execute(sql`select exists (select 1 from pg_extension where extname = 'citus') as citus`)
      .then((result) => (rowsOf<{ citus: boolean }>(result)[0]?.citus ? 'set_local' : 'set_config') as ContextMode);
    // A failed detection (server unreachable) is not cached: the next call asks again.
    mode.catch(() => detected.delete(db));
    detected.set(db, mode);
  }
  return mode;
}
