// Workflow domain rules, enforced by the database: definition graph, current step and step nodes,
// approval expiry (7 days unless the workflow says otherwise) and no decision after expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, expectSqlState, one, openSchemaDatabase, type SchemaDatabase } from './helpers.js';

let db: SchemaDatabase;
let tenantId: string;
let userId: string;

const definition = {
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'approval' },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'review' },
    { from: 'review', to: 'end', condition: 'approved' },
  ],
};

beforeAll(async () => {
  db = await openSchemaDatabase();
  ({ tenantId, userId } = await createTenant(db.pool, 'flows'));
});
afterAll(() => db?.close());

let counter = 0;
const workflow = (def: unknown, ttl?: number) =>
  one<{ id: string }>(
    db.pool,
    `insert into workflows (tenant_id, name, definition, approval_ttl_days) values ($1, $2, $3, coalesce($4, 7)) returning id`,
    [tenantId, `wf${++counter}`, JSON.stringify(def), ttl ?? null],
  );

describe('workflow definitions', () => {
  it('accept a valid graph', async () => {
    expect((await workflow(definition)).id).toBeTruthy();
  });

  it.each([
    ['duplicate node ids', { ...definition, nodes: [...definition.nodes, { id: 'review', type: 'task' }] }],
    ['an edge to a missing node', { ...definition, edges: [...definition.edges, { from: 'review', to: 'nowhere' }] }],
    ['no start node', { nodes: [{ id: 'a', type: 'task' }], edges: [] }],
    ['two start nodes', { nodes: [{ id: 'a', type: 'start' }, { id: 'b', type: 'start' }], edges: [] }],
    ['an unknown node type', { nodes: [{ id: 's', type: 'start' }, { id: 'x', type: 'teleport' }], edges: [] }],
    ['no nodes', { nodes: [], edges: [] }],
    ['missing edges', { nodes: [{ id: 's', type: 'start' }] }],
    ['a non-object', [1, 2]],
  ])('reject %s (23514)', async (_label, def) => {
    await expectSqlState(workflow(def), '23514', 'workflows_definition_check');
  });

  it('reject an invalid definition on update too', async () => {
    const { id } = await workflow(definition);
    await expectSqlState(
      db.pool.query(`update workflows set definition = '{"nodes":[],"edges":[]}' where id = $1`, [id]),
      '23514',
      'workflows_definition_check',
    );
  });
});

describe('executions and steps', () => {
  it('current_step and step node_id must be nodes of the definition (23514)', async () => {
    const { id: workflowId } = await workflow(definition);
    const exec = await one<{ id: string }>(
      db.pool,
      `insert into workflow_executions (tenant_id, workflow_id, current_step) values ($1, $2, 'start') returning id`,
      [tenantId, workflowId],
    );
    await db.pool.query(`update workflow_executions set current_step = 'review' where id = $1`, [exec.id]);
    await expectSqlState(
      db.pool.query(`update workflow_executions set current_step = 'deploy' where id = $1`, [exec.id]),
      '23514',
      'workflow_executions_current_step_check',
    );
    await db.pool.query(`insert into workflow_steps (tenant_id, execution_id, node_id) values ($1, $2, 'review')`, [tenantId, exec.id]);
    await expectSqlState(
      db.pool.query(`insert into workflow_steps (tenant_id, execution_id, node_id) values ($1, $2, 'ghost')`, [tenantId, exec.id]),
      '23514',
      'workflow_steps_node_id_check',
    );
  });
});

describe('approvals', () => {
  async function approval(ttl?: number, requestedAt = new Date()) {
    const { id: workflowId } = await workflow(definition, ttl);
    const exec = await one<{ id: string }>(
      db.pool,
      `insert into workflow_executions (tenant_id, workflow_id) values ($1, $2) returning id`,
      [tenantId, workflowId],
    );
    return one<{ id: string; days: number }>(
      db.pool,
      `insert into workflow_approvals (tenant_id, execution_id, approver_id, requested_at, expires_at)
       values ($1, $2, $3, $4, null) returning id, extract(epoch from expires_at - requested_at) / 86400 as days`,
      [tenantId, exec.id, userId, requestedAt],
    );
  }

  it('expire after 7 days by default, or after the workflow approval_ttl_days', async () => {
    expect(Number((await approval()).days)).toBe(7);
    expect(Number((await approval(2)).days)).toBe(2);
  });

  it('cannot be decided after expiry, nor have their expiry moved (23514)', async () => {
    const old = await approval(1, new Date(Date.now() - 3 * 86_400_000));
    await expectSqlState(
      db.pool.query(`update workflow_approvals set status = 'approved', decided_at = now() where id = $1`, [old.id]),
      '23514',
      'workflow_approvals_expired_check',
    );
    const fresh = await approval();
    await expectSqlState(
      db.pool.query(`update workflow_approvals set expires_at = expires_at + interval '30 days' where id = $1`, [fresh.id]),
      '23514',
      'workflow_approvals_expires_at_check',
    );
    await db.pool.query(`update workflow_approvals set status = 'approved', decided_at = now() where id = $1`, [fresh.id]);
    expect(await one(db.pool, `select stocksync_expire_workflow_approvals() as n`)).toEqual({ n: 1 });
    expect(await one(db.pool, `select status from workflow_approvals where id = $1`, [old.id])).toEqual({ status: 'expired' });
  });
});
