// withTenant on node-postgres, postgres.js (pools of one connection) and PGlite: transaction-local
// context, nothing carries over, nesting rules, refusal of suspended/deleted/unknown tenants.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TenantContextError, TenantNotFoundError, TenantUnavailableError, sqlStateOf } from '../../../src/errors.js';
import { tenants, users } from '../../../src/schema/index.js';
import { currentTenant, tenantStatusCache, withTenant } from '../../../src/tenancy/context/index.js';
import { uuidv7 } from '../../../src/uuid.js';
import { openDriver, rowsOf, type DriverHandle } from './_drivers.js';

type Settings = {
  role: string;
  tenant_id: string | null;
  user_id: string | null;
  user_role: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
};
const SETTINGS_SQL = sql`select current_user as role,
  current_setting('app.tenant_id', true) as tenant_id, current_setting('app.user_id', true) as user_id,
  current_setting('app.user_role', true) as user_role, current_setting('app.ip', true) as ip,
  current_setting('app.user_agent', true) as user_agent, current_setting('app.request_id', true) as request_id`;

describe.each(['pg', 'postgres', 'pglite'] as const)('withTenant on %s', (driver) => {
  let h: DriverHandle;
  const A = uuidv7();
  const B = uuidv7();
  const SUSPENDED = uuidv7();
  const DELETED = uuidv7();
  const alice = uuidv7();
  const bob = uuidv7();

  beforeAll(async () => {
    h = await openDriver(driver);
    await h.admin.insert(tenants).values([
      { id: A, name: 'A', slug: `a-${driver}`, email: 'a@a.test' },
      { id: B, name: 'B', slug: `b-${driver}`, email: 'b@b.test' },
      { id: SUSPENDED, name: 'S', slug: `s-${driver}`, email: 's@s.test', status: 'suspended' },
      { id: DELETED, name: 'D', slug: `d-${driver}`, email: 'd@d.test', status: 'deleted' },
    ]);
    await h.admin.insert(users).values([
      { tenantId: A, id: alice, email: 'alice@a.test', role: 'owner' },
      { tenantId: B, id: bob, email: 'bob@b.test', role: 'owner' },
    ]);
  });
  afterAll(() => h?.close());
  beforeEach(() => tenantStatusCache.clear());

  const settings = async (db: { execute(q: unknown): Promise<unknown> }) =>
    rowsOf<Settings>(await db.execute(SETTINGS_SQL))[0]!;

  it('runs as the application role with every setting transaction-local', async () => {
    const actor = { userId: alice, role: 'admin' as const, ip: '203.0.113.9', userAgent: 'Agent/1.0', requestId: 'req-1' };
    const inside = await withTenant(h.db, A, (tx) => settings(tx), { actor });
    expect(inside).toEqual({
      role: 'stocksync_app',
      tenant_id: A,
      user_id: alice,
      user_role: 'admin',
      ip: '203.0.113.9',
      user_agent: 'Agent/1.0',
      request_id: 'req-1',
    });
  });

  it('tenant A, then B, then none on the same connection: nothing carries over', async () => {
    const seenA = await withTenant(h.db, A, async (tx) => (await tx.select().from(users)).map((u) => u.id), {
      actor: { userId: alice, role: 'owner', requestId: 'first' },
    });
    expect(seenA).toEqual([alice]);
    const inB = await withTenant(h.db, B, async (tx) => ({
      rows: (await tx.select().from(users)).map((u) => u.id),
      settings: await settings(tx),
    }));
    expect(inB.rows).toEqual([bob]);
    // B had no actor: A's actor values must not leak into B's transaction.
    expect(inB.settings).toMatchObject({ tenant_id: B, user_id: '', user_role: '', request_id: '' });
    const after = await settings(h.db);
    expect(after.role).not.toBe('stocksync_app');
    expect(after.tenant_id ?? '').toBe('');
    expect(after.user_id ?? '').toBe('');
    // Raw SQL as the application role without a tenant sees nothing and cannot insert.
    const none = await h.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'stocksync_app', true)`);
      return tx.select().from(users);
    });
    expect(none).toEqual([]);
    const insert = h.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'stocksync_app', true)`);
      await tx.insert(users).values({ tenantId: A, email: 'x@a.test' });
    });
    await expect(insert).rejects.toSatisfy((e) => sqlStateOf(e) === '42501');
  });

  it('exposes the context through currentTenant() only inside the scope', async () => {
    expect(currentTenant()).toBeUndefined();
    const seen = await withTenant(h.db, A, async () => {
      await Promise.resolve();
      return currentTenant();
    }, { actor: { userId: alice } });
    expect(seen).toEqual({ tenantId: A, actor: { userId: alice } });
    expect(currentTenant()).toBeUndefined();
  });

  it('a nested call for the same tenant joins the open transaction', async () => {
    const [outer, inner] = await withTenant(h.db, A, async (tx) => {
      const o = rowsOf<{ x: string }>(await tx.execute(sql`select txid_current()::text as x`))[0]!.x;
      const i = await withTenant(h.db, A, async (tx2) => {
        expect(tx2).toBe(tx);
        return rowsOf<{ x: string }>(await tx2.execute(sql`select txid_current()::text as x`))[0]!.x;
      });
      return [o, i];
    });
    expect(inner).toBe(outer);
  });

  it('a nested call for another tenant throws', async () => {
    const nested = withTenant(h.db, A, () => withTenant(h.db, B, () => 1));
    await expect(nested).rejects.toBeInstanceOf(TenantContextError);
  });

  it('rolls back when fn throws', async () => {
    const email = `rollback-${driver}@a.test`;
    await expect(
      withTenant(h.db, A, async (tx) => {
        await tx.insert(users).values({ tenantId: A, email });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const found = await h.admin.select().from(users).where(eq(users.email, email));
    expect(found).toEqual([]);
  });

  it('commits what fn wrote, stamped with the tenant by RLS WITH CHECK', async () => {
    const email = `commit-${driver}@a.test`;
    await withTenant(h.db, A, (tx) => tx.insert(users).values({ tenantId: A, email }));
    const found = await h.admin.select().from(users).where(eq(users.email, email));
    expect(found.map((u) => u.tenantId)).toEqual([A]);
    const cross = withTenant(h.db, A, (tx) => tx.insert(users).values({ tenantId: B, email: `x-${email}` }));
    await expect(cross).rejects.toSatisfy((e) => sqlStateOf(e) === '42501');
  });

  it('refuses suspended, deleted and unknown tenants, and remembers the refusal briefly', async () => {
    const suspended = await withTenant(h.db, SUSPENDED, () => 1).catch((e: unknown) => e);
    expect(suspended).toBeInstanceOf(TenantUnavailableError);
    expect((suspended as TenantUnavailableError).status).toBe('suspended');
    expect(tenantStatusCache.get(SUSPENDED)).toBe('suspended');
    const deleted = await withTenant(h.db, DELETED, () => 1).catch((e: unknown) => e);
    expect((deleted as TenantUnavailableError).status).toBe('deleted');
    await expect(withTenant(h.db, uuidv7(), () => 1)).rejects.toBeInstanceOf(TenantNotFoundError);
    // fn never ran for a refused tenant.
    let ran = false;
    await withTenant(h.db, SUSPENDED, () => (ran = true)).catch(() => {});
    expect(ran).toBe(false);
  });

  it('the status check runs as the caller: inside one tenant it cannot probe another tenant', async () => {
    // B exists and SUSPENDED is suspended, but from A's context both read as unknown: the check
    // sees only the context's own tenant row (tenants policy), so it leaks no other tenant's status.
    for (const other of [B, SUSPENDED]) {
      const probe = withTenant(h.db, A, (tx) => tx.execute(sql`select stocksync_check_tenant(${other}::uuid)`));
      expect(sqlStateOf(await probe.catch((e: unknown) => e))).toBe('ST404');
    }
    const [own] = rowsOf<{ ok: boolean }>(await withTenant(h.db, A, (tx) => tx.execute(sql`select stocksync_check_tenant(${A}::uuid) as ok`)));
    expect(own).toEqual({ ok: true });
    const [fn] = rowsOf<{ definer: boolean; config: string[] | null }>(
      await h.admin.execute(sql`select prosecdef as definer, proconfig as config from pg_proc where proname = 'stocksync_check_tenant'`),
    );
    expect(fn).toEqual({ definer: false, config: null });
  });

  it('a refused context fails closed even when the first statement was pipelined with it', async () => {
    const result = await withTenant(h.db, SUSPENDED, async (tx) => tx.select().from(users)).catch((e: unknown) => e);
    expect(result).toBeInstanceOf(TenantUnavailableError);
    // The connection is healthy afterwards.
    expect(await withTenant(h.db, A, async (tx) => (await tx.select().from(users)).length)).toBeGreaterThan(0);
  });

  it('validates the tenant id and the actor before touching the database', async () => {
    await expect(withTenant(h.db, 'acme', () => 1)).rejects.toBeInstanceOf(TenantContextError);
    await expect(withTenant(h.db, A, () => 1, { actor: { userId: 'nope' } })).rejects.toBeInstanceOf(TenantContextError);
    await expect(withTenant(h.db, A, () => 1, { actor: { ip: 'not-an-ip' } })).rejects.toBeInstanceOf(TenantContextError);
    await expect(
      withTenant(h.db, A, () => 1, { actor: { role: 'root' as never } }),
    ).rejects.toBeInstanceOf(TenantContextError);
  });

  it.each(['set_config', 'set_local'] as const)('carries hostile text values intact in %s mode', async (contextMode) => {
    const userAgent = `x'); drop table users; -- \\ '' \\' é ☃`;
    const requestId = `r\\n'`;
    const seen = await withTenant(h.db, A, (tx) => settings(tx), { contextMode, actor: { userAgent, requestId } });
    expect(seen).toMatchObject({ role: 'stocksync_app', tenant_id: A, user_agent: userAgent, request_id: requestId });
    expect(await h.admin.$count(users)).toBeGreaterThan(0);
  });

  it('honours the isolation level and access mode', async () => {
    const seen = await withTenant(
      h.db,
      A,
      async (tx) => rowsOf<{ i: string; r: string }>(await tx.execute(sql`select current_setting('transaction_isolation') as i, current_setting('transaction_read_only') as r`))[0],
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    expect(seen).toEqual({ i: 'repeatable read', r: 'on' });
    const write = withTenant(h.db, A, (tx) => tx.insert(users).values({ tenantId: A, email: 'ro@a.test' }), { accessMode: 'read only' });
    await expect(write).rejects.toSatisfy((e) => sqlStateOf(e) === '25006');
    await expect(withTenant(h.db, A, () => 1, { isolationLevel: 'chaos' as never })).rejects.toThrow(/Unknown isolation level/);
  });

  it('set_local mode refuses suspended tenants too', async () => {
    await expect(withTenant(h.db, SUSPENDED, () => 1, { contextMode: 'set_local' })).rejects.toBeInstanceOf(
      TenantUnavailableError,
    );
  });

  it('tenants running concurrently each see only their rows', async () => {
    const runs = Array.from({ length: 12 }, (_, i) => (i % 2 ? A : B));
    const seen = await Promise.all(
      runs.map((t) =>
        withTenant(h.db, t, async (tx) => {
          const rows = await tx.select().from(users);
          const ctx = currentTenant()!.tenantId;
          return { t, ctx, tenants: [...new Set(rows.map((r) => r.tenantId))] };
        }),
      ),
    );
    for (const s of seen) {
      expect(s.ctx).toBe(s.t);
      expect(s.tenants).toEqual([s.t]);
    }
  });

  if (driver === 'pg') {
    it('costs no round trip more than a plain transaction (BEGIN and the context travel together)', async () => {
      // The pool has one connection: count the queries sent on it.
      type Client = { query: (...a: unknown[]) => unknown; release(): void };
      const pool = (h.db as unknown as { $client: { connect(): Promise<Client> } }).$client;
      const client = await pool.connect();
      const query = client.query;
      let calls = 0;
      client.query = (...args: unknown[]) => {
        calls++;
        return query.apply(client, args);
      };
      client.release();
      try {
        const count = async (fn: () => Promise<unknown>) => {
          calls = 0;
          await fn();
          return calls;
        };
        const plain = await count(() => h.db.transaction((tx) => tx.select().from(users)));
        const scoped = await count(() => withTenant(h.db, A, (tx) => tx.select().from(users)));
        expect(plain).toBe(3);
        expect(scoped).toBe(plain);
      } finally {
        client.query = query;
      }
    });

    it('a query escaping fn cannot run on the released connection', async () => {
      let escaped: Promise<unknown> | undefined;
      await withTenant(h.db, A, async (tx) => {
        escaped = Promise.resolve().then(() => new Promise((r) => setTimeout(r, 20))).then(() => tx.select().from(users));
      });
      const error = await escaped!.catch((e: unknown) => e);
      expect((error as Error).cause).toBeInstanceOf(TenantContextError);
    });
  }
});
