// The scoped builder without a database: generated SQL carries tenant_id, types refuse global
// tables and tenantId, and a missing tenant throws before anything runs.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { TenantContextMissingError, TenantScopeError } from '../../../src/errors.js';
import * as schema from '../../../src/schema/index.js';
import { memberships, tenants, users } from '../../../src/schema/index.js';
import { tenantDb, type TenantInsertValue } from '../../../src/tenancy/tenant-db.js';

const db = drizzle.mock({ schema, casing: 'snake_case' });
const A = '0190c5a4-8f5e-7a4b-9c1d-2e3f4a5b6c7d';

describe('tenantDb (no database)', () => {
  const t = tenantDb(db, A);

  it('adds tenant_id = $1 to selects, before the caller condition', () => {
    const q = t.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).toSQL();
    expect(q.sql).toBe(
      'select "id" from "users" where ("users"."tenant_id" = $1 and "users"."role" = $2)',
    );
    expect(q.params).toEqual([A, 'admin']);
  });

  it('keeps the tenant condition when where() is called twice', () => {
    const q = t.select().from(users).$dynamic().where(eq(users.role, 'admin')).where(eq(users.role, 'member')).toSQL();
    expect(q.sql).toMatch(/where \("users"\."tenant_id" = \$1 and "users"\."role" = \$2\)$/);
    expect(q.params).toEqual([A, 'member']);
  });

  it('puts the joined table tenant condition in the ON clause', () => {
    const q = t.select().from(users).leftJoin(memberships, eq(memberships.userId, users.id)).toSQL();
    expect(q.sql).toContain(
      'left join "memberships" on ("memberships"."user_id" = "users"."id" and "memberships"."tenant_id" = $1)',
    );
    expect(q.sql).toMatch(/where "users"\."tenant_id" = \$2$/);
  });

  it('injects tenant_id into inserts and scopes updates and deletes', () => {
    const insert = t.insert(users).values({ email: 'a@a.test' }).toSQL();
    expect(insert.params).toContain(A);
    expect(insert.sql).toMatch(/^insert into "users" \("tenant_id", "id", "email"/);
    const update = t.update(users).set({ language: 'fr' }).where(eq(users.id, A)).toSQL();
    expect(update.sql).toMatch(/where \("users"\."tenant_id" = \$\d and "users"\."id" = \$\d\)$/);
    const del = t.delete(users).toSQL();
    expect(del.sql).toBe('delete from "users" where "users"."tenant_id" = $1');
  });

  it('scopes relational queries', () => {
    const q = t.query.users.findMany({ where: eq(users.role, 'owner') }).toSQL();
    expect(q.sql).toContain('"users"."tenant_id" = $1');
    expect(q.params[0]).toBe(A);
  });

  it('filters the many-relations of relational queries, nested, keeping the caller condition', () => {
    const q = t.query.workflows
      .findMany({ with: { executions: { where: (e, { eq: equals }) => equals(e.status, 'running'), with: { steps: true } }, project: true } })
      .toSQL();
    // The root, the executions and their steps each carry the tenant condition: three params with A.
    expect(q.params.filter((p) => p === A)).toHaveLength(3);
    expect(q.params).toContain('running');
    expect(q.sql.match(/"tenant_id" = \$\d+/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves reads of global tables unfiltered and refuses writes to them', () => {
    expect(t.select().from(tenants).toSQL().sql).not.toContain('tenant_id');
    expect(() => (t.insert as (x: unknown) => unknown)(tenants)).toThrow(TenantScopeError);
  });

  it('throws TenantContextMissingError without a tenant', () => {
    expect(() => tenantDb(db)).toThrow(TenantContextMissingError);
  });

  it('types: tenantId is omitted from inserts and global tables are refused', () => {
    expectTypeOf<TenantInsertValue<typeof users>>().not.toHaveProperty('tenantId');
    expectTypeOf<TenantInsertValue<typeof users>>().toHaveProperty('email');
    // @ts-expect-error tenants has no tenantId column: not writable through the builder
    expect(() => t.update(tenants)).toThrow(TenantScopeError);
  });
});
