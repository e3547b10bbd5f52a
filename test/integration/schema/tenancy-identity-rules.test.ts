// Tenancy and identity constraints: host names unique across tenants, one primary domain and one
// settings row per tenant, membership/team uniqueness, session times, enum checks on tenants and users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, expectSqlState, one, openSchemaDatabase, type SchemaDatabase } from './helpers.js';

let db: SchemaDatabase;
let a: { tenantId: string; userId: string };
let b: { tenantId: string; userId: string };

beforeAll(async () => {
  db = await openSchemaDatabase();
  a = await createTenant(db.pool, 'tenant-a');
  b = await createTenant(db.pool, 'tenant-b');
});
afterAll(() => db?.close());

describe('tenant domains', () => {
  const domain = (tenantId: string, hostname: string, primary = false, kind = 'custom') =>
    db.pool.query(`insert into tenant_domains (tenant_id, hostname, kind, is_primary) values ($1, $2, $3, $4)`, [
      tenantId,
      hostname,
      kind,
      primary,
    ]);

  it('a host name belongs to one tenant only (23505)', async () => {
    await domain(a.tenantId, 'app.acme.test', true);
    await expectSqlState(domain(b.tenantId, 'app.acme.test'), '23505', 'tenant_domains_hostname_key');
  });

  it('at most one primary per tenant (23505); host names are lowercase DNS names (23514); kind is checked (23514)', async () => {
    await expectSqlState(domain(a.tenantId, 'www.acme.test', true), '23505', 'tenant_domains_tenant_id_is_primary_key');
    await expectSqlState(domain(a.tenantId, 'UPPER.acme.test'), '23514', 'tenant_domains_hostname_check');
    await expectSqlState(domain(a.tenantId, 'bad..acme.test'), '23514', 'tenant_domains_hostname_check');
    await expectSqlState(domain(a.tenantId, 'ok.acme.test', false, 'alias'), '23514', 'tenant_domains_kind_check');
  });
});

describe('tenant settings', () => {
  it('one row per tenant (23505) with defaults', async () => {
    const row = await one<{ settings: unknown; version: number }>(
      db.pool,
      `insert into tenant_settings (tenant_id) values ($1) returning settings, version`,
      [a.tenantId],
    );
    expect(row).toEqual({ settings: {}, version: 1 });
    await expectSqlState(
      db.pool.query(`insert into tenant_settings (tenant_id) values ($1)`, [a.tenantId]),
      '23505',
      'tenant_settings_tenant_id_key',
    );
  });
});

describe('identity', () => {
  it('one membership per user (23505), roles are checked (23514)', async () => {
    await db.pool.query(`insert into memberships (tenant_id, user_id, role) values ($1, $2, 'owner')`, [a.tenantId, a.userId]);
    await expectSqlState(
      db.pool.query(`insert into memberships (tenant_id, user_id) values ($1, $2)`, [a.tenantId, a.userId]),
      '23505',
      'memberships_tenant_id_user_id_key',
    );
    await expectSqlState(
      db.pool.query(`insert into memberships (tenant_id, user_id, role) values ($1, $2, 'root')`, [b.tenantId, b.userId]),
      '23514',
      'memberships_role_check',
    );
  });

  it('team names are unique per tenant, and a team member must be of the same tenant (23503)', async () => {
    const team = await one<{ id: string }>(db.pool, `insert into teams (tenant_id, name) values ($1, 'Core') returning id`, [a.tenantId]);
    await db.pool.query(`insert into teams (tenant_id, name) values ($1, 'Core')`, [b.tenantId]);
    await expectSqlState(db.pool.query(`insert into teams (tenant_id, name) values ($1, 'Core')`, [a.tenantId]), '23505');
    await expectSqlState(
      db.pool.query(`insert into team_members (tenant_id, team_id, user_id) values ($1, $2, $3)`, [a.tenantId, team.id, b.userId]),
      '23503',
    );
  });

  it('a session ends after it starts (23514) and updated_at is stamped by the trigger', async () => {
    await expectSqlState(
      db.pool.query(`insert into sessions (tenant_id, user_id, started_at, ended_at) values ($1, $2, now(), now() - interval '1 hour')`, [
        a.tenantId,
        a.userId,
      ]),
      '23514',
      'sessions_ended_at_check',
    );
    const s = await one<{ id: string }>(
      db.pool,
      `insert into sessions (tenant_id, user_id, updated_at) values ($1, $2, now() - interval '1 day') returning id`,
      [a.tenantId, a.userId],
    );
    const after = await one<{ fresh: boolean }>(
      db.pool,
      `update sessions set ended_at = now() where id = $1 returning updated_at > now() - interval '1 minute' as fresh`,
      [s.id],
    );
    expect(after.fresh).toBe(true);
  });

  it('tenant and user enums are checked (23514)', async () => {
    await expectSqlState(db.pool.query(`update tenants set license_tier = 'gold' where id = $1`, [a.tenantId]), '23514', 'tenants_license_tier_check');
    await expectSqlState(db.pool.query(`update users set role = 'root' where id = $1`, [a.userId]), '23514', 'users_role_check');
  });
});
