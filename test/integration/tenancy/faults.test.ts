// Lost connections: the backend is terminated (pg_terminate_backend) at a chosen moment; the package
// answers with a typed error, never hangs or crashes the process (vitest fails the run on an uncaught
// error), never runs on another tenant's transaction, and the pool heals.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../src/connection.js';
import { ConnectionLostError, TenantContextError } from '../../../src/errors.js';
import { projects, tenants } from '../../../src/schema/index.js';
import { tenantDb, withTenant } from '../../../src/tenancy/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';
import { rowsOf } from './_drivers.js';

const within = <T>(promise: Promise<T>, ms = 15_000): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`hung for ${ms} ms`)), ms).unref())]);

describe.each(['pg', 'postgres'] as const)('lost connections on %s', (driver) => {
  let t: TestDatabase;
  let app: DatabaseHandle;
  const A = uuidv7();
  const B = uuidv7();

  beforeAll(async () => {
    t = await createTestDatabase({ max: 2 });
    await t.db.insert(tenants).values([
      { id: A, name: 'A', slug: `fa-${driver}`, email: 'a@a.test' },
      { id: B, name: 'B', slug: `fb-${driver}`, email: 'b@b.test' },
    ]);
    // One connection: the request after a fault gets the same pool slot, so a dead client left in
    // the pool, or a connection still inside the dead transaction, would show.
    app = await openDatabase({ url: t.serviceUrl, driver, max: 1 });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const terminate = (pid: number) => t.db.execute(sql`select pg_terminate_backend(${pid})`);
  // Terminates the backend running `marker` once it is running (polled through pg_stat_activity).
  const terminateRunning = async (marker: string) => {
    for (let i = 0; i < 200; i++) {
      const rows = rowsOf<{ pid: number }>(
        await t.db.execute(sql`select pid from pg_stat_activity where state = 'active' and query like ${`%${marker}%`} and pid <> pg_backend_pid()`),
      );
      if (rows.length) return terminate(rows[0]!.pid);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no backend ran ${marker}`);
  };
  const pidOf = async (run: (q: ReturnType<typeof sql>) => Promise<unknown>) =>
    rowsOf<{ pid: number }>(await run(sql`select pg_backend_pid() as pid`))[0]!.pid;
  const healthy = async () => {
    const rows = await within(withTenant(app.db, A, (tx) => tx.execute(sql`select current_setting('app.tenant_id') as tenant`)));
    expect(rowsOf(rows)).toEqual([{ tenant: A }]);
    const [created] = await within(tenantDb(app.db, B).insert(projects).values({ name: `heal-${uuidv7()}` }).returning({ tenantId: projects.tenantId }));
    expect(created).toEqual({ tenantId: B });
  };

  it('withTenant: the backend dies while fn awaits something else: typed error, no crash, the pool heals', async () => {
    const call = withTenant(app.db, A, async (tx) => {
      const pid = await pidOf((q) => tx.execute(q));
      await terminate(pid);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the connection dies while fn awaits
      return tx.execute(sql`select 1`);
    });
    await expect(within(call)).rejects.toBeInstanceOf(ConnectionLostError);
    await healthy();
  });

  // postgres.js ended the call as the connection closed, but fn went on: when fn settled, postgres.js
  // sent ROLLBACK on that connection object, reconnected by then and running the next call's
  // transaction (or closed: the null-socket crash). The next call's write must commit.
  it('withTenant: fn goes on after its connection was lost: the next call on that connection is untouched', async () => {
    const late = { refused: undefined as unknown };
    const lost = withTenant(app.db, A, async (tx) => {
      const pid = await pidOf((q) => tx.execute(q));
      await terminate(pid);
      await new Promise((resolve) => setTimeout(resolve, 400));
      late.refused = await tx.execute(sql`select 1`).catch((e: unknown) => e);
    });
    await expect(within(lost)).rejects.toBeInstanceOf(ConnectionLostError);
    const name = `late-${uuidv7()}`;
    const next = withTenant(app.db, B, async (tx) => {
      await tx.insert(projects).values({ tenantId: B, name });
      await new Promise((resolve) => setTimeout(resolve, 800)); // fn of the lost call wakes meanwhile
    });
    await within(next);
    // postgres.js: the package refuses it; node-postgres: the dead client does (it is never reused).
    if (driver === 'postgres') expect((late.refused as Error | undefined)?.cause).toBeInstanceOf(TenantContextError);
    else expect(late.refused).toBeInstanceOf(Error);
    const kept = await t.db.select({ name: projects.name }).from(projects).where(eq(projects.name, name));
    expect(kept).toEqual([{ name }]);
    await healthy();
  });

  const runningKill = async () => {
    const call = withTenant(app.db, A, async (tx) => {
      const pid = await pidOf((q) => tx.execute(q));
      await Promise.all([tx.execute(sql`select pg_sleep(5)`), terminate(pid)]);
    });
    const error = await within(call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect((error as ConnectionLostError).code).toBe('CONNECTION_LOST');
  };
  it('withTenant: the backend of a running statement is terminated: typed error, no crash, the pool heals', async () => {
    await runningKill();
    await healthy();
  });

  // postgres.js counts lost connections to space out reconnects (up to 20 s) and, for the connections
  // this package opens (begin, reserve), never reset the count (see afterConnectionAnswered): each loss made
  // every later reconnect slower. Twelve losses in a row: each reconnect is as quick as the first.
  it('one lost connection after another: the pool heals each time, without a growing reconnect delay', async () => {
    for (let i = 0; i < 12; i++) {
      await runningKill();
      await healthy();
      if (driver === 'postgres') expect((app.db as unknown as { $client: { options: { shared: { retries: number } } } }).$client.options.shared.retries).toBe(0);
    }
  }, 120_000);

  it('a standalone scoped statement whose backend is terminated: typed error, the dead client is not reused', async () => {
    // drizzle queries are lazy: `.then` starts this one now, so it runs while the backend is terminated.
    // The outcome is caught at once: it may reject while terminateRunning still polls.
    const outcome = tenantDb(app.db, A).execute(sql`select pg_sleep(5) as standalone_fault`).then(() => undefined, (error: unknown) => error);
    await terminateRunning('standalone_fault');
    expect(await within(outcome)).toBeInstanceOf(ConnectionLostError);
    await healthy();
    await healthy();
  });

  it('a standalone scoped statement on a connection that died while idle: answered, no hang', async () => {
    const pid = await pidOf((q) => withTenant(app.db, A, (tx) => tx.execute(q)));
    await terminate(pid);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The first call may find the dead connection (typed error) or a fresh one; either way it settles.
    await within(tenantDb(app.db, A).select({ id: projects.id }).from(projects).where(eq(projects.tenantId, A))).catch((error: unknown) =>
      expect(error).toBeInstanceOf(ConnectionLostError),
    );
    await healthy();
  });

  it('a transaction handle kept after withTenant returns refuses every query', async () => {
    let kept: { execute(q: unknown): Promise<unknown> } | undefined;
    await withTenant(app.db, A, async (tx) => {
      kept = tx as never;
    });
    // drizzle wraps what the client throws in its DrizzleQueryError: the refusal is its cause.
    const refusal = (error: unknown) => expect((error as Error).cause).toBeInstanceOf(TenantContextError);
    refusal(await within(kept!.execute(sql`select current_setting('app.tenant_id', true) as tenant`)).catch((e: unknown) => e));
    // ...also while another tenant's transaction holds the same (only) connection.
    await withTenant(app.db, B, async (tx) => {
      refusal(await kept!.execute(sql`delete from projects`).catch((e: unknown) => e));
      expect(rowsOf(await tx.execute(sql`select current_setting('app.tenant_id') as tenant`))).toEqual([{ tenant: B }]);
    });
    await healthy();
  });
});
