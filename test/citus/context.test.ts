// The signed tenant context through a Citus coordinator (issue 16), as the service role: isolation on the
// distributed tables, no row of another tenant in any tenant table, forged and replayed contexts read
// nothing, the binding is the distributed transaction, and a migration down/up after distribution keeps it.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCitusLayout, verifyContextBinding } from '../../src/citus/index.js';
import { migrateDown, migrateUp, openMigrationConnection, type MigrationConnection } from '../../src/migrations/index.js';
import { openDatabase, type DatabaseHandle } from '../../src/index.js';
import { withTenant } from '../../src/tenancy/index.js';
import { SERVICE_ROLE } from '../../src/schema/index.js';
import { ConfigurationError } from '../../src/errors.js';

const url = process.env.CITUS_DATABASE_URL;
const suite = url ? describe : describe.skip;

function asRole(target: string, role: string): string {
  const u = new URL(target);
  u.username = role;
  u.password = '';
  return u.toString();
}

let owner: pg.Pool; // the superuser: sets up rows and checks what really happened (it bypasses RLS)
let service: pg.Pool; // raw SQL as the service role, the way an attacker inside a request would send it
let handle: DatabaseHandle; // the library as the service role
let conn: MigrationConnection;
let A: string;
let B: string;
let projectA: string;
let projectB: string;

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

