// What the service role cannot do: bypass RLS by privilege, shadow tables, read the context key, take the
// migration lock, or use a privileged connection through withTenant. Runs as stocksync_service.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStateOf } from '../../src/errors.js';
import { migrationLockKey } from '../../src/migrations/index.js';
import { migrateUp } from '../../src/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.js';

describe('the service role (stocksync_service)', () => {
  let test: TestDatabase;
  let service: pg.Client;

  beforeAll(async () => {
    test = await createTestDatabase();
    service = new pg.Client({ connectionString: test.serviceUrl });
    await service.connect();
  });
  afterAll(async () => {
    await service?.end();
    await test?.drop();
  });

  const refused = async (text: string, code = '42501') => {
    const error = await service.query(text).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(sqlStateOf(error), text).toBe(code);
  };

  it('has no superuser, BYPASSRLS, CREATEROLE or CREATEDB, owns nothing and is only a member of stocksync_app', async () => {
    const { rows } = await service.query(`
      select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
             (select array_agg(g.rolname::text order by g.rolname) from pg_auth_members m join pg_roles g on g.oid = m.roleid
               where m.member = r.oid) as member_of,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
        from pg_roles r where r.rolname = current_user`);
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolcanlogin: true,
      member_of: ['stocksync_app'],
      owns: 0,
    });
    const app = await service.query(`select rolcanlogin from pg_roles where rolname = 'stocksync_app'`);
    expect(app.rows[0].rolcanlogin).toBe(false);
  });

  it('cannot create temporary tables that would shadow public tables for the next request', async () => {
    await refused('create temporary table tenants (id uuid)');
    await refused('create temporary view users as select 1');
  });

  it('cannot create objects in public', async () => {
    await refused('create table public.evil (id int)');
    await refused('create function public.stocksync_ctx_tenant2() returns uuid language sql as $$ select null::uuid $$');
  });

  it('cannot read the context key, rotate it, or sign a context by itself', async () => {
    await refused('select * from stocksync_private.context_key');
    await refused('select stocksync_private.rotate_context_key()');
    await refused('select * from stocksync_private.migration_lock');
  });

  it('cannot RESET ROLE to anything that bypasses RLS: its own session user is subject to the policies', async () => {
    await service.query('reset role');
    const { rows } = await service.query('select count(*)::int as n from tenants');
    expect(rows[0].n).toBe(0);
  });

  it('cannot block migrations by holding the migration lock', async () => {
    const key = migrationLockKey('drizzle', 'stocksync_migrations');
    const held = await service.query('select pg_try_advisory_lock($1::bigint) as ok', [key]);
    expect(held.rows[0].ok).toBe(true);
    try {
      const result = await migrateUp({ url: test.url }, { lock: { mode: 'fail' } });
      expect(result.migrations).toEqual([]);
    } finally {
      await service.query('select pg_advisory_unlock_all()');
    }
  });
});
