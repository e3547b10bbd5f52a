// Property-based: random inserts, renames, deletes and reads by several tenants (through the scoped
// builder and raw SQL as the app role); after every step each tenant sees exactly its own rows,
// through RLS and the builder together and through the builder alone.
import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStateOf } from '../../../src/errors.js';
import { teams, tenants } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { uuidv7 } from '../../../src/uuid.js';
import { openDriver, rowsOf, type DriverHandle } from './_drivers.js';

type Op =
  | { kind: 'insert'; tenant: number; name: string }
  | { kind: 'rename'; tenant: number; target: number; name: string; raw: boolean }
  | { kind: 'delete'; tenant: number; target: number; raw: boolean };

const NAMES = ['alpha', 'beta', 'gamma'];

describe('isolation under random operations (fast-check)', () => {
  let h: DriverHandle;
  let superuser: string;
  const ids = [uuidv7(), uuidv7(), uuidv7()];

  beforeAll(async () => {
    h = await openDriver('pg');
    superuser = rowsOf<{ u: string }>(await h.admin.execute(sql`select current_user as u`))[0]!.u;
    await h.admin.insert(tenants).values(ids.map((id, i) => ({ id, name: `P${i}`, slug: `prop-${i}`, email: `p${i}@p.test` })));
  });
  afterAll(() => h?.close());

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), tenant: fc.nat(2), name: fc.constantFrom(...NAMES) }),
    fc.record({
      kind: fc.constant('rename' as const),
      tenant: fc.nat(2),
      target: fc.nat(20),
      name: fc.constantFrom(...NAMES),
      raw: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('delete' as const), tenant: fc.nat(2), target: fc.nat(20), raw: fc.boolean() }),
  );

  it('no tenant ever observes or changes another tenant rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        await h.admin.delete(teams).where(inArray(teams.tenantId, ids));
        // The model: every row ever created (for targets), and what each tenant should see.
        const created: Array<{ id: string; tenant: number }> = [];
        const model = ids.map(() => new Map<string, string>());
        for (const step of ops) {
          const tenantId = ids[step.tenant]!;
          const t = tenantDb(h.db, tenantId);
          if (step.kind === 'insert') {
            const taken = [...model[step.tenant]!.values()].includes(step.name);
            const result = await t.insert(teams).values({ name: step.name }).returning().then(
              (rows) => rows,
              (e: unknown) => sqlStateOf(e),
            );
            if (taken) expect(result).toBe('23505');
            else {
              const [row] = result as Array<{ id: string; tenantId: string }>;
              expect(row!.tenantId).toBe(tenantId);
              created.push({ id: row!.id, tenant: step.tenant });
              model[step.tenant]!.set(row!.id, step.name);
            }
          } else if (created.length) {
            const target = created[step.target % created.length]!;
            const own = target.tenant === step.tenant && model[step.tenant]!.has(target.id);
            const run = () =>
              step.raw
                ? withTenant(h.db, tenantId, async (tx) =>
                    rowsOf<{ id: string }>(
                      await tx.execute(
                        step.kind === 'rename'
                          ? sql`update teams set name = ${step.name} where id = ${target.id} returning id`
                          : sql`delete from teams where id = ${target.id} returning id`,
                      ),
                    ),
                  )
                : step.kind === 'rename'
                  ? t.update(teams).set({ name: step.name }).where(eq(teams.id, target.id)).returning({ id: teams.id })
                  : t.delete(teams).where(eq(teams.id, target.id)).returning({ id: teams.id });
            const clash =
              step.kind === 'rename' &&
              own &&
              [...model[step.tenant]!].some(([id, name]) => name === step.name && id !== target.id);
            const result = await run().then((rows) => rows, (e: unknown) => sqlStateOf(e));
            if (clash) expect(result).toBe('23505');
            else {
              expect((result as unknown[]).length).toBe(own ? 1 : 0);
              if (own && step.kind === 'rename') model[step.tenant]!.set(target.id, step.name);
              if (own && step.kind === 'delete') model[step.tenant]!.delete(target.id);
            }
          }
          // After every step, each tenant sees exactly its model, through both paths.
          for (const [i, id] of ids.entries()) {
            const viaBuilder = await tenantDb(h.db, id).select({ id: teams.id, name: teams.name }).from(teams);
            // The builder alone, with RLS out of the way (a role that bypasses it).
            const builderOnly = await tenantDb(h.admin, id, { role: superuser, privilegedSession: superuser }).select({ id: teams.id, name: teams.name }).from(teams);
            const viaRaw = await withTenant(h.db, id, async (tx) =>
              rowsOf<{ id: string; name: string }>(await tx.execute(sql`select id, name from teams`)),
            );
            const expected = [...model[i]!].map(([rowId, name]) => ({ id: rowId, name })).sort((a, b) => a.id.localeCompare(b.id));
            const sort = (rows: Array<{ id: string; name: string }>) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
            expect(sort(viaBuilder)).toEqual(expected);
            expect(sort(builderOnly)).toEqual(expected);
            expect(sort(viaRaw)).toEqual(expected);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