/** Runs `fn` on one service-role connection inside BEGIN ... ROLLBACK. */
async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await service.connect();
  try {
    await client.query('begin');
    return await fn(client);
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

/** Sets every app.* setting and the signature by hand with SET LOCAL (which the coordinator replays on the workers). */
async function setContextByHand(client: pg.PoolClient, tenantId: string, signature: string): Promise<void> {
  const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
  for (const [name, value] of [['tenant_id', tenantId], ['user_id', ''], ['user_role', ''], ['ip', ''], ['user_agent', ''], ['request_id', ''], ['ctx_sig', signature]]) {
    await client.query(`set local app.${name} = ${quote(value!)}`);
  }
}

suite('signed tenant context on Citus (service role through the coordinator)', () => {
  beforeAll(async () => {
    owner = new pg.Pool({ connectionString: url, max: 2 });
    service = new pg.Pool({ connectionString: asRole(url!, SERVICE_ROLE), max: 2 });
    handle = await openDatabase({ url: asRole(url!, SERVICE_ROLE), max: 2 });
    conn = await openMigrationConnection({ url: url! });
    const tenant = async (name: string) =>
      (await owner.query(`insert into tenants (name, slug, email) values ($1::text, $1::text || '-' || floor(random()*1e9)::text, 'c@example.com') returning id`, [name])).rows[0].id as string;
    A = await tenant('citus-ctx-a');
    B = await tenant('citus-ctx-b');
    const project = async (tenantId: string) =>
      (await owner.query(`insert into projects (tenant_id, name) values ($1::uuid, 'secret of ' || $1::text) returning id`, [tenantId])).rows[0].id as string;
    projectA = await project(A);
    projectB = await project(B);
  });
  afterAll(async () => {
    await owner?.end();
    await service?.end();
    await handle?.close();
    await conn?.release();
  });

  it('the cluster holds the context: binding, key and replay functions checked on every node', async () => {
    expect(await verifyContextBinding(conn)).toEqual([]);
  });

  it('runs as the service role and sees only its tenant on a distributed table', async () => {
    const seen = await withTenant(handle.db, A, async (tx) => rowsOf(await tx.execute(sql`select id, tenant_id, current_user as who from projects`)));
    expect(seen).toEqual([{ id: projectA, tenant_id: A, who: SERVICE_ROLE }]);
  });

  it('tenant A cannot read, update or delete B\'s rows, nor insert rows for B', async () => {
    const result = await withTenant(handle.db, A, async (tx) => ({
      read: rowsOf(await tx.execute(sql`select id from projects where tenant_id = ${B}`)).length,
      updated: (await tx.execute(sql`update projects set name = 'taken' where tenant_id = ${B} and id = ${projectB}`) as unknown as { rowCount: number }).rowCount,
      deleted: (await tx.execute(sql`delete from projects where tenant_id = ${B}`) as unknown as { rowCount: number }).rowCount,
    }));
    expect(result).toEqual({ read: 0, updated: 0, deleted: 0 });
    const insert = await withTenant(handle.db, A, (tx) => tx.execute(sql`insert into projects (tenant_id, name) values (${B}, 'planted')`)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((insert as { code?: string; cause?: { code?: string } })?.cause?.code ?? (insert as { code?: string })?.code).toBe('42501');
    const b = await owner.query(`select name from projects where tenant_id = $1`, [B]);
    expect(b.rows).toEqual([{ name: `secret of ${B}` }]);
  });

  it('no tenant table shows a row of another tenant, and each shows all of its own', async () => {
    const tables = (await readCitusLayout(conn, { citus: true })).filter((t) => t.hasTenantId && t.schema === 'public');
    expect(tables.length).toBeGreaterThan(50);
    // The busiest seeded tenant, so most tables have rows to leak.
    const busiest = (await owner.query(`select tenant_id from users group by 1 order by count(*) desc limit 1`)).rows[0]?.tenant_id as string;
    const leaks: string[] = [];
    let seenTotal = 0;
    for (const t of tables) {
      const expected = Number((await owner.query(`select count(*) as n from ${t.qualified} where tenant_id = $1`, [busiest])).rows[0].n);
      const seen = await withTenant(handle.db, busiest, async (tx) =>
        rowsOf(await tx.execute(sql.raw(`select count(*) filter (where tenant_id <> '${busiest}') as other, count(*) as mine from ${t.qualified}`)))[0]!,
      );
      if (Number(seen.other) !== 0 || Number(seen.mine) !== expected) leaks.push(`${t.qualified}: ${seen.other} foreign, ${seen.mine} of ${expected} own`);
      seenTotal += Number(seen.mine);
    }
    expect(leaks).toEqual([]);
    expect(seenTotal).toBeGreaterThan(100);
  });

  it('a forged context (settings and a made-up signature, SET LOCAL so the workers get them) reads nothing', async () => {
    const seen = await inTransaction(async (client) => {
      await setContextByHand(client, B, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      return (await client.query(`select count(*)::int as n from projects where tenant_id = $1`, [B])).rows[0].n;
    });
    expect(seen).toBe(0);
  });

  it('a signature replayed in a later transaction reads nothing; in its own transaction it reads', async () => {
    const client = await service.connect();
    try {
      await client.query('begin');
      const signature = (await client.query(`select stocksync_enter_tenant($1::uuid, '', '', '', '', '', null) as sig`, [B])).rows[0].sig as string;
      const own = (await client.query(`select count(*)::int as n from projects`)).rows[0].n;
      await client.query('commit');
      expect(own).toBe(1);
      await client.query('begin');
      await setContextByHand(client, B, signature);
      const replayed = (await client.query(`select count(*)::int as n from projects`)).rows[0].n;
      await client.query('rollback');
      expect(replayed).toBe(0);
    } finally {
      client.release();
    }
  });

  it('the service role cannot pose as an earlier distributed transaction nor run commands on the workers', async () => {
    for (const statement of [
      `select assign_distributed_transaction_id(0, 1, now())`,
      `select * from run_command_on_workers('select 1')`,
      `select * from run_command_on_all_nodes('select 1')`,
    ]) {
      const error = await inTransaction((client) => client.query(statement)).then(() => undefined, (e: unknown) => e);
      expect((error as { code?: string })?.code, statement).toBe('42501');
    }
  });

  it('a query on a shard cannot open worker sessions outside the transaction either (run_command_on_workers pushed down)', async () => {
    const error = await withTenant(handle.db, A, (tx) =>
      tx.execute(sql`select (select count(*) from run_command_on_workers('select 1')) from projects where tenant_id = ${A}`),
    ).then(() => undefined, (e: unknown) => e);
    expect((error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code).toBe('42501');
  });

  it('the binding is the distributed transaction: the same on coordinator and workers, new in each transaction', async () => {
    const once = () =>
      withTenant(handle.db, A, async (tx) => {
        const here = rowsOf(await tx.execute(sql`select stocksync_ctx_binding() as b`))[0]!.b as string;
        const there = rowsOf(await tx.execute(sql`select stocksync_ctx_binding() as b, pg_backend_pid() as pid from projects where tenant_id = ${A}`))[0]!;
        const coordinatorPid = rowsOf(await tx.execute(sql`select pg_backend_pid() as pid`))[0]!.pid;
        return { here, there: there.b as string, onWorker: there.pid !== coordinatorPid };
      });
    const first = await once();
    const second = await once();
    expect(first.onWorker).toBe(true);
    expect(first.here).toMatch(/^citus\/0\/\d+\/\d+$/);
    expect(first.there).toBe(first.here);
    expect(second.here).not.toBe(first.here);
  });

  it('the NOLOGIN policy role cannot be the transaction role on Citus (the coordinator logs in to the workers as it)', async () => {
    const error = await withTenant(handle.db, A, (tx) => tx.execute(sql`select count(*) from projects`), { role: 'stocksync_app' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/connects to the workers as the transaction's role "stocksync_app", which may not log in there/);
  });

  it('a migration down and up through the coordinator after distribution keeps the context holding', async () => {
    // 0039 (key copy and rotation) sits on 0038, and 0040 (schema isolation) on 0039: all three go down,
    // and come back up in order.
    const down = await migrateDown({ url: url! }, { steps: 3 });
    expect(down.migrations.map((m) => m.name)).toEqual(['0040_tenancy_schema_isolation', '0039_tenancy_citus_key_rotation', '0038_tenancy_citus_context']);
    // Down: the binding is the backend again, so the workers no longer verify a coordinator's signature.
    expect((await verifyContextBinding(conn)).map((f) => f.what)).toContain('migration');
    const blind = await withTenant(handle.db, A, async (tx) => rowsOf(await tx.execute(sql`select id from projects`)));
    expect(blind).toEqual([]);
    const up = await migrateUp({ url: url! });
    expect(up.migrations.map((m) => m.name)).toEqual(['0038_tenancy_citus_context', '0039_tenancy_citus_key_rotation', '0040_tenancy_schema_isolation']);
    expect(await verifyContextBinding(conn)).toEqual([]);
    const seen = await withTenant(handle.db, A, async (tx) => rowsOf(await tx.execute(sql`select id from projects`)));
    expect(seen).toEqual([{ id: projectA }]);
  });
});
