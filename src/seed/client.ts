// What a seed connection is and may do: its driver, and whether it may load with triggers off.
import { sql } from 'drizzle-orm';
import type { Database } from '../connection.js';
import { ConfigurationError } from '../errors.js';

/** The driver behind a drizzle handle, read from its client. */
export type ClientKind = 'pg' | 'postgres' | 'pglite';

/** Turns triggers and foreign-key checks off for the rest of the transaction (trusted loads, fixups). */
export const REPLICA = 'set local session_replication_role = replica';
/** Turns triggers and foreign-key checks back on. */
export const ORIGIN = 'set local session_replication_role = origin';

const privileged = new WeakMap<object, boolean>();

/**
 * Which driver a drizzle handle runs on.
 *
 * @example
 * ```ts
 * import { clientKind } from '@stocksync/db/seed';
 * clientKind(db); // 'pg' | 'postgres' | 'pglite'
 * ```
 */
export function clientKind(db: Database): ClientKind {
  const client = (db as unknown as { $client?: unknown }).$client as Record<string, unknown> | undefined;
  if (client && typeof client === 'function' && 'unsafe' in client) return 'postgres';
  if (client && typeof client === 'object' && 'waitReady' in client) return 'pglite';
  if (client && typeof client === 'object' && typeof client['connect'] === 'function') return 'pg';
  throw new ConfigurationError('Unknown database client: open the database with openDatabase() from @stocksync/db.');
}

/**
 * Whether this connection may switch triggers and foreign-key checks off for a transaction
 * (`set local session_replication_role = replica`: superusers, or roles granted SET on it),
 * which the trusted COPY load and the seed's bookkeeping fixups need. Tried once per handle.
 *
 * @example
 * ```ts
 * import { mayLoadTrusted } from '@stocksync/db/seed';
 * const trusted = await mayLoadTrusted(db); // false: seeding follows every trigger (slower)
 * ```
 */
export async function mayLoadTrusted(db: Database): Promise<boolean> {
  const known = privileged.get(db);
  if (known !== undefined) return known;
  let value = false;
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(REPLICA));
      value = true;
      tx.rollback();
    });
  } catch {
    // A refused SET (42501) or the rollback above: value says which.
  }
  privileged.set(db, value);
  return value;
}
