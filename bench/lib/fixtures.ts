// Bulk fixtures for benchmarks, written straight in SQL as the owner with triggers off
// (session_replication_role = replica): the benchmarks measure reads and single writes, not loading.
import pg from 'pg';

/** Tenants, projects and tasks created by {@link loadTasks}. */
export interface TaskFixture {
  tenantIds: string[];
  /** One project per tenant used for list queries. */
  projectIds: string[];
  /** A sample of task ids per tenant, for point lookups. */
  taskIds: string[][];
}

/**
 * Creates `tenants` tenants, each with `projectsPerTenant` projects of `tasksPerProject` tasks,
 * using set-based SQL (deterministic ids from md5 of a counter).
 */
export async function loadTasks(
  url: string,
  tenants: number,
  projectsPerTenant: number,
  tasksPerProject: number,
): Promise<TaskFixture> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(
      `insert into tenants (id, name, slug, email)
       select md5('tenant' || g)::uuid, 'Bench tenant ' || g, 'bench-' || g, 'ops' || g || '@bench.test'
       from generate_series(1, $1) g`,
      [tenants],
    );
    await client.query(
      `insert into projects (tenant_id, id, name)
       select md5('tenant' || t)::uuid, md5('project' || t || '-' || p)::uuid, 'Project ' || p
       from generate_series(1, $1) t, generate_series(1, $2) p`,
      [tenants, projectsPerTenant],
    );
    await client.query(
      `insert into tasks (tenant_id, id, project_id, title, status, created_at, updated_at)
       select md5('tenant' || t)::uuid, md5('task' || t || '-' || p || '-' || k)::uuid,
              md5('project' || t || '-' || p)::uuid, 'Task ' || k,
              (array['backlog','todo','in_progress','in_review','done'])[1 + k % 5],
              now() - (k || ' minutes')::interval, now()
       from generate_series(1, $1) t, generate_series(1, $2) p, generate_series(1, $3) k`,
      [tenants, projectsPerTenant, tasksPerProject],
    );
    await client.query('set session_replication_role = origin');
    await client.query('vacuum analyze tenants, projects, tasks');
    const tenantIds = (
      await client.query<{ id: string }>(`select md5('tenant' || g)::uuid as id from generate_series(1, $1) g`, [tenants])
    ).rows.map((r) => r.id);
    const projectIds = tenantIds.map((_, i) => md5Uuid(`project${i + 1}-1`));
    const sample = Math.min(50, tasksPerProject);
    const taskIds = tenantIds.map((_, i) =>
      Array.from({ length: sample }, (_, k) => md5Uuid(`task${i + 1}-1-${1 + ((k * 7) % tasksPerProject)}`)),
    );
    return { tenantIds, projectIds, taskIds };
  } finally {
    await client.end();
  }
}

import { createHash } from 'node:crypto';
function md5Uuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
