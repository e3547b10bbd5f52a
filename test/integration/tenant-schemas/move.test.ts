// Moving a tenant between the shared tables and its own schema, both ways: every row arrives (counts
// and checksums), a move stopped at any step (an error, or its connection killed) leaves the tenant
// working where it was with nothing lost, and the tenant's writes during the move wait and land in the
// new place.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/connection.js';
import { sqlStateOf } from '../../../src/errors.js';
import { projects, tasks } from '../../../src/schema/index.js';
import { seedTenant } from '../../../src/seed/index.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import { MOVE_STEPS, moveTenant, tenantSchemaName, type MoveSession, type MoveStep } from '../../../src/tenant-schemas/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { rowsOf } from '../tenancy/_drivers.js';

describe('tenant move', () => {
  let t: TestDatabase;
  let service: Database;
  let tenantId: string;
  let otherId: string;
  const sessions: pg.Client[] = [];

  const openSession = async (): Promise<MoveSession & { pid: number; client: pg.Client }> => {
    const client = new pg.Client({ connectionString: t.url });
    // A killed session reports its end as an event; the move's own promise carries the failure.
    client.on('error', () => undefined);
    await client.connect();
    sessions.push(client);
    const pid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    return Object.assign(drizzle(client) as unknown as MoveSession, { release: () => client.end(), pid, client });
  };

  /** What the service sees of a tenant: rows per table (through withTenant, wherever they live). */
  const snapshot = async (tenant: string) =>
    withTenant(service, tenant, async (tx) => {
      const counts: Record<string, number> = {};
      for (const table of ['users', 'projects', 'tasks', 'audit_logs', 'inventory_products', 'stock_levels']) {
        counts[table] = Number(rowsOf<{ n: string }>(await tx.execute(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);
      }
      const names = rowsOf<{ name: string }>(await tx.execute(sql`select name from projects order by name`)).map((r) => r.name);
      return { counts, names };
    });
  const isolationOf = async (tenant: string) => rowsOf<{ i: string; m: string | null }>(await t.db.execute(sql`select isolation as i, moving_to as m from tenants where id = ${tenant}::uuid`))[0]!;

  beforeAll(async () => {
    t = await createTestDatabase();
    service = await t.serviceDb();
    // Seeded tenants: rows in every domain, stock levels kept by triggers, an audit trail.
    tenantId = (await seedTenant(t.db, { seed: 'move', index: 0 })).tenantId;
    otherId = (await seedTenant(t.db, { seed: 'move', index: 1 })).tenantId;
  }, 180_000);
  afterAll(async () => {
    for (const c of sessions) await c.end().catch(() => undefined);
    await t?.drop();
  });

  it('plans without changing anything', async () => {
    const session = await openSession();
    const before = await snapshot(tenantId);
    const report = await moveTenant(session, tenantId, 'schema', { plan: true });
    expect(report.moved).toBe(false);
    expect(report.tables.find((x) => x.table === 'projects')!.rows).toBe(before.counts.projects);
    expect(report.steps.join('\n')).toMatch(/create schema tenant_/);
    expect(await isolationOf(tenantId)).toEqual({ i: 'shared', m: null });
  });

  for (const direction of ['schema', 'shared'] as const) {
    for (const stop of MOVE_STEPS) {
      for (const how of ['error', 'kill'] as const) {
        it(`to ${direction}: stopped at ${stop} by ${how === 'error' ? 'an error' : 'killing its connection'}, the tenant works where it was`, async () => {
          const before = await snapshot(tenantId);
          const from = (await isolationOf(tenantId)).i;
          const session = await openSession();
          const killer = await openSession();
          const onStep = async (step: MoveStep) => {
            if (step !== stop) return;
            if (how === 'error') throw new Error(`stopped at ${step}`);
            await killer.client.query('select pg_terminate_backend($1)', [session.pid]);
          };
          await expect(moveTenant(session, tenantId, direction, { onStep })).rejects.toThrow();
          expect((await isolationOf(tenantId)).i).toBe(from);
          expect(await snapshot(tenantId)).toEqual(before);
          // The other tenant never noticed.
          expect((await snapshot(otherId)).names.length).toBeGreaterThan(0);
          // Its lock is gone with it: the tenant's transactions do not wait.
          await withTenant(service, tenantId, (tx) => tx.execute(sql`select 1`));
        });
      }
    }

    it(`moves to ${direction}: every row, counts and checksums, and the old copy is gone`, async () => {
      const before = await snapshot(tenantId);
      const session = await openSession();
      const report = await moveTenant(session, tenantId, direction);
      expect(report.moved).toBe(true);
      expect(await isolationOf(tenantId)).toEqual({ i: direction, m: null });
      expect(await snapshot(tenantId)).toEqual(before);
      const schemaExists = rowsOf(await t.db.execute(sql`select 1 from pg_namespace where nspname = ${tenantSchemaName(tenantId)}`)).length > 0;
      expect(schemaExists).toBe(direction === 'schema');
      expect(report.leftover ?? false).toBe(false);
      const inPublic = Number(rowsOf<{ n: string }>(await t.db.execute(sql`select count(*) as n from public.projects where tenant_id = ${tenantId}::uuid`))[0]!.n);
      expect(inPublic === 0).toBe(direction === 'schema');
      expect(report.tables.find((x) => x.table === 'projects')!.rows).toBe(before.counts.projects);
    });

    it(`to ${direction === 'schema' ? 'shared' : 'schema'}: a write made during the move waits and lands in the new place; an open transaction is waited for`, async () => {
      const to = direction === 'schema' ? 'shared' : 'schema';
      expect((await isolationOf(tenantId)).i).toBe(direction);
      // A transaction of the tenant that is open when the move begins: the move waits for it.
      const open = new pg.Client({ connectionString: t.serviceUrl });
      open.on('error', () => undefined);
      await open.connect();
      sessions.push(open);
      await open.query('begin');
      await open.query(`select set_config('role', 'stocksync_app', true), stocksync_enter_tenant($1::uuid, '', '', '', '', '', null)`, [tenantId]);
      await open.query(`insert into projects (tenant_id, name) values ($1, $2)`, [tenantId, `written before the move to ${to}`]);
      let during: Promise<unknown> | undefined;
      const session = await openSession();
      const move = moveTenant(session, tenantId, to, {
        onStep: async (step) => {
          if (step === 'drain') setTimeout(() => void open.query('commit'), 300);
          if (step === 'copy') {
            during = withTenant(service, tenantId, (tx) => tx.insert(projects).values({ tenantId, name: `written during the move to ${to}` }));
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        },
      });
      await move;
      await during;
      expect((await snapshot(tenantId)).names).toEqual(expect.arrayContaining([`written before the move to ${to}`, `written during the move to ${to}`]));
      expect(await isolationOf(tenantId)).toEqual({ i: to, m: null });
      // Move back for the next round.
      const back = await openSession();
      await moveTenant(back, tenantId, direction);
    });
  }

  it('fails a repeatable read transaction that waited for the move with 40001 (its snapshot predates the move), to be retried', async () => {
    let waited: Promise<unknown> | undefined;
    const session = await openSession();
    await moveTenant(session, tenantId, 'schema', {
      onStep: async (step) => {
        if (step !== 'copy') return;
        waited = withTenant(service, tenantId, (tx) => tx.execute(sql`select 1`), { isolationLevel: 'repeatable read' }).then(
          () => 'ok',
          (e: unknown) => sqlStateOf(e),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    });
    expect(await waited).toBe('40001');
    // A retry, now that the move is over, enters at once.
    await withTenant(service, tenantId, (tx) => tx.execute(sql`select 1`), { isolationLevel: 'repeatable read' });
    const back = await openSession();
    await moveTenant(back, tenantId, 'shared');
  });

  it('refuses a second move of the same tenant while one runs, and says so', async () => {
    const first = await openSession();
    const second = await openSession();
    let refused: unknown;
    await moveTenant(first, tenantId, 'schema', {
      onStep: async (step) => {
        if (step === 'copy') refused = await moveTenant(second, tenantId, 'schema').then(() => undefined, (e: unknown) => e);
      },
    });
    expect(String(refused)).toMatch(/being moved by another session/);
    const back = await openSession();
    await moveTenant(back, tenantId, 'shared');
  });

  it('keeps tasks linked to their projects after moving both ways', async () => {
    const rows = await withTenant(service, tenantId, async (tx) =>
      rowsOf<{ n: string }>(await tx.execute(sql`select count(*) as n from ${tasks} t join ${projects} p on p.id = t.project_id and p.tenant_id = t.tenant_id`)),
    );
    const all = await withTenant(service, tenantId, async (tx) => rowsOf<{ n: string }>(await tx.execute(sql`select count(*) as n from ${tasks}`)));
    expect(rows[0]!.n).toBe(all[0]!.n);
  });
});
