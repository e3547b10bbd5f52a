// Test helper: the same migrated database through node-postgres and postgres.js (pools of ONE
// connection), and a migrated in-process PGlite, so every tenancy suite runs on all three drivers.
import { sql } from 'drizzle-orm';
import * as schema from '../../../src/schema/index.js';
import { openDatabase, type Database } from '../../../src/connection.js';
import { defaultMigrationsFolder } from '../../../src/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { allowPrivilegedSession } from '../../../src/tenancy/index.js';

/** One driver's handle on a migrated database, plus a superuser handle for fixtures. */
export interface DriverHandle {
  name: 'pg' | 'postgres' | 'pglite';
  /** The handle under test: stocksync_service, pool of one connection (PGlite: its superuser session). */
  db: Database;
  /** Superuser/owner handle on the same database, for fixtures (bypasses RLS). */
  admin: Database;
  /** The superuser URL of the database (server drivers only). */
  adminUrl?: string;
  close(): Promise<void>;
}

// The migrations create btree_gin and btree_gist, so PGlite needs both contrib modules loaded.
async function openPglite(): Promise<{ db: Database; close(): Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = new PGlite({ extensions: { btree_gin, btree_gist } });
  await client.waitReady;
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return { db, close: () => client.close() };
}

/** Opens a driver handle on a fresh migrated database. */
export async function openDriver(name: DriverHandle['name']): Promise<DriverHandle> {
  if (name === 'pglite') {
    const handle = await openPglite();
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, {
      migrationsFolder: defaultMigrationsFolder(),
      migrationsSchema: 'drizzle',
      migrationsTable: '__drizzle_migrations',
    });
    // One in-process session, superuser, serves fixtures and tests alike: accepted by name.
    allowPrivilegedSession(handle.db, 'postgres');
    return { name, db: handle.db, admin: handle.db, close: () => handle.close() };
  }
  const test: TestDatabase = await createTestDatabase({ driver: 'pg', max: 2 });
  // The handle under test connects as stocksync_service, as a service does.
  const handle = await openDatabase({ url: test.serviceUrl, driver: name, max: 1 });
  return {
    name,
    db: handle.db,
    admin: test.db,
    adminUrl: test.url,
    close: async () => {
      await handle.close();
      await test.drop();
    },
  };
}

/** Rows of a raw `db.execute` result, whatever the driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Runs raw SQL as the application role in a transaction with the given app.* settings (or none). */
export async function asAppRole<T>(
  db: Database,
  settings: Record<string, string>,
  fn: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'stocksync_app', true)`);
    for (const [key, value] of Object.entries(settings)) {
      await tx.execute(sql`select set_config(${key}, ${value}, true)`);
    }
    return fn(tx);
  });
}
