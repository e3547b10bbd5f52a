// The audit trigger: who, what, when, ip, user agent, before/after of changed columns, for raw SQL
// too; opt-outs only by listed reason; the catalog check that no tenant table is forgotten.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, sessions, teams, tenants, users } from '../../../src/schema/index.js';
import { sqlStateOf } from '../../../src/errors.js';
import { AUDIT_FUNCTION_SQL, AUDIT_OPT_OUT, auditTriggerNames, recordAuditEvent } from '../../../src/tenancy/audit.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { uuidv7 } from '../../../src/uuid.js';
import { openDriver, rowsOf, type DriverHandle } from './_drivers.js';

describe.each(['pg', 'pglite'] as const)('audit trigger on %s', (driver) => {
  let h: DriverHandle;
  const A = uuidv7();
  const alice = uuidv7();
  const actor = { userId: alice, role: 'admin' as const, ip: '198.51.100.7', userAgent: 'UA/2', requestId: 'req-audit' };

  beforeAll(async () => {
    h = await openDriver(driver);
    await h.admin.insert(tenants).values({ id: A, name: 'A', slug: `audit-${driver}`, email: 'a@a.test' });
    await h.admin.insert(users).values({ tenantId: A, id: alice, email: 'alice@a.test', role: 'admin' });
  });
  afterAll(() => h?.close());

  const logsFor = (resourceId: string) =>
    h.admin
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, A), eq(auditLogs.resourceId, resourceId)))
      .orderBy(auditLogs.createdAt, auditLogs.id);

  it('records insert, update (changed columns only) and delete with the actor from the context', async () => {
    const t = tenantDb(h.db, A, { actor });
    const [team] = await t.insert(teams).values({ name: 'Red', description: 'first' }).returning();
    await t.update(teams).set({ name: 'Blue' }).where(eq(teams.id, team!.id));
    await t.update(teams).set({ name: 'Blue' }).where(eq(teams.id, team!.id)); // changes nothing: not logged
    await t.delete(teams).where(eq(teams.id, team!.id));
    const logs = await logsFor(team!.id);
    expect(logs.map((l) => l.action)).toEqual(['teams.insert', 'teams.update', 'teams.delete']);
    for (const log of logs) {
      expect(log).toMatchObject({
        userId: alice,
        resourceType: 'teams',
        ipAddress: '198.51.100.7',
        userAgent: 'UA/2',
        requestId: 'req-audit',
      });
      expect(log.metadata).toMatchObject({ source: 'trigger', actor_role: 'admin', db_role: 'stocksync_app' });
    }
    const [insert, update, del] = logs as [typeof logs[0], typeof logs[0], typeof logs[0]];
    expect(insert.changes).toMatchObject({ before: {}, after: { name: 'Red', description: 'first', tenant_id: A } });
    expect(update.changes).toEqual({ before: { name: 'Red' }, after: { name: 'Blue' } });
    expect(del.changes).toMatchObject({ before: { name: 'Blue', id: team!.id }, after: {} });
    expect(del.severity).toBe('warning');
  });

  it('audits raw SQL too, one row per changed row, also without a context', async () => {
    await withTenant(
      h.db,
      A,
      (tx) => tx.execute(sql`insert into teams (tenant_id, name) select ${A}::uuid, 'bulk-' || g from generate_series(1, 50) g`),
      { actor },
    );
    const [{ n }] = rowsOf<{ n: number }>(
      await h.admin.execute(sql`select count(*)::int as n from audit_logs where action = 'teams.insert' and changes->'after'->>'name' like 'bulk-%'`),
    ) as [{ n: number }];
    expect(n).toBe(50);
    // The owner/superuser connection (no context): audited with no actor.
    const [owned] = await h.admin.insert(teams).values({ tenantId: A, name: 'by-owner' }).returning();
    const [log] = await logsFor(owned!.id);
    expect(log).toMatchObject({ action: 'teams.insert', userId: null, ipAddress: null, userAgent: '' });
  });

  it('skips opted-out tables', async () => {
    const [session] = await withTenant(h.db, A, (tx) => tx.insert(sessions).values({ tenantId: A, userId: alice }).returning(), {
      actor,
    });
    expect(await logsFor(session!.id)).toEqual([]);
  });

  it('a tenant purge cascades through audited tables without tripping over its own audit rows', async () => {
    const P = uuidv7();
    await h.admin.insert(tenants).values({ id: P, name: 'P', slug: `purge-${driver}`, email: 'p@p.test' });
    await withTenant(h.db, P, (tx) => tx.insert(teams).values({ tenantId: P, name: 'gone' }));
    await h.admin.delete(tenants).where(eq(tenants.id, P));
    expect(await h.admin.select().from(auditLogs).where(eq(auditLogs.tenantId, P))).toEqual([]);
  });

  const state = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => sqlStateOf(e) ?? String(e));

  it('a request cannot forge an audit row by raw INSERT, but its changes are still audited', async () => {
    const forged = sql`insert into audit_logs (tenant_id, user_id, action, resource_type, metadata)
      values (${A}::uuid, ${uuidv7()}::uuid, 'teams.delete', 'teams', '{"source": "trigger"}')`;
    for (const role of [undefined, 'owner', 'admin', 'member', 'guest'] as const) {
      expect(await state(withTenant(h.db, A, (tx) => tx.execute(forged), { actor: { ...actor, role } })), role).toBe('42501');
    }
    expect(await state(withTenant(h.db, A, (tx) => tx.insert(auditLogs).values({ tenantId: A, action: 'x.y', resourceType: 'x' })))).toBe('42501');
    const [team] = await withTenant(h.db, A, (tx) => tx.insert(teams).values({ tenantId: A, name: 'still-audited' }).returning(), { actor });
    const [log] = await logsFor(team!.id);
    expect(log).toMatchObject({ action: 'teams.insert', userId: alice, ipAddress: '198.51.100.7' });
    expect(log!.metadata).toMatchObject({ source: 'trigger', db_role: 'stocksync_app' });
  });

  it('audits the changes of a role without any privilege on audit_logs (the trigger runs as its owner)', async () => {
    const probe = `audit_probe_${driver}_${Date.now()}`;
    await h.admin.execute(sql.raw(`create role ${probe} nologin bypassrls`));
    try {
      await h.admin.execute(sql.raw(`grant usage on schema public to ${probe}`));
      await h.admin.execute(sql.raw(`grant select, insert, delete on teams to ${probe}`));
      const name = `probe-${driver}`;
      await h.admin.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${probe}`));
        await tx.execute(sql`insert into teams (tenant_id, name) values (${A}::uuid, ${name})`);
        await tx.execute(sql`delete from teams where tenant_id = ${A}::uuid and name = ${name}`);
      });
      const rows = rowsOf<{ action: string; db_role: string }>(
        await h.admin.execute(sql`select action, metadata->>'db_role' as db_role from audit_logs
          where resource_type = 'teams' and coalesce(changes->'after'->>'name', changes->'before'->>'name') = ${name} order by created_at, id`),
      );
      // Both rows share one transaction's created_at, and ids made in one millisecond are not ordered.
      expect(rows).toHaveLength(2);
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'teams.insert', db_role: probe },
          { action: 'teams.delete', db_role: probe },
        ]),
      );
    } finally {
      await h.admin.execute(sql.raw(`drop owned by ${probe}`));
      await h.admin.execute(sql.raw(`drop role ${probe}`));
    }
  });

  it('the retention role deletes audit rows past the retention period, and only those', async () => {
    const [old] = await h.admin
      .insert(auditLogs)
      .values({ tenantId: A, action: 'old.event', resourceType: 'x', createdAt: new Date(Date.now() - 2 * 366 * 86_400_000) })
      .returning();
    const [recent] = await h.admin.insert(auditLogs).values({ tenantId: A, action: 'recent.event', resourceType: 'x' }).returning();
    const deleted = await h.admin.transaction(async (tx) => {
      await tx.execute(sql`set local role stocksync_retention`);
      return rowsOf<{ id: string }>(await tx.execute(sql`delete from audit_logs where id in (${old!.id}::uuid, ${recent!.id}::uuid) returning id`));
    });
    expect(deleted.map((d) => d.id)).toEqual([old!.id]);
  });

  it('application events go through stocksync_audit_event: actor from the context, never posing as the trigger', async () => {
    const id = await withTenant(
      h.db,
      A,
      (tx) =>
        recordAuditEvent(tx, {
          action: 'user.login',
          resourceType: 'users',
          resourceId: alice,
          metadata: { source: 'trigger', method: 'password' },
        }),
      { actor: { ...actor, role: 'guest' } },
    );
    const [event] = await h.admin.select().from(auditLogs).where(eq(auditLogs.id, id));
    expect(event).toMatchObject({ tenantId: A, userId: alice, action: 'user.login', ipAddress: '198.51.100.7', requestId: 'req-audit' });
    expect(event!.metadata).toEqual({ source: 'application', method: 'password', actor_role: 'guest', db_role: 'stocksync_app' });
    const pose = withTenant(h.db, A, (tx) => recordAuditEvent(tx, { action: 'teams.delete', resourceType: 'teams' }), { actor });
    expect(await state(pose)).toBe('42501');
    const noContext = h.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'stocksync_app', true)`);
      await recordAuditEvent(tx, { action: 'user.login', resourceType: 'users' });
    });
    expect(await state(noContext)).toBe('42501');
  });

  it('catalog: the audit functions are SECURITY DEFINER with a fixed search_path; the app role cannot write audit_logs', async () => {
    const fns = rowsOf<{ name: string; definer: boolean; config: string[]; src: string; public_exec: boolean }>(
      await h.admin.execute(sql`select proname as name, prosecdef as definer, proconfig as config, prosrc as src,
        has_function_privilege('public', p.oid, 'execute') as public_exec
        from pg_proc p where proname in ('stocksync_audit_changes', 'stocksync_audit_event') order by 1`),
    );
    expect(fns.map((f) => [f.name, f.definer, f.config])).toEqual([
      // The row-level trigger (migration tenancy_audit_row_rules) needs none of the planner switches
      // the transition-table join had (enable_nestloop=off, jit=off).
      ['stocksync_audit_changes', true, ['search_path=pg_catalog, pg_temp']],
      ['stocksync_audit_event', true, ['search_path=pg_catalog, pg_temp']],
    ]);
    expect(fns[1]!.public_exec).toBe(false);
    // The migration installs exactly the function src/tenancy/audit.ts defines.
    expect(fns[0]!.src).toBe(AUDIT_FUNCTION_SQL.split('$$')[1]);
    const privileges = rowsOf<{ p: string; granted: boolean }>(
      await h.admin.execute(sql`select p, has_table_privilege('stocksync_app', 'audit_logs', p) as granted
        from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p`),
    );
    expect(Object.fromEntries(privileges.map((r) => [r.p, r.granted]))).toEqual({
      SELECT: true, INSERT: false, UPDATE: false, DELETE: false, TRUNCATE: false,
    });
  });

  it('catalog: every tenant table has the three audit triggers or a listed reason not to', async () => {
    const tables = rowsOf<{ table: string }>(
      await h.admin.execute(sql`select c.relname as table from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where c.relkind in ('r', 'p') order by 1`),
    ).map((r) => r.table);
    const triggers = rowsOf<{ table: string; name: string }>(
      await h.admin.execute(sql`select c.relname as table, t.tgname as name from pg_trigger t
        join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
        where p.proname = 'stocksync_audit_changes' and not t.tgisinternal`),
    );
    const optedOut = new Map(AUDIT_OPT_OUT.map((o) => [o.table, o.reason]));
    expect(tables.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const table of tables) {
      const names = triggers.filter((t) => t.table === table).map((t) => t.name).sort();
      if (optedOut.has(table)) {
        expect(names, `${table} is opted out but has audit triggers`).toEqual([]);
        continue;
      }
      if (names.join() !== Object.values(auditTriggerNames(table)).sort().join()) missing.push(table);
    }
    expect(missing, 'tenant tables without the audit trigger and without a reason in AUDIT_OPT_OUT').toEqual([]);
    for (const [table, reason] of optedOut) {
      expect(tables, `AUDIT_OPT_OUT lists ${table}, which is not a tenant table`).toContain(table);
      expect(reason.length).toBeGreaterThan(20);
    }
  });
});
