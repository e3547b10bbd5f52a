// Audit log immutability: UPDATE, DELETE and TRUNCATE raise for every role except stocksync_retention,
// which may delete only rows older than the retention period; rows go with a purged tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenant, createTenant, expectSqlState, one, openSchemaDatabase, type SchemaDatabase } from './helpers.js';

let db: SchemaDatabase;
let tenantId: string;
let recent: string;
let old: string;

beforeAll(async () => {
  db = await openSchemaDatabase();
  ({ tenantId } = await createTenant(db.pool, 'audited'));
  recent = (
    await one<{ id: string }>(
      db.pool,
      `insert into audit_logs (tenant_id, action, resource_type) values ($1, 'user.login', 'User') returning id`,
      [tenantId],
    )
  ).id;
  old = (
    await one<{ id: string }>(
      db.pool,
      `insert into audit_logs (tenant_id, action, resource_type, created_at)
       values ($1, 'document.delete', 'Document', now() - interval '400 days') returning id`,
      [tenantId],
    )
  ).id;
});
afterAll(() => db?.close());

async function asRole<T>(role: string, fn: (c: import('pg').PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local role ${role}`);
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

describe('audit logs are immutable', () => {
  it('the application role appends only through stocksync_audit_event, and cannot insert, update or delete (42501)', async () => {
    await asTenant(db.pool, tenantId, (c) => c.query(`select stocksync_audit_event('task.create', 'Task')`));
    await expectSqlState(
      asTenant(db.pool, tenantId, (c) =>
        c.query(`insert into audit_logs (tenant_id, action, resource_type) values ($1, 'task.create', 'Task')`, [tenantId]),
      ),
      '42501',
    );
    await expectSqlState(asTenant(db.pool, tenantId, (c) => c.query(`update audit_logs set action = 'x'`)), '42501');
    await expectSqlState(asTenant(db.pool, tenantId, (c) => c.query(`delete from audit_logs`)), '42501');
  });

  it('the owner/superuser cannot update, delete or truncate either (42501)', async () => {
    await expectSqlState(db.pool.query(`update audit_logs set severity = 'critical' where id = $1`, [recent]), '42501');
    await expectSqlState(db.pool.query(`delete from audit_logs where id = $1`, [old]), '42501');
    await expectSqlState(db.pool.query(`truncate audit_logs cascade`), '42501');
  });

  it('the retention role deletes only rows older than the retention period', async () => {
    const deleted = await asRole('stocksync_retention', async (c) => (await c.query(`delete from audit_logs returning id`)).rows);
    expect(deleted).toEqual([{ id: old }]);
    expect((await db.pool.query(`select id from audit_logs where id = $1`, [recent])).rowCount).toBe(1);
    await expectSqlState(asRole('stocksync_retention', (c) => c.query(`update audit_logs set action = 'x'`)), '42501');
    await expectSqlState(asRole('stocksync_retention', (c) => c.query(`truncate audit_logs cascade`)), '42501');
  });

  it('rows go with their tenant when the tenant is purged', async () => {
    const other = await createTenant(db.pool, 'purged');
    await db.pool.query(`insert into audit_logs (tenant_id, action, resource_type) values ($1, 'x', 'Y')`, [other.tenantId]);
    await db.pool.query(`delete from tenants where id = $1`, [other.tenantId]);
    expect((await db.pool.query(`select 1 from audit_logs where tenant_id = $1`, [other.tenantId])).rowCount).toBe(0);
  });
});
