// Helpers for the core-domain schema tests: a pg pool on a fresh migrated database, seed rows,
// transactions as the application role, and SQLSTATE assertions.
import pg from 'pg';
import { expect } from 'vitest';
import { sqlStateOf } from '../../../src/errors.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';

/** A fresh migrated database and a superuser pool on it. */
export interface SchemaDatabase {
  test: TestDatabase;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Opens a fresh migrated database (one per test file). */
export async function openSchemaDatabase(): Promise<SchemaDatabase> {
  const test = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: test.url, max: 4 });
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

/** Runs one statement and returns its first row. */
export async function one<T = Record<string, unknown>>(pool: pg.Pool | pg.PoolClient, text: string, params: unknown[] = []): Promise<T> {
  const result = await pool.query(text, params);
  return result.rows[0] as T;
}

/** Creates a tenant (with a license tier) and an owner user; returns their ids. */
export async function createTenant(
  pool: pg.Pool,
  slug: string,
  tier: 'trial' | 'starter' | 'professional' | 'enterprise' = 'trial',
): Promise<{ tenantId: string; userId: string }> {
  const t = await one<{ id: string }>(
    pool,
    `insert into tenants (name, slug, email, license_tier) values ($1, $1, $2, $3) returning id`,
    [slug, `${slug}@example.test`, tier],
  );
  const u = await one<{ id: string }>(
    pool,
    `insert into users (tenant_id, email, role) values ($1, $2, 'owner') returning id`,
    [t.id, `owner@${slug}.test`],
  );
  return { tenantId: t.id, userId: u.id };
}

/** Creates a project in a tenant; returns its id. */
export async function createProject(pool: pg.Pool, tenantId: string, name = 'Project'): Promise<string> {
  return (await one<{ id: string }>(pool, `insert into projects (tenant_id, name) values ($1, $2) returning id`, [tenantId, name])).id;
}

/**
 * Runs `fn` in a transaction as `stocksync_app` inside one tenant's context (RLS applies);
 * commits on success, rolls back and rethrows on error.
 */
export async function asTenant<T>(pool: pg.Pool, tenantId: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local role stocksync_app');
    await client.query(`select stocksync_enter_tenant($1::uuid, '', '', '', '', '', session_user::text)`, [tenantId]);
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** Asserts that the promise rejects with the given SQLSTATE (and, if given, the constraint name). */
export async function expectSqlState(promise: Promise<unknown>, code: string, constraint?: string): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error, `expected SQLSTATE ${code}, but the statement succeeded`).toBeDefined();
  expect(sqlStateOf(error), String((error as Error).message)).toBe(code);
  if (constraint) expect((error as { constraint?: string }).constraint).toBe(constraint);
}

/** A valid lowercase hex SHA-256 derived from a seed string. */
export function sha(seed: string): string {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += ((seed.charCodeAt(i % seed.length) + i) % 16).toString(16);
  return out;
}
