// The request-shaped queries the tenancy benches time: each through the tenant-scoped builder and as
// plain drizzle with the tenant_id filter written by hand (the baseline), so every bench compares the
// same statements.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../src/connection.js';
import { tasks } from '../../src/schema/index.js';
import { tenantDb } from '../../src/tenancy/index.js';

/** One task by id, tenant-scoped. */
export const scopedTaskById = (db: Database, tenant: string, task: string) => tenantDb(db, tenant).select().from(tasks).where(eq(tasks.id, task));

/** One task by id, plain drizzle with the tenant filter. */
export const plainTaskById = (db: Database, tenant: string, task: string) =>
  db.select().from(tasks).where(and(eq(tasks.tenantId, tenant), eq(tasks.id, task)));

/** The newest 50 live tasks of a project, tenant-scoped. */
export const scopedTaskList = (db: Database, tenant: string, project: string) =>
  tenantDb(db, tenant)
    .select()
    .from(tasks)
    .where(and(eq(tasks.projectId, project), isNull(tasks.deletedAt)))
    .orderBy(desc(tasks.createdAt))
    .limit(50);

/** The newest 50 live tasks of a project, plain drizzle with the tenant filter. */
export const plainTaskList = (db: Database, tenant: string, project: string) =>
  db
    .select()
    .from(tasks)
    .where(and(eq(tasks.tenantId, tenant), eq(tasks.projectId, project), isNull(tasks.deletedAt)))
    .orderBy(desc(tasks.createdAt))
    .limit(50);
