// Role-aware RLS as the application role: guests read-only, audit logs readable and tenant settings
// usable only by owners, admins and service code; the catalog carries the permissive per-command policies.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStateOf } from '../../../src/errors.js';
import { auditLogs, CONTEXT_TENANT_FUNCTIONS, tableAccess, teams, tenantSettings, tenants, users, type AccessLevel } from '../../../src/schema/index.js';
import { withTenant, type ActorRole } from '../../../src/tenancy/context/index.js';
import { recordAuditEvent } from '../../../src/tenancy/audit.js';
import * as schema from '../../../src/schema/index.js';
import { uuidv7 } from '../../../src/uuid.js';
import { openDriver, rowsOf, type DriverHandle } from './_drivers.js';

describe.each(['pg', 'pglite'] as const)('role-aware policies on %s', (driver) => {
  let h: DriverHandle;
  const A = uuidv7();
  const B = uuidv7();
  const team = uuidv7();

  beforeAll(async () => {
    h = await openDriver(driver);
    await h.admin.insert(tenants).values([
      { id: A, name: 'A', slug: 'roles', email: 'a@a.test' },
      { id: B, name: 'B', slug: 'roles-b', email: 'b@b.test', stripeCustomerId: 'cus_B' },
    ]);
    await h.admin.insert(users).values({ tenantId: A, email: 'o@a.test', role: 'owner' });
    await h.admin.insert(teams).values({ tenantId: A, id: team, name: 'T' });
    await h.admin.insert(tenantSettings).values({ tenantId: A, settings: { locale: 'en' } });
  });
  afterAll(() => h?.close());

  const as = <T>(role: ActorRole | undefined, fn: Parameters<typeof withTenant<typeof h.db, T>>[2]) =>
    withTenant(h.db, A, fn, { actor: role ? { role } : {} });
  const state = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => sqlStateOf(e) ?? String(e));

  it('guests read but cannot insert, update or delete', async () => {
    expect((await as('guest', (tx) => tx.select().from(teams))).length).toBe(1);
    expect(await state(as('guest', (tx) => tx.insert(teams).values({ tenantId: A, name: 'G' })))).toBe('42501');
    const updated = await as('guest', (tx) => tx.update(teams).set({ name: 'X' }).where(eq(teams.id, team)).returning());
    expect(updated).toEqual([]);
    const deleted = await as('guest', (tx) => tx.delete(teams).where(eq(teams.id, team)).returning());
    expect(deleted).toEqual([]);
    const [still] = await h.admin.select().from(teams).where(eq(teams.id, team));
    expect(still!.name).toBe('T');
  });

  it('an unknown role set by raw SQL is read-only too (fail closed)', async () => {
    const result = await state(
      withTenant(h.db, A, async (tx) => {
        await tx.execute(sql`select set_config('app.user_role', 'viewer', true)`);
        await tx.insert(teams).values({ tenantId: A, name: 'V' });
      }),
    );
    expect(result).toBe('42501');
  });

  it('members write ordinary tables, but cannot read audit logs nor touch tenant settings', async () => {
    const [created] = await as('member', (tx) => tx.insert(teams).values({ tenantId: A, name: 'M' }).returning());
    expect(created!.name).toBe('M');
    expect(await as('member', (tx) => tx.select().from(auditLogs))).toEqual([]);
    expect(await as('member', (tx) => tx.select().from(tenantSettings))).toEqual([]);
    const updated = await as('member', (tx) => tx.update(tenantSettings).set({ version: 2 }).returning());
    expect(updated).toEqual([]);
    expect(await state(as('member', (tx) => tx.insert(tenantSettings).values({ tenantId: A })))).toBe('42501');
  });

  it.each(['owner', 'admin', undefined] as const)('%s reads audit logs and manages settings', async (role) => {
    expect((await as(role, (tx) => tx.select().from(auditLogs))).length).toBeGreaterThan(0);
    const [row] = await as(role, (tx) =>
      tx.update(tenantSettings).set({ version: sql`${tenantSettings.version} + 1` }).returning(),
    );
    expect(row!.tenantId).toBe(A);
  });

  it('guests still leave audit events (through stocksync_audit_event; no role may INSERT into audit_logs directly)', async () => {
    expect(await state(as('guest', (tx) => recordAuditEvent(tx, { action: 'user.login', resourceType: 'users' })))).toBe('ok');
    for (const role of ['guest', 'owner', undefined] as const) {
      const raw = as(role, (tx) => tx.insert(auditLogs).values({ tenantId: A, action: 'user.login', resourceType: 'users' }));
      expect(await state(raw), role).toBe('42501');
    }
  });

  it('global tables are read-only for the application role, whatever the actor', async () => {
    for (const table of schema.GLOBAL_TABLES.map((g) => g.table)) {
      expect(await state(as(undefined, (tx) => tx.execute(sql`select 1 from ${sql.raw(`"${table}"`)} limit 1`)))).toBe('ok');
      for (const write of [
        sql`insert into ${sql.raw(`"${table}"`)} default values`,
        sql`delete from ${sql.raw(`"${table}"`)} where false`,
      ]) {
        expect(await state(as('owner', (tx) => tx.execute(write))), table).toBe('42501');
      }
    }
    expect(await state(as(undefined, (tx) => tx.update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, A))))).toBe('42501');
  });

  it('tenants: the application role sees exactly its own tenant row, none without a context', async () => {
    const ids = (result: unknown) => rowsOf<{ id: string }>(result).map((r) => r.id);
    for (const role of [undefined, 'owner', 'guest'] as const) {
      expect(ids(await as(role, (tx) => tx.execute(sql`select * from tenants`)))).toEqual([A]);
    }
    expect(ids(await as(undefined, (tx) => tx.execute(sql`select * from tenants where id = ${B}::uuid or stripe_customer_id = 'cus_B'`)))).toEqual([]);
    expect((await as('member', (tx) => tx.select().from(tenants))).map((r) => r.id)).toEqual([A]);
    // Raw SQL that sets app.tenant_id by hand (no signed context) sees no tenant row at all.
    const raw = (settings: string) =>
      h.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'stocksync_app', true), set_config('app.tenant_id', ${settings}, true)`);
        return ids(await tx.execute(sql`select * from tenants`));
      });
    expect(await raw('')).toEqual([]);
    expect(await raw(B)).toEqual([]);
    // The status check and the purge guard still see every tenant (SECURITY DEFINER, booleans only).
    const guard = await as(undefined, (tx) =>
      tx.execute(sql`select stocksync_tenant_purging(${B}::uuid) as b, stocksync_tenant_purging(${uuidv7()}::uuid) as gone`),
    );
    expect(rowsOf(guard)).toEqual([{ b: false, gone: true }]);
    const forced = rowsOf<{ rls: boolean; forced: boolean }>(
      await h.admin.execute(sql`select relrowsecurity as rls, relforcerowsecurity as forced from pg_class where oid = 'public.tenants'::regclass`),
    );
    expect(forced).toEqual([{ rls: true, forced: true }]);
  });

  it('catalog: every tenant table carries its four permissive policies, at the access level its rules give', async () => {
    const rows = rowsOf<{ table: string; policy: string; permissive: boolean; qual: string | null; check: string | null }>(
      await h.admin.execute(sql`select c.relname as table, p.polname as policy, p.polpermissive as permissive,
        pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check
        from pg_policy p join pg_class c on c.oid = p.polrelid`),
    );
    expect(rows.filter((r) => !r.permissive).map((r) => r.policy)).toEqual([]);
    const tables = rowsOf<{ table: string }>(
      await h.admin.execute(sql`select c.relname as table from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where c.relkind in ('r', 'p')`),
    ).map((r) => r.table);
    const wrong: string[] = [];
    for (const table of tables) {
      const access = tableAccess(table);
      const fn = (level: AccessLevel) => `(tenant_id = ${CONTEXT_TENANT_FUNCTIONS[level]}())`;
      const want: Record<string, [string | null, string | null]> = {
        select: [fn(access.read), null],
        insert: [null, fn(access.write)],
        update: [fn(access.write), fn(access.write)],
        delete: [fn(access.write), null],
      };
      for (const [cmd, [qual, check]] of Object.entries(want)) {
        const p = rows.find((r) => r.table === table && r.policy === `${table}_${cmd}`);
        if (!p || p.qual !== qual || p.check !== check) wrong.push(`${table}_${cmd}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
