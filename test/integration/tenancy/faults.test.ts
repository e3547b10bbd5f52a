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

  // Skipped on postgres.js 3.4.10 (upstream bugs, open): in about 1 run in 8 the backend dies before the
  // statement is written, postgres.js writes it from a setImmediate to the closed connection's null socket
  // (uncaught TypeError in nextWrite) and the statement never settles. The other runs pass, including the
  // request after (a stale-error retry heals the pool, see retryBeforeSending).
  const runningKill = driver === 'pg' ? it : it.skip;
  runningKill('withTenant: the backend of a running statement is terminated: typed error, no crash, the pool heals', async () => {
    const call = withTenant(app.db, A, async (tx) => {
      const pid = await pidOf((q) => tx.execute(q));
      await Promise.all([tx.execute(sql`select pg_sleep(5)`), terminate(pid)]);
    });
    const error = await within(call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect((error as ConnectionLostError).code).toBe('CONNECTION_LOST');
    await healthy();
  });

  it('a standalone scoped statement whose backend is terminated: typed error, the dead client is not reused', async () => {
    // drizzle queries are lazy: `.then` starts this one now, so it runs while the backend is terminated.
    const running = tenantDb(app.db, A).execute(sql`select pg_sleep(5) as standalone_fault`).then((rows) => rows);
    await terminateRunning('standalone_fault');
    await expect(within(running)).rejects.toBeInstanceOf(ConnectionLostError);
    await healthy();
    await healthy();
  });

  // Skipped on postgres.js 3.4.10 (upstream, open): the statement sent after the idle connection's
  // backend died was written to the closed connection's null socket (uncaught TypeError in nextWrite)
  // in CI on the local cluster, after 8 clean runs by hand; through the container path (docker-proxy)
  // it did not settle within 15 s. node-postgres answers in both.
  const idleDeath = driver === 'postgres' ? it.skip : it;
  idleDeath('a standalone scoped statement on a connection that died while idle: answered, no hang', async () => {
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
