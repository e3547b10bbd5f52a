// assertTenantIsolation over every tenant table of the schema, on two seeded tenants; a deliberately
// leaky table proves the suite can fail.
import { eq, sql } from 'drizzle-orm';
import { foreignKey, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantIsolationError } from '../../../src/errors.js';
import { seedTenant } from '../../../src/seed/index.js';
import { tenantTableNames } from '../../../src/tenancy/policies.js';
import { tenantContextSql } from '../../../src/tenancy/context/index.js';
import * as schema from '../../../src/schema/index.js';
import { assertTenantIsolation } from '../../../src/testing/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';

describe('assertTenantIsolation', () => {
  let t: TestDatabase;
  let A: string;
  let B: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    // Seeded tenants differ (tiers, optional orders...): take the pair that covers the most tables.
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push((await seedTenant(t.db, { seed: 'isolation', index })).tenantId);
    const covered = new Map(ids.map((id) => [id, new Set<string>()]));
    for (const table of tenantTableNames(Object.values(schema))) {
      const found = await t.db
        .execute(sql`select distinct tenant_id::text as id from ${sql.raw(`"${table}"`)}`)
        .then((r) => (r as unknown as { rows: Array<{ id: string }> }).rows)
        .catch(() => []);
      for (const { id } of found) covered.get(id)?.add(table);
    }
    let best = -1;
    for (const a of ids) {
      for (const b of ids) {
        const union = new Set([...covered.get(a)!, ...covered.get(b)!]).size;
        if (a !== b && union > best) [best, A, B] = [union, a, b];
      }
    }
    // The seeder writes no carts (they expire within a day): give both tenants one.
    const [product] = await t.db.select().from(schema.billingProducts).limit(1);
    for (const tenant of [A, B]) {
      const [user] = await t.db.select().from(schema.users).where(eq(schema.users.tenantId, tenant)).limit(1);
      const [cart] = await t.db.insert(schema.carts).values({ tenantId: tenant, userId: user!.id }).returning();
      await t.db
        .insert(schema.cartItems)
        .values({ tenantId: tenant, cartId: cart!.id, productId: product!.id, unitPriceCents: product!.priceCents });
    }
  }, 120_000);
  afterAll(() => t?.drop());

  it('finds no leak in any tenant table, through the builder and raw SQL', async () => {
    const report = await assertTenantIsolation(t.db, { tenantA: A, tenantB: B });
    const names = report.tables.map((r) => r.table).sort();
    expect(names).toEqual(tenantTableNames(Object.values(schema)).sort());
    for (const r of report.tables) {
      expect(r.skipped, r.table).toBeUndefined();
      for (const check of ['builder.read', 'builder.update', 'builder.delete', 'raw.read', 'raw.update', 'raw.delete', 'no-context.read']) {
        expect(r.passed, `${r.table} ${check}`).toContain(check);
      }
    }
    const references = report.tables.flatMap((r) => r.passed.filter((p) => p.startsWith('reference.')));
    expect(references.length).toBeGreaterThan(50);
    // Most references are proven by a refused write; the rest (a table rule fired first, or no data
    // in either direction) by the composite key in the catalog. Each such case is reported.
    const proven = references.filter((r) => !r.endsWith(':catalog'));
    const inconclusive = report.tables.flatMap((r) => r.inconclusive.map((i) => `${r.table} ${i}`));
    expect(inconclusive).toHaveLength(references.length - proven.length);
    expect(proven.length).toBeGreaterThan(references.length / 2);
  }, 120_000);

  it('tenants: as the application role, tenant A sees exactly its row, no context sees none', async () => {
    const view = (tenantId: string) =>
      t.db.transaction(async (tx) => {
        if (tenantId) await tx.execute(tenantContextSql(tenantId, { privilegedSession: decodeURIComponent(new URL(t.url).username) }));
        else await tx.execute(sql`select set_config('role', 'stocksync_app', true)`);
        const all = (await tx.execute(sql`select * from tenants`)) as unknown as { rows: Array<{ id: string }> };
        const other = (await tx.execute(sql`select count(*)::int as n from tenants where id <> ${tenantId || A}::uuid`)) as unknown as {
          rows: Array<{ n: number }>;
        };
        return { ids: all.rows.map((r) => r.id), others: other.rows[0]!.n };
      });
    expect(await view(A)).toEqual({ ids: [A], others: 0 });
    expect(await view(B)).toEqual({ ids: [B], others: 0 });
    expect(await view('')).toEqual({ ids: [], others: 0 });
    expect(await t.db.$count(schema.tenants)).toBeGreaterThanOrEqual(5); // the owner still sees them all
  });

  it('fails on a table without RLS (the suite can fail)', async () => {
    await t.db.execute(sql`create table leaky (tenant_id uuid not null, id uuid not null primary key, note text, team_id uuid)`);
    await t.db.execute(sql`grant select, insert, update, delete on leaky to stocksync_app`);
    await t.db.execute(sql`insert into leaky values (${A}, gen_random_uuid(), 'a'), (${B}, gen_random_uuid(), 'b')`);
    const leaky = pgTable(
      'leaky',
      { tenantId: uuid().notNull(), id: uuid().notNull().primaryKey(), note: text(), teamId: uuid() },
      (l) => [foreignKey({ columns: [l.teamId], foreignColumns: [schema.teams.id] })],
    );
    const error = await assertTenantIsolation(t.db, { tenantA: A, tenantB: B, schema: { leaky } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantIsolationError);
    const failures = (error as TenantIsolationError).failures;
    expect(failures).toContain('leaky: raw.read: saw 1 row(s) of B');
    expect(failures.some((f) => f.startsWith('leaky: raw.update'))).toBe(true);
    expect(failures.some((f) => f.startsWith('leaky: no-context.read'))).toBe(true);
    expect(failures).toContain(
      "leaky: reference.team_id: the key to teams does not lead with tenant_id, so a row can point at another tenant's row",
    );
    // The builder's own filter still holds on the leaky table.
    expect(failures.some((f) => f.includes('builder.read'))).toBe(false);
  });

  it('fails when neither tenant has a row to test with, unless told otherwise', async () => {
    const nobody = { tenantA: '00000000-0000-7000-8000-000000000001', tenantB: '00000000-0000-7000-8000-000000000002' };
    const error = await assertTenantIsolation(t.db, { ...nobody, schema: { teams: schema.teams } }).catch((e: unknown) => e);
    expect((error as TenantIsolationError).failures).toEqual(['teams: no row of either tenant to test with (seed both tenants)']);
    const report = await assertTenantIsolation(t.db, { ...nobody, schema: { teams: schema.teams }, requireRows: false });
    expect(report.tables[0]!.skipped).toBe('no row of either tenant');
  });
});
