// The scoped builder and relational queries, typed from the published declarations.
import { eq } from 'drizzle-orm';
import { expectTypeOf } from 'vitest';
import { projects, tasks, tenants, users, type Database, type Project, type Task } from '@stocksync/db';
import { tenantDb, withTenant } from '@stocksync/db/tenancy';

declare const db: Database;
const t = tenantDb(db, '0190a5b4-0000-7000-8000-000000000001');

export async function typed() {
  const rows = await t.select().from(projects).where(eq(projects.name, 'Roadmap'));
  expectTypeOf(rows).toEqualTypeOf<Project[]>();

  const inserted = await t.insert(projects).values({ name: 'Roadmap' }).returning();
  expectTypeOf(inserted).toEqualTypeOf<Project[]>();

  // Relational queries return typed rows with their relations, not any.
  const withTasks = await t.query.projects.findMany({ with: { tasks: true } });
  expectTypeOf(withTasks).not.toBeAny();
  expectTypeOf(withTasks[0]!.tasks).toEqualTypeOf<Task[]>();
  expectTypeOf(withTasks[0]!.name).toEqualTypeOf<string>();
  const one = await t.query.tasks.findFirst({ with: { project: true } });
  expectTypeOf(one).not.toBeAny();
  expectTypeOf(one!.project).toEqualTypeOf<Project>();

  await t.update(projects).set({ name: 'Renamed' }).where(eq(projects.id, inserted[0]!.id));
  await t.delete(tasks).where(eq(tasks.projectId, inserted[0]!.id));
  await withTenant(db, t.tenantId, async (tx) => {
    const list = await tx.select().from(users);
    expectTypeOf(list[0]!.email).toEqualTypeOf<string>();
  });
}

export async function refused() {
  // @ts-expect-error writing a global table through the scoped builder does not compile
  t.insert(tenants);
  // @ts-expect-error global tables cannot be updated through the scoped builder either
  t.update(tenants);
  // @ts-expect-error nor deleted from
  t.delete(tenants);
  // @ts-expect-error a column the table does not have
  await t.insert(projects).values({ name: 'x', nme: 'typo' });
  // @ts-expect-error a column of another tenant table (users.email) in a projects row
  await t.insert(projects).values({ name: 'x', email: 'a@b.test' });
  // @ts-expect-error the builder sets tenantId; a row cannot carry one
  await t.insert(projects).values({ name: 'x', tenantId: 'other' });
  // @ts-expect-error tenantId cannot be changed by an update
  await t.update(projects).set({ tenantId: 'other' });
  // @ts-expect-error a required column is missing
  await t.insert(projects).values({ description: 'no name' });
  // @ts-expect-error a relation the table does not have
  await t.query.projects.findMany({ with: { invoices: true } });
}
