// Attacks on the tenant context from SQL that runs inside a request, as the service role, on node-postgres,
// postgres.js and PGlite: forged app.* settings, re-entry, leftovers on a pooled connection, forged actors.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrivilegedSessionError, TenantContextError, sqlStateOf } from '../../src/errors.js';
import { auditLogs, teams, tenants, users } from '../../src/schema/index.js';
import { tenantStatusCache, withTenant } from '../../src/tenancy/context/index.js';
import { uuidv7 } from '../../src/uuid.js';
import { openDriver, rowsOf, type DriverHandle } from '../integration/tenancy/_drivers.js';

const count = async (tx: { execute(q: unknown): Promise<unknown> }, query: ReturnType<typeof sql>) =>
  Number(rowsOf<{ n: number | string }>(await tx.execute(query))[0]!.n);

describe.each(['pg', 'postgres', 'pglite'] as const)('tenant context under attack on %s', (driver) => {
  let h: DriverHandle;
  const A = uuidv7();
  const B = uuidv7();
  const SUSPENDED = uuidv7();
  const alice = uuidv7();
  const bob = uuidv7();

  beforeAll(async () => {
    h = await openDriver(driver);
    await h.admin.insert(tenants).values([
      { id: A, name: 'A', slug: `sa-${driver}`, email: 'a@a.test' },
      { id: B, name: 'B', slug: `sb-${driver}`, email: 'b@b.test' },
      { id: SUSPENDED, name: 'S', slug: `ss-${driver}`, email: 's@s.test', status: 'suspended' },
    ]);
    await h.admin.insert(users).values([
      { tenantId: A, id: alice, email: 'alice@a.test', role: 'owner' },
      { tenantId: B, id: bob, email: 'bob@b.test', role: 'owner' },
    ]);
    await h.admin.insert(teams).values([
      { tenantId: A, name: 'team-a' },
      { tenantId: B, name: 'team-b' },
      { tenantId: SUSPENDED, name: 'team-s' },
    ]);
  });
  afterAll(() => h?.close());
  beforeEach(() => tenantStatusCache.clear());

  it('a set_config of app.tenant_id inside a request reads, changes and deletes none of the other tenant rows', async () => {
    const seen = await withTenant(h.db, A, async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${B}, true)`);
      return {
        read: await count(tx, sql`select count(*) as n from teams`),
        updated: await count(tx, sql`with u as (update teams set name = 'pwned' where tenant_id = ${B} returning 1) select count(*) as n from u`),
        deleted: await count(tx, sql`with d as (delete from users where tenant_id = ${B} returning 1) select count(*) as n from d`),
        tenantRows: await count(tx, sql`select count(*) as n from tenants`),
      };
    });
    expect(seen).toEqual({ read: 0, updated: 0, deleted: 0, tenantRows: 0 });
    const insert = withTenant(h.db, A, async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${B}, true)`);
      await tx.execute(sql`insert into teams (tenant_id, name) values (${B}, 'planted')`);
    });
    await expect(insert).rejects.toSatisfy((e) => sqlStateOf(e) === '42501');
    const b = await h.admin.execute(sql`select name from teams where tenant_id = ${B} order by name`);
    expect(rowsOf<{ name: string }>(b).map((r) => r.name)).toEqual(['team-b']);
  });

  it('a value injected into ONE statement cannot switch the rest of the transaction to another tenant', async () => {
    // The injected statement clears the signature and enters B in the same statement.
    const attempt = withTenant(h.db, A, async (tx) => {
      await tx.execute(sql`select set_config('app.ctx_sig', '', true), stocksync_enter_tenant(${B}::uuid, '', '', '', '', '', null)`);
      return count(tx, sql`select count(*) as n from teams`);
    });
    await expect(attempt).rejects.toSatisfy((e) => sqlStateOf(e) === 'ST409');
    const plain = withTenant(h.db, A, async (tx) => {
      await tx.execute(sql`select stocksync_enter_tenant(${B}::uuid, '', '', '', '', '', null)`);
      return count(tx, sql`select count(*) as n from teams`);
    });
    await expect(plain).rejects.toSatisfy((e) => sqlStateOf(e) === 'ST409');
  });

  it('forging the suspended tenant reads nothing, and entering it is refused', async () => {
    const forged = await withTenant(h.db, A, async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${SUSPENDED}, true)`);
      return count(tx, sql`select count(*) as n from teams`);
    });
    expect(forged).toBe(0);
    await expect(withTenant(h.db, SUSPENDED, () => 1)).rejects.toSatisfy((e) => sqlStateOf(e) === 'ST403');
  });

  it('a guest cannot promote itself by rewriting app.user_role', async () => {
    const write = withTenant(
      h.db,
      A,
      async (tx) => {
        await tx.execute(sql`select set_config('app.user_role', '', true)`);
        await tx.execute(sql`insert into teams (tenant_id, name) values (${A}, 'guest-write')`);
      },
      { actor: { userId: alice, role: 'guest' } },
    );
    await expect(write).rejects.toSatisfy((e) => sqlStateOf(e) === '42501');
    const audit = withTenant(
      h.db,
      A,
      async (tx) => {
        await tx.execute(sql`select set_config('app.user_role', 'owner', true)`);
        return count(tx, sql`select count(*) as n from audit_logs`);
      },
      { actor: { userId: alice, role: 'guest' } },
    );
    expect(await audit).toBe(0);
  });

  it('an audit row cannot be written in another user\'s name, even after the row passed the policies', async () => {
    const name = `cte-${driver}`;
    await withTenant(
      h.db,
      A,
      (tx) =>
        tx.execute(sql`with ins as (insert into teams (tenant_id, name) values (${A}, ${name}) returning id)
                       select set_config('app.user_id', ${bob}, true) from ins`),
      { actor: { userId: alice, role: 'admin' } },
    );
    const rows = await h.admin
      .select({ userId: auditLogs.userId })
      .from(auditLogs)
      .where(sql`${auditLogs.tenantId} = ${A} and ${auditLogs.changes}->'after'->>'name' = ${name}`);
    expect(rows.length).toBe(1);
    expect(rows[0]!.userId).not.toBe(bob);
  });

  it('a session-level app.* value left by a request is worth nothing to the next code on the connection', async () => {
    await withTenant(h.db, A, async (tx) => {
      const sig = rowsOf<{ s: string }>(await tx.execute(sql`select current_setting('app.ctx_sig') as s`))[0]!.s;
      await tx.execute(sql`select set_config('app.tenant_id', ${A}, false), set_config('app.ctx_sig', ${sig}, false)`);
    });
    // Same connection (pool of one): a later transaction as the application role without a context.
    const leftover = await h.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'stocksync_app', true)`);
      return count(tx, sql`select count(*) as n from teams`);
    });
    expect(leftover).toBe(0);
    await h.db.execute(sql`reset all`);
  });

  it.skipIf(driver === 'pglite')('a privileged session is refused unless accepted by name', async () => {
    // h.admin is the server's superuser; withTenant refuses it without the opt-in it gets by name.
    const { openDatabase } = await import('../../src/connection.js');
    const url = h.adminUrl!;
    const raw = await openDatabase({ url, driver: driver === 'postgres' ? 'postgres' : 'pg', max: 1 });
    try {
      await expect(withTenant(raw.db, A, () => 1)).rejects.toBeInstanceOf(PrivilegedSessionError);
      const accepted = await withTenant(raw.db, A, (tx) => count(tx, sql`select count(*) as n from teams where tenant_id <> ${A}`), {
        privilegedSession: decodeURIComponent(new URL(url).username),
      });
      // Accepted, it runs as stocksync_app under the policies: still none of the other tenants' rows.
      expect(accepted).toBe(0);
    } finally {
      await raw.close();
    }
  });

  it('nesting another tenant, or entering twice through the API, is refused before any SQL', async () => {
    await expect(withTenant(h.db, A, () => withTenant(h.db, B, () => 1))).rejects.toBeInstanceOf(TenantContextError);
  });
});
