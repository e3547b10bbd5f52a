// The audit trigger: who, what, when, ip, user agent, before/after of changed columns, for raw SQL
// too; opt-outs only by listed reason; the catalog check that no tenant table is forgotten.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, sessions, teams, tenants, users } from '../../../src/schema/index.js';
import { AUDIT_OPT_OUT, auditTriggerNames } from '../../../src/tenancy/audit.js';
import { withTenant } from '../../../src/tenancy/context.js';
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
