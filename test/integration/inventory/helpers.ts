// Shared helpers for the part-2 rule tests: a pg pool on a fresh test database, tenants, and
// transactions run as the application role inside one tenant's context.
import pg from 'pg';
import { expect } from 'vitest';
import { sqlStateOf } from '../../../src/errors.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';

/** A test database plus a raw pg pool on it (superuser; use {@link asTenant} for the app role). */
export interface RulesDatabase {
  test: TestDatabase;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Opens a fresh migrated database with a pg pool of `max` connections. */
export async function openRulesDatabase(max = 12): Promise<RulesDatabase> {
  const test = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: test.url, max });
  // drop() ends the database WITH (FORCE): a client still open then gets 57P01, which must not crash the run.
  pool.on('error', () => {});
  return {
    test,
    pool,
    close: async () => {
      await pool.end();
      await test.drop();
    },
  };
}

/** Creates a tenant and one user in it (as superuser); returns their ids. */
export async function createTenant(pool: pg.Pool, slug: string): Promise<{ tenantId: string; userId: string }> {
  const t = await pool.query<{ id: string }>(
    `insert into tenants (name, slug, email) values ($1, $1, $2) returning id`,
    [slug, `${slug}@example.test`],
  );
  const tenantId = t.rows[0]!.id;
  const u = await pool.query<{ id: string }>(
    `insert into users (tenant_id, email, role) values ($1, $2, 'owner') returning id`,
    [tenantId, `owner@${slug}.test`],
  );
  return { tenantId, userId: u.rows[0]!.id };
}

/**
 * Runs `fn` in a transaction on its own connection, as `stocksync_app` with `app.tenant_id` set
 * (RLS applies); commits on success, rolls back and rethrows on error.
 */
export async function asTenant<T>(
  pool: pg.Pool,
  tenantId: string,
  fn: (client: pg.PoolClient) => Promise<T>,
  isolation: 'read committed' | 'repeatable read' = 'read committed',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`begin isolation level ${isolation}`);
    await client.query('set local role stocksync_app');
    await client.query(`select stocksync_enter_tenant($1::uuid, '', '', '', '', '', session_user::text)`, [tenantId]);
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Runs one statement as the tenant; returns its rows. */
export async function tq<R extends pg.QueryResultRow = Record<string, unknown>>(
  pool: pg.Pool,
  tenantId: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  return asTenant(pool, tenantId, async (c) => (await c.query<R>(text, values)).rows);
}

/** Asserts that `promise` rejects with the Postgres SQLSTATE `code`; returns the error. */
export async function expectSqlState(promise: Promise<unknown>, code: string): Promise<unknown> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected SQLSTATE ${code}, but nothing was thrown`).toBeDefined();
  expect(sqlStateOf(caught), String((caught as Error)?.message)).toBe(code);
  return caught;
}
