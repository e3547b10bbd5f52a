// The scoped builder on node-postgres, postgres.js and PGlite: tenant_id injected and filtered on
// every statement (even with RLS bypassed), global tables refused, statements joined to withTenant.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ForeignKeyError,
  PermissionDeniedError,
  TenantContextError,
  TenantContextMissingError,
  TenantScopeError,
} from '../../../src/errors.js';
import { memberships, tenants, users } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { uuidv7 } from '../../../src/uuid.js';
import { openDriver, rowsOf, type DriverHandle } from './_drivers.js';

describe.each(['pg', 'postgres', 'pglite'] as const)('tenantDb on %s', (driver) => {
  let h: DriverHandle;
  let superuser: string;
  const A = uuidv7();
  const B = uuidv7();
  const alice = uuidv7();
  const bob = uuidv7();

  beforeAll(async () => {
    h = await openDriver(driver);
    superuser = rowsOf<{ u: string }>(await h.admin.execute(sql`select current_user as u`))[0]!.u;
    await h.admin.insert(tenants).values([
      { id: A, name: 'A', slug: `ta-${driver}`, email: 'a@a.test' },
      { id: B, name: 'B', slug: `tb-${driver}`, email: 'b@b.test' },
    ]);
    await h.admin.insert(users).values([
      { tenantId: A, id: alice, email: 'alice@a.test', role: 'owner' },
      { tenantId: B, id: bob, email: 'bob@b.test', role: 'owner' },
    ]);
    await h.admin.insert(memberships).values([
      { tenantId: A, userId: alice, role: 'owner' },
      { tenantId: B, userId: bob, role: 'owner' },
    ]);
  });
  afterAll(() => h?.close());

  it('injects tenant_id into inserts and returns the rows', async () => {
    const t = tenantDb(h.db, A);
    const [row] = await t.insert(users).values({ email: `new-${driver}@a.test` }).returning();
    expect(row!.tenantId).toBe(A);
    const many = await t
      .insert(users)
      .values([{ email: `m1-${driver}@a.test` }, { email: `m2-${driver}@a.test` }])
      .returning({ tenantId: users.tenantId });
    expect(many.map((r) => r.tenantId)).toEqual([A, A]);
  });

  it('filters every read by tenant, also with RLS bypassed (the builder is the first wall)', async () => {
    // Control: as the superuser, RLS does not apply, so an unscoped query sees both tenants.
    // (The privileged admin handle, accepted by name: withTenant refuses such a session otherwise.)
    const unscoped = await withTenant(h.admin, A, (tx) => tx.select().from(users), { role: superuser, privilegedSession: superuser });
    expect(new Set(unscoped.map((u) => u.tenantId))).toEqual(new Set([A, B]));
    for (const role of ['stocksync_app', superuser]) {
      const t = role === superuser ? tenantDb(h.admin, A, { role, privilegedSession: superuser }) : tenantDb(h.db, A, { role });
      const all = await t.select().from(users);
      expect(new Set(all.map((u) => u.tenantId))).toEqual(new Set([A]));
      const bobSeen = await t.select().from(users).where(eq(users.id, bob));
      expect(bobSeen).toEqual([]);
      const fnWhere = await t.select({ id: users.id }).from(users).where(() => eq(users.id, alice));
      expect(fnWhere).toEqual([{ id: alice }]);
      expect(await t.$count(users, eq(users.id, bob))).toBe(0);
      expect(await t.query.users.findMany({ where: (u, { eq: equals }) => equals(u.id, bob) })).toEqual([]);
      const first = await t.query.users.findFirst({ where: eq(users.id, alice) });
      expect(first?.id).toBe(alice);
      // A join to another tenant table gets the tenant condition in its ON clause.
      const joined = await t
        .select({ user: users.id, membership: memberships.id })
        .from(users)
        .leftJoin(memberships, eq(memberships.userId, bob));
      expect(joined.every((r) => r.membership === null)).toBe(true);
    }
  });

  it('scopes updates and deletes to the tenant, also with RLS bypassed', async () => {
    const t = tenantDb(h.admin, A, { role: superuser, privilegedSession: superuser });
    const updated = await t.update(users).set({ language: 'fr' }).where(eq(users.id, bob)).returning();
    expect(updated).toEqual([]);
    const deleted = await t.delete(users).where(eq(users.id, bob)).returning();
    expect(deleted).toEqual([]);
    const [bobRow] = await h.admin.select().from(users).where(eq(users.id, bob));
    expect(bobRow!.language).toBe('en');
    const mine = await t.update(users).set({ language: 'de' }).where(eq(users.id, alice)).returning({ id: users.id });
    expect(mine).toEqual([{ id: alice }]);
    // No where(): the whole tenant, never the table.
    const everyone = await t.update(users).set({ timezone: 'Europe/Paris' }).returning({ tenantId: users.tenantId });
    expect(new Set(everyone.map((r) => r.tenantId))).toEqual(new Set([A]));
    const [bobAfter] = await h.admin.select().from(users).where(eq(users.id, bob));
    expect(bobAfter!.timezone).toBe('UTC');
  });

  it('shows tenant_id = $1 in the generated SQL', () => {
    const t = tenantDb(h.db, A);
    const q = t.select().from(users).where(eq(users.email, 'x')).toSQL();
    expect(q.sql).toMatch(/"users"\."tenant_id" = \$1 and "users"\."email" = \$2/);
    expect(q.params).toEqual([A, 'x']);
    const d = t.delete(users).toSQL();
    expect(d.sql).toMatch(/where "users"\."tenant_id" = \$1/);
  });

  it('refuses writes to global tables and cross-tenant values at run time, before the database', async () => {
    const t = tenantDb(h.db, A);
    // @ts-expect-error tenants is a global table: the builder's types refuse it.
    expect(() => t.insert(tenants)).toThrow(TenantScopeError);
    // @ts-expect-error idem for update
    expect(() => t.update(tenants)).toThrow(TenantScopeError);
    // @ts-expect-error idem for delete
    expect(() => t.delete(tenants)).toThrow(TenantScopeError);
    // @ts-expect-error tenantId is not part of the insert type
    expect(() => t.insert(users).values({ email: 'z@a.test', tenantId: B })).toThrow(TenantScopeError);
    // @ts-expect-error tenantId is not part of the update type
    expect(() => t.update(users).set({ tenantId: B })).toThrow(TenantScopeError);
    // Reading a global table is allowed; RLS shows only the tenant's own row of tenants.
    expect((await t.select().from(tenants)).map((r) => r.id)).toEqual([A]);
  });

  it('throws TenantContextMissingError without a tenant, before touching the database', () => {
    expect(() => tenantDb(h.db)).toThrow(TenantContextMissingError);
    expect(() => tenantDb(h.db, null)).toThrow(TenantContextMissingError);
    expect(() => tenantDb(h.db, '')).toThrow(TenantContextMissingError);
    expect(() => tenantDb(h.db, 'not-a-uuid')).toThrow(TenantContextError);
  });

  it('joins the open withTenant transaction and takes its tenant by default', async () => {
    const email = `joined-${driver}@a.test`;
    await expect(
      withTenant(h.db, A, async (tx) => {
        const t = tenantDb(h.db);
        expect(t.tenantId).toBe(A);
        await t.insert(users).values({ email });
        const seen = await tx.select().from(users).where(eq(users.email, email));
        expect(seen).toHaveLength(1);
        const ids = await Promise.all([
          t.execute(sql`select txid_current()::text as x`),
          tx.execute(sql`select txid_current()::text as x`),
        ]);
        expect(rowsOf<{ x: string }>(ids[0])[0]!.x).toBe(rowsOf<{ x: string }>(ids[1])[0]!.x);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await h.admin.select().from(users).where(eq(users.email, email))).toEqual([]);
    const other = withTenant(h.db, A, () => tenantDb(h.db, B).select().from(users));
    await expect(other).rejects.toBeInstanceOf(TenantContextError);
  });

  it('groups statements in one transaction with transaction()', async () => {
    const email = `tx-${driver}@a.test`;
    const t = tenantDb(h.db, A);
    await expect(
      t.transaction(async (tt) => {
        await tt.insert(users).values({ email });
        expect(await tt.$count(users, eq(users.email, email))).toBe(1);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.$count(users, eq(users.email, email))).toBe(0);
    const id = await t.transaction(async (tt) => {
      const [u] = await tt.insert(users).values({ email }).returning();
      await tt.insert(memberships).values({ userId: u!.id, role: 'member' });
      return u!.id;
    });
    expect(await t.$count(memberships, eq(memberships.userId, id))).toBe(1);
  });

  it('supports prepared statements with placeholders', async () => {
    const t = tenantDb(h.db, A);
    const byId = t.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare(`by_id_${driver}`);
    expect((await byId.execute({ id: alice })).map((u) => u.id)).toEqual([alice]);
    expect(await byId.execute({ id: bob })).toEqual([]);
  });

  it('a row referencing another tenant cannot be written', async () => {
    const t = tenantDb(h.db, A);
    // The builder maps the driver error: a foreign key to a user not in A, or an RLS refusal.
    await expect(t.insert(memberships).values({ userId: bob, role: 'member' })).rejects.toSatisfy(
      (e: unknown) =>
        (e instanceof ForeignKeyError && e.sqlState === '23503' && e.constraint === 'memberships_user_id_fkey') ||
        (e instanceof PermissionDeniedError && e.sqlState === '42501'),
    );
  });
});
