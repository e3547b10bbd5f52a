// postgres.js through a Citus coordinator, as the service role: the scoped builder and withTenant see only
// their tenant (postgres.js pipelines the context with the statements, and the SET LOCAL replay must still
// reach the workers), writes for another tenant are refused, and a forged context reads nothing.
import pg from 'pg';
import type { Sql } from 'postgres';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/index.js';
import { projects, SERVICE_ROLE } from '../../src/schema/index.js';
import { tenantDb, withTenant } from '../../src/tenancy/index.js';

const url = process.env.CITUS_DATABASE_URL;
// Without a Citus coordinator there is nothing to test here: .ci/parts/70-citus.sh starts one.
const suite = url ? describe : describe.skip;

let owner: pg.Pool; // the superuser: sets up rows and checks what really happened (it bypasses RLS)
let handle: DatabaseHandle; // the library on postgres.js as the service role
let A: string;
let B: string;
let projectA: string;
let projectB: string;

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
const codeOf = (error: unknown) => (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;

suite('postgres.js through the Citus coordinator (service role)', () => {
  beforeAll(async () => {
    owner = new pg.Pool({ connectionString: url, max: 2 });
    const serviceUrl = new URL(url!);
    serviceUrl.username = SERVICE_ROLE;
    serviceUrl.password = '';
    handle = await openDatabase({ url: serviceUrl.toString(), driver: 'postgres', max: 2 });
    const tenant = async (name: string) =>
      (await owner.query(`insert into tenants (name, slug, email) values ($1::text, $1::text || '-' || floor(random()*1e9)::text, 'c@example.com') returning id`, [name])).rows[0].id as string;
    A = await tenant('citus-pgjs-a');
    B = await tenant('citus-pgjs-b');
    const project = async (tenantId: string) =>
      (await owner.query(`insert into projects (tenant_id, name) values ($1::uuid, 'secret of ' || $1::text) returning id`, [tenantId])).rows[0].id as string;
    projectA = await project(A);
    projectB = await project(B);
  });
  afterAll(async () => {
    await handle?.close();
    await owner?.end();
  });

  it('the scoped builder reads only its tenant\'s rows, and nothing of another tenant by id', async () => {
    expect(handle.driver).toBe('postgres');
    const mine = await tenantDb(handle.db, A).select({ id: projects.id, tenantId: projects.tenantId }).from(projects);
    expect(mine).toEqual([{ id: projectA, tenantId: A }]);
    expect(await tenantDb(handle.db, A).select({ id: projects.id }).from(projects).where(eq(projects.id, projectB))).toEqual([]);
    expect(await tenantDb(handle.db, B).select({ id: projects.id }).from(projects)).toEqual([{ id: projectB }]);
  });

  it('withTenant with pipelined statements: every one runs on the workers with the context', async () => {
    const seen = await withTenant(handle.db, A, async (tx) => {
      // Sent together: postgres.js pipelines them behind the context statements.
      const [all, other, byId] = await Promise.all([
        tx.execute(sql`select count(*)::int as n from projects`),
        tx.execute(sql`select count(*)::int as n from projects where tenant_id = ${B}`),
        tx.execute(sql`select id from projects where tenant_id = ${A} and id = ${projectA}`),
      ]);
      return { all: rowsOf(all)[0]!.n, other: rowsOf(other)[0]!.n, byId: rowsOf(byId).map((r) => r.id) };
    });
    expect(seen).toEqual({ all: 1, other: 0, byId: [projectA] });
  });

  it('tenant A cannot update or delete B\'s rows, nor insert rows for B', async () => {
    const changed = await withTenant(handle.db, A, async (tx) => ({
      updated: rowsOf(await tx.execute(sql`update projects set name = 'taken' where tenant_id = ${B} and id = ${projectB} returning id`)).length,
      deleted: rowsOf(await tx.execute(sql`delete from projects where tenant_id = ${B} returning id`)).length,
    }));
    expect(changed).toEqual({ updated: 0, deleted: 0 });
    const insert = await withTenant(handle.db, A, (tx) => tx.execute(sql`insert into projects (tenant_id, name) values (${B}, 'planted')`)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(codeOf(insert)).toBe('42501');
    expect((await owner.query(`select name from projects where tenant_id = $1`, [B])).rows).toEqual([{ name: `secret of ${B}` }]);
  });

  it('a scoped insert lands with its tenant id on the shard', async () => {
    const [row] = await tenantDb(handle.db, A).insert(projects).values({ name: 'via postgres.js' }).returning({ id: projects.id });
    const stored = await owner.query(`select tenant_id from projects where id = $1`, [row!.id]);
    expect(stored.rows).toEqual([{ tenant_id: A }]);
  });

  it('a forged context (SET LOCAL settings and a made-up signature on postgres.js) reads nothing', async () => {
    const client = handle.client as Sql;
    const seen = await client.begin(async (tx) => {
      for (const [name, value] of [['tenant_id', B], ['user_id', ''], ['user_role', ''], ['ip', ''], ['user_agent', ''], ['request_id', ''], ['ctx_sig', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=']]) {
        await tx.unsafe(`set local app.${name} = '${value}'`);
      }
      return (await tx.unsafe(`select count(*)::int as n from projects where tenant_id = '${B}'`))[0]!.n as number;
    });
    expect(seen).toBe(0);
  });
});
