// Projects domain rules, enforced by the database: task depth and parent project, story points,
// status transitions, sprint dates and overlap, tenant-safe SET NULL keys, attachment size by tier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_STATUS_TRANSITIONS, TASK_STATUSES, canTransitionTaskStatus } from '../../../src/schema/index.js';
import { asTenant, createProject, createTenant, expectSqlState, one, openSchemaDatabase, sha, type SchemaDatabase } from './helpers.js';

let db: SchemaDatabase;
let tenantId: string;
let userId: string;
let projectId: string;

beforeAll(async () => {
  db = await openSchemaDatabase();
  ({ tenantId, userId } = await createTenant(db.pool, 'proj'));
  projectId = await createProject(db.pool, tenantId);
});
afterAll(() => db?.close());

async function task(parent: string | null = null, project = projectId, status = 'backlog'): Promise<string> {
  const row = await one<{ id: string }>(
    db.pool,
    `insert into tasks (tenant_id, project_id, title, parent_task_id, status) values ($1, $2, 't', $3, $4) returning id`,
    [tenantId, project, parent, status],
  );
  return row.id;
}

describe('task hierarchy', () => {
  it('allows three levels and rejects a fourth (23514)', async () => {
    const a = await task();
    const b = await task(a);
    const c = await task(b);
    await expectSqlState(task(c), '23514', 'tasks_parent_task_id_depth_check');
  });

  it('rejects moving a subtree under a parent when the result is too deep', async () => {
    const root = await task();
    const child = await task(root);
    const other = await task();
    const otherChild = await task(other);
    // other -> otherChild is two levels; under child (level 2) it would reach level 4.
    await expectSqlState(
      db.pool.query(`update tasks set parent_task_id = $1 where id = $2`, [child, other]),
      '23514',
      'tasks_parent_task_id_depth_check',
    );
    expect(otherChild).toBeTruthy();
  });

  it('rejects a parent in another project and cycles', async () => {
    const otherProject = await createProject(db.pool, tenantId, 'Other');
    const parent = await task();
    await expectSqlState(task(parent, otherProject), '23514', 'tasks_parent_task_id_project_check');
    const a = await task();
    const b = await task(a);
    await expectSqlState(
      db.pool.query(`update tasks set parent_task_id = $1 where id = $2`, [b, a]),
      '23514',
      'tasks_parent_task_id_cycle_check',
    );
  });
});

describe('story points', () => {
  it('accepts positive Fibonacci numbers and rejects others (23514)', async () => {
    const id = await task();
    for (const points of [1, 2, 3, 5, 8, 13]) {
      await db.pool.query(`update tasks set story_points = $1 where id = $2`, [points, id]);
    }
    for (const points of [0, -1, 4, 7]) {
      await expectSqlState(
        db.pool.query(`update tasks set story_points = $1 where id = $2`, [points, id]),
        '23514',
        'tasks_story_points_check',
      );
    }
  });
});

describe('task status transitions', () => {
  it('follows the main line backlog -> todo -> in_progress -> in_review -> done', async () => {
    const id = await task();
    for (const status of ['todo', 'in_progress', 'in_review', 'done']) {
      await db.pool.query(`update tasks set status = $1 where id = $2`, [status, id]);
    }
    expect((await one<{ status: string }>(db.pool, `select status from tasks where id = $1`, [id])).status).toBe('done');
  });

  it('enforces every pair of the transition table exactly (23514 when not allowed)', async () => {
    for (const from of TASK_STATUSES) {
      for (const to of TASK_STATUSES) {
        const id = await task();
        // Reach `from` by a path the table allows (breadth-first over the table).
        for (const step of pathTo(from)) await db.pool.query(`update tasks set status = $1 where id = $2`, [step, id]);
        const attempt = db.pool.query(`update tasks set status = $1 where id = $2`, [to, id]);
        if (canTransitionTaskStatus(from, to)) await attempt;
        else await expectSqlState(attempt, '23514', 'tasks_status_transition_check');
      }
    }
  });

  it('rejects creating a task directly in a later status', async () => {
    await expectSqlState(task(null, projectId, 'done'), '23514', 'tasks_status_transition_check');
  });
});

