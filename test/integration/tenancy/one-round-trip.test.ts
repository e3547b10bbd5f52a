// A standalone scoped statement costs one network round trip on node-postgres and postgres.js,
// fails closed, surfaces the original SQLSTATE, and leaves the pooled connection clean.
import { connect, type Socket } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/connection.js';
import { sqlStateOf, TenantNotFoundError, TenantUnavailableError } from '../../../src/errors.js';
import * as schema from '../../../src/schema/index.js';
import { memberships, tenants, users } from '../../../src/schema/index.js';
import { tenantStatusCache } from '../../../src/tenancy/context/index.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';
import { rowsOf } from './_drivers.js';

// Counts round trips on one socket: a write that follows data from the server starts a new one.
class RoundTrips {
  count = 0;
  private answered = true;
  watch(socket: Socket): Socket {
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((...args: unknown[]) => {
      if (this.answered) this.count++;
      this.answered = false;
      return write(...args);
    }) as typeof socket.write;
    socket.on('data', () => (this.answered = true));
    return socket;
  }
  async measure(fn: () => Promise<unknown>): Promise<number> {
    this.count = 0;
    this.answered = true;
    await fn();
    return this.count;
  }
}

interface Handle {
  db: Database;
  trips: RoundTrips;
  /** Queries handed to the pg client (node-postgres only). */
  queries: () => number;
  close(): Promise<void>;
}

// Pools of ONE connection, so every statement runs on the watched socket.
async function open(driver: 'pg' | 'postgres', url: string): Promise<Handle> {
  const trips = new RoundTrips();
  if (driver === 'postgres') {
    const u = new URL(url);
    const client = postgres(url, {
      max: 1,
      onnotice: () => {},
      socket: () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect({ host: u.hostname, port: Number(u.port || 5432), noDelay: true });
          socket.once('connect', () => resolve(trips.watch(socket)));
          socket.once('error', reject);
        }),
    } as never);
    const db = drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database;
    return { db, trips, queries: () => 0, close: () => client.end({ timeout: 5 }) };
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  // drop() ends the database WITH (FORCE): a client still open then gets 57P01, which must not crash the run.
  pool.on('error', () => {});
  const client = await pool.connect();
  trips.watch((client as unknown as { connection: { stream: Socket } }).connection.stream);
  let queries = 0;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    queries++;
    return query(...args);
  }) as typeof client.query;
  client.release();
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  return { db, trips, queries: () => queries, close: () => pool.end() };
}

describe.each(['pg', 'postgres'] as const)('standalone scoped statements on %s', (driver) => {
  let test: TestDatabase;
  let h: Handle;
  const A = uuidv7();
  const B = uuidv7();
  const SUSPENDED = uuidv7();
  const alice = uuidv7();
  const bob = uuidv7();

  beforeAll(async () => {
    test = await createTestDatabase({ driver: 'pg', max: 2 });
    await test.db.insert(tenants).values([
      { id: A, name: 'A', slug: `rt-a-${driver}`, email: 'a@a.test' },
      { id: B, name: 'B', slug: `rt-b-${driver}`, email: 'b@b.test' },
      { id: SUSPENDED, name: 'S', slug: `rt-s-${driver}`, email: 's@s.test', status: 'suspended' },
    ]);
    await test.db.insert(users).values([
      { tenantId: A, id: alice, email: 'alice@a.test', role: 'owner' },
      { tenantId: B, id: bob, email: 'bob@b.test', role: 'owner' },
    ]);
    h = await open(driver, test.serviceUrl);
  });
  afterAll(async () => {
    await h?.close();
    await test?.drop();
  });
  beforeEach(() => tenantStatusCache.clear());

  // postgres.js prepares a statement on its first use per connection (one Describe round trip),
  // so each statement runs once before it is counted.
  const once = async (fn: () => Promise<unknown>) => {
    await fn();
    return h.trips.measure(fn);
  };

  it('a plain drizzle statement is the baseline', async () => {
    const plain = await once(() => h.db.select().from(users).where(eq(users.id, alice)));
    // node-postgres sends Parse/Bind/Execute/Sync at once; postgres.js describes unprepared
    // parameterized statements first.
    expect(plain).toBe(driver === 'pg' ? 1 : 2);
  });

  it('select, insert, update, delete, relational query and $count each cost one round trip', async () => {
    const t = tenantDb(h.db, A);
    const statements: Array<[string, () => Promise<unknown>]> = [
      ['select', () => t.select().from(users).where(eq(users.id, alice))],
      ['insert', () => t.insert(users).values({ email: `${uuidv7()}@a.test` })],
      ['update', () => t.update(users).set({ language: 'fr' }).where(eq(users.id, alice))],
      ['delete', () => t.delete(users).where(eq(users.email, 'nobody@a.test'))],
      ['query', () => t.query.users.findFirst({ where: eq(users.id, alice) })],
      ['$count', () => t.$count(users)],
      ['execute', () => t.execute(sql`select ${'x'}::text as x`)],
    ];
    // The first scoped statement on a handle also asks once whether the server runs Citus (context mode).
    await t.select({ id: users.id }).from(users).where(eq(users.id, alice));
    for (const [name, run] of statements) {
      const before = h.queries();
      const trips = await once(run);
      expect({ name, trips }).toEqual({ name, trips: 1 });
      // node-postgres: one query handed to the client per statement (BEGIN..COMMIT included).
      if (driver === 'pg') expect({ name, queries: h.queries() - before }).toEqual({ name, queries: 2 });
    }
  });

  it('returns the same rows as a withTenant transaction, and only the tenant\'s', async () => {
    const t = tenantDb(h.db, A);
    expect((await t.select({ id: users.id }).from(users)).map((u) => u.id)).toContain(alice);
    expect(await t.select().from(users).where(eq(users.id, bob))).toEqual([]);
    const viaTransaction = await t.transaction((tt) => tt.select().from(users).where(eq(users.id, alice)));
    expect(await t.select().from(users).where(eq(users.id, alice))).toEqual(viaTransaction);
  });

  it('a failing statement surfaces its SQLSTATE and leaves the connection clean for the next tenant', async () => {
    const failed = await tenantDb(h.db, A, { actor: { userId: alice, role: 'owner', requestId: 'req-a' } })
      .insert(memberships)
      .values({ userId: bob, role: 'member' })
      .catch((e: unknown) => e);
    expect(['23503', '42501']).toContain(sqlStateOf(failed));
    const division = await tenantDb(h.db, A).execute(sql`select 1 / ${0}::int as x`).catch((e: unknown) => e);
    expect(sqlStateOf(division)).toBe('22012');
    // Same (only) connection: no open transaction, no role, no setting left over.
    const [after] = rowsOf<Record<string, unknown>>(
      await h.db.execute(sql`select current_user as role, current_setting('app.tenant_id', true) as tenant,
        current_setting('app.request_id', true) as request, now() = statement_timestamp() as fresh`),
    );
    expect(after!.role).not.toBe('stocksync_app');
    expect(after!.tenant ?? '').toBe('');
    expect(after!.request ?? '').toBe('');
    expect(after!.fresh).toBe(true);
    const seenByB = await tenantDb(h.db, B).select({ id: users.id, tenantId: users.tenantId }).from(users);
    expect(seenByB).toEqual([{ id: bob, tenantId: B }]);
  });

  it('a refused context fails closed with the tenant error, never rows, and the connection stays clean', async () => {
    const suspended = await tenantDb(h.db, SUSPENDED).select().from(users).catch((e: unknown) => e);
    expect(suspended).toBeInstanceOf(TenantUnavailableError);
    expect((suspended as TenantUnavailableError).status).toBe('suspended');
    tenantStatusCache.clear();
    const unknown = await tenantDb(h.db, uuidv7()).select().from(users).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(TenantNotFoundError);
    const [after] = rowsOf<Record<string, unknown>>(
      await h.db.execute(sql`select current_user as role, now() = statement_timestamp() as fresh`),
    );
    expect(after).toMatchObject({ fresh: true });
    expect(after!.role).not.toBe('stocksync_app');
    expect((await tenantDb(h.db, A).select().from(users).where(eq(users.id, alice))).map((u) => u.id)).toEqual([alice]);
  });

  if (driver === 'postgres') {
    it('with prepare: false (PgBouncer before 1.21) statements stay correct and the connection clean', async () => {
      const client = postgres(test.serviceUrl, { max: 1, prepare: false, onnotice: () => {} });
      const db = drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database;
      try {
        const t = tenantDb(db, A);
        expect((await t.select().from(users).where(eq(users.id, alice))).map((u) => u.id)).toEqual([alice]);
        expect(await t.select().from(users).where(eq(users.id, bob))).toEqual([]);
        await expect(tenantDb(db, SUSPENDED).select().from(users)).rejects.toBeInstanceOf(TenantUnavailableError);
        const failed = await t.execute(sql`select 1 / ${0}::int`).catch((e: unknown) => e);
        expect(sqlStateOf(failed)).toBe('22012');
        const [after] = rowsOf<{ role: string; fresh: boolean }>(
          await db.execute(sql`select current_user as role, now() = statement_timestamp() as fresh`),
        );
        expect(after!.fresh).toBe(true);
        expect(after!.role).not.toBe('stocksync_app');
        const prepared = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pg_prepared_statements`));
        expect(prepared[0]!.n).toBe(0);
      } finally {
        await client.end({ timeout: 5 });
      }
    });
  }

  it('set_local mode works standalone, with and without transaction options', async () => {
    const plain = await tenantDb(h.db, A, { contextMode: 'set_local', actor: { requestId: "r'1\\" } }).execute(
      sql`select current_user as role, current_setting('app.tenant_id') as tenant, current_setting('app.request_id') as request`,
    );
    expect(rowsOf(plain)[0]).toEqual({ role: 'stocksync_app', tenant: A, request: "r'1\\" });
    const [after] = rowsOf<Record<string, unknown>>(
      await h.db.execute(sql`select current_user as role, current_setting('app.tenant_id', true) as tenant`),
    );
    expect(after!.role).not.toBe('stocksync_app');
    expect(after!.tenant ?? '').toBe('');
    const seen = await tenantDb(h.db, A, { contextMode: 'set_local', isolationLevel: 'repeatable read', accessMode: 'read only' })
      .execute(sql`select current_user as role, current_setting('app.tenant_id') as tenant,
        current_setting('transaction_isolation') as iso, current_setting('transaction_read_only') as ro`);
    expect(rowsOf(seen)[0]).toEqual({ role: 'stocksync_app', tenant: A, iso: 'repeatable read', ro: 'on' });
    const write = tenantDb(h.db, A, { accessMode: 'read only' }).insert(users).values({ email: 'ro@a.test' });
    await expect(write).rejects.toSatisfy((e) => sqlStateOf(e) === '25006');
  });
});