function pathTo(target: (typeof TASK_STATUSES)[number]): string[] {
  const queue: Array<{ status: (typeof TASK_STATUSES)[number]; path: string[] }> = [{ status: 'backlog', path: [] }];
  const seen = new Set<string>(['backlog']);
  while (queue.length) {
    const { status, path } = queue.shift()!;
    if (status === target) return path;
    for (const next of TASK_STATUS_TRANSITIONS[status]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push({ status: next, path: [...path, next] });
      }
    }
  }
  throw new Error(`${target} is unreachable from backlog`);
}

describe('sprints', () => {
  const insert = (project: string, name: string, start: string, end: string, status = 'planned') =>
    db.pool.query(
      `insert into sprints (tenant_id, project_id, name, start_date, end_date, status) values ($1, $2, $3, $4, $5, $6)`,
      [tenantId, project, name, start, end, status],
    );

  it('requires end after start (23514)', async () => {
    await expectSqlState(insert(projectId, 's0', '2026-01-10', '2026-01-10'), '23514', 'sprints_end_date_check');
  });

  it('rejects overlapping sprints in one project (23P01) but not across projects or with cancelled ones', async () => {
    await insert(projectId, 's1', '2026-02-01', '2026-02-14');
    await expectSqlState(insert(projectId, 's2', '2026-02-14', '2026-02-28'), '23P01', 'sprints_tenant_id_project_id_dates_excl');
    await insert(projectId, 's3', '2026-02-15', '2026-02-28');
    const other = await createProject(db.pool, tenantId, 'Sprint other');
    await insert(other, 's1', '2026-02-01', '2026-02-14');
    await insert(projectId, 's4', '2026-02-03', '2026-02-10', 'cancelled');
  });
});

describe('tenant-safe keys', () => {
  it('deleting an assignee clears assignee_id only, never tenant_id', async () => {
    const u = await one<{ id: string }>(db.pool, `insert into users (tenant_id, email) values ($1, 'gone@x.test') returning id`, [tenantId]);
    const id = await task();
    await db.pool.query(`update tasks set assignee_id = $1, reporter_id = $2 where id = $3`, [u.id, userId, id]);
    await db.pool.query(`delete from users where id = $1`, [u.id]);
    const row = await one<{ tenant_id: string; assignee_id: string | null; reporter_id: string }>(
      db.pool,
      `select tenant_id, assignee_id, reporter_id from tasks where id = $1`,
      [id],
    );
    expect(row).toEqual({ tenant_id: tenantId, assignee_id: null, reporter_id: userId });
  });

  it('a task cannot point at another tenant\'s project or user (23503), and RLS hides other tenants', async () => {
    const other = await createTenant(db.pool, 'proj-other');
    const otherProject = await createProject(db.pool, other.tenantId, 'Theirs');
    await expectSqlState(
      db.pool.query(`insert into tasks (tenant_id, project_id, title) values ($1, $2, 'x')`, [tenantId, otherProject]),
      '23503',
    );
    await expectSqlState(
      db.pool.query(`insert into tasks (tenant_id, project_id, title, assignee_id) values ($1, $2, 'x', $3)`, [
        tenantId,
        projectId,
        other.userId,
      ]),
      '23503',
    );
    const seen = await asTenant(db.pool, other.tenantId, async (c) => (await c.query(`select id from projects`)).rows);
    expect(seen).toEqual([{ id: otherProject }]);
    await expectSqlState(
      asTenant(db.pool, other.tenantId, (c) => c.query(`insert into projects (tenant_id, name) values ($1, 'sneaky')`, [tenantId])),
      '42501',
    );
  });
});

describe('task attachments', () => {
  it('are limited by the tenant tier (23514)', async () => {
    const id = await task();
    const insert = (size: number) =>
      db.pool.query(
        `insert into task_attachments (tenant_id, task_id, file_name, file_path, file_size_bytes, mime_type, checksum)
         values ($1, $2, 'a.bin', '/a.bin', $3, 'application/octet-stream', $4)`,
        [tenantId, id, size, sha('att')],
      );
    await insert(10 * 1024 * 1024);
    await expectSqlState(insert(10 * 1024 * 1024 + 1), '23514', 'task_attachments_file_size_bytes_tier_check');
  });
});
