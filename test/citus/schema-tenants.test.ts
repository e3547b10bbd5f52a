// Schema tenants on Citus (issue 18): a tenant created with isolation 'schema' through the coordinator
// becomes a distributed schema (schema-based sharding) beside the row-distributed shared tables. As the
// service role: its rows are in its schema, a scoped point query is a router plan, isolation holds both
// ways against a shared tenant and another schema tenant (a forged context reads nothing), the fleet
// migrates the distributed schema, citus_schema_move takes it to the other worker, and moveTenant works
// both ways.
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributeTenantSchemas, listCitusTenantSchemas, tenantSchemaDdlSettings, TENANT_SCHEMA_STAMP, verifyShards } from '../../src/citus/index.js';
import { STAMP_PREFIX } from '../../src/tenant-schemas/stamp.js';
import { openMigrationConnection, type MigrationConnection } from '../../src/migrations/index.js';
import { openDatabase, type DatabaseHandle } from '../../src/index.js';
import { createTenant, withTenant } from '../../src/tenancy/index.js';
import { migrateTenantSchemas, moveTenant, tenantSchemaName, type TransactionRunner } from '../../src/tenant-schemas/index.js';
import { SERVICE_ROLE } from '../../src/schema/index.js';

const url = process.env.CITUS_DATABASE_URL;
const suite = url ? describe : describe.skip;

function asRole(target: string, role: string): string {
  const u = new URL(target);
  u.username = role;
  u.password = '';
  return u.toString();
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;
const codeOf = (e: unknown) => (e as { cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;

let owner: pg.Pool; // the superuser: sets up and checks what really happened (it bypasses RLS)
let service: pg.Pool; // raw SQL as the service role
let ownerDb: DatabaseHandle; // the library as the owner (createTenant, the fleet)
let handle: DatabaseHandle; // the library as the service role
let conn: MigrationConnection;
let shared: string; // a tenant in the shared tables
let S1: string; // schema tenants
let S2: string;
let schema1: string;
let schema2: string;
let project1: string;
let project2: string;
let projectShared: string;
const suffix = Math.floor(Math.random() * 1e9).toString(36);

async function schemaTenant(name: string): Promise<string> {
  const created = await createTenant(
    ownerDb.db,
    { name, slug: `${name}-${suffix}`, email: 'ops@example.com', owner: { email: `${name}-${suffix}@example.com` } },
    { isolation: 'schema' },
  );
  expect(created.created).toBe(true);
  return created.tenant.id;
}

async function addProject(tenantId: string, name: string): Promise<string> {
  return withTenant(handle.db, tenantId, async (tx) => rowsOf(await tx.execute(sql`insert into projects (tenant_id, name) values (${tenantId}, ${name}) returning id`))[0]!.id as string);
}

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

const inSchemas = (...schemas: string[]) => (m: { table: string }) => schemas.some((s) => m.table.startsWith(`${s}.`));

suite('schema tenants on Citus (distributed schemas, service role through the coordinator)', () => {
  beforeAll(async () => {
    owner = new pg.Pool({ connectionString: url, max: 2 });
    service = new pg.Pool({ connectionString: asRole(url!, SERVICE_ROLE), max: 2 });
    ownerDb = await openDatabase({ url: url!, max: 2 });
    handle = await openDatabase({ url: asRole(url!, SERVICE_ROLE), max: 2 });
    conn = await openMigrationConnection({ url: url! });
    shared = (await owner.query(`insert into tenants (name, slug, email) values ('citus-shared', 'citus-shared-' || $1::text, 'c@example.com') returning id`, [suffix])).rows[0].id;
    projectShared = (await owner.query(`insert into projects (tenant_id, name) values ($1::uuid, 'secret of shared') returning id`, [shared])).rows[0].id;
    S1 = await schemaTenant('citus-schema-one');
    S2 = await schemaTenant('citus-schema-two');
    schema1 = tenantSchemaName(S1);
    schema2 = tenantSchemaName(S2);
    const result = await distributeTenantSchemas(conn, { schemas: [schema1, schema2] });
    expect(result.distributed.sort()).toEqual([schema1, schema2].sort());
    project1 = await addProject(S1, 'secret of one');
    project2 = await addProject(S2, 'secret of two');
  }, 300_000); // two schema tenants created and distributed: about 90 s on the CI cluster's two cores
  afterAll(async () => {
    await owner?.end();
    await service?.end();
    await ownerDb?.close();
    await handle?.close();
    await conn?.release();
  });

  it('each schema is a distributed schema: every template table a single-shard table of its colocation group, on a worker', async () => {
    const templateTables = Number(
      (await owner.query(`select count(*) as n from pg_class c where c.relnamespace = $1::regnamespace and c.relkind = 'r'`, [schema1])).rows[0].n,
    );
    expect(templateTables).toBeGreaterThan(50);
    for (const schema of [schema1, schema2]) {
      const dist = (
        await owner.query(
          `select count(*)::int as tables, count(*) filter (where p.partmethod = 'n' and p.colocationid = d.colocationid)::int as in_group
             from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid join pg_dist_schema d on d.schemaid = c.relnamespace
            where c.relnamespace = $1::regnamespace`,
          [schema],
        )
      ).rows[0];
      expect(dist).toEqual({ tables: templateTables, in_group: templateTables });
    }
    expect(TENANT_SCHEMA_STAMP).toBe(STAMP_PREFIX);
    const listed = (await listCitusTenantSchemas(conn)).filter((s) => s.schema === schema1 || s.schema === schema2);
    expect(listed.map((s) => s.distributed)).toEqual([true, true]);
    const workers = (await owner.query(`select nodename || ':' || nodeport as node from pg_dist_node where groupid <> 0`)).rows.map((r) => r.node);
    for (const s of listed) expect(workers).toContain(s.node);
  });

  it('privileges, policies and RLS flags of its shards are those of its tables, and its tables have those of the template', async () => {
    expect((await verifyShards(conn)).filter(inSchemas(schema1, schema2))).toEqual([]);
    const describeSchema = async (schema: string) =>
      (
        await owner.query(
          `select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                  (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
                  (select coalesce(string_agg(coalesce(r.rolname, 'PUBLIC') || ':' || a.privilege_type, ',' order by 1), '') from aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee) as privileges
             from pg_class c where c.relnamespace = $1::regnamespace and c.relkind = 'r' order by 1`,
          [schema],
        )
      ).rows;
    const template = new Map((await describeSchema('public')).map((r) => [r.relname, r]));
    const tenant = await describeSchema(schema1);
    expect(tenant.length).toBeGreaterThan(50);
    for (const t of tenant) expect(t, t.relname).toEqual(template.get(t.relname));
    expect(tenant.filter((t) => t.relrowsecurity && t.relforcerowsecurity).length).toBe(tenant.length);
  });

  it('a shard privilege changed by hand is found, and distributeTenantSchemas puts it back', async () => {
    const table = `${schema1}.projects`;
    const changed = await owner.query(`select success, result from run_command_on_placements($1::regclass, 'GRANT TRUNCATE ON %s TO PUBLIC')`, [table]);
    expect(changed.rows.every((r) => r.success)).toBe(true);
    const found = (await verifyShards(conn)).filter(inSchemas(schema1));
    expect(found.map((m) => [m.table, m.what])).toEqual([[table, 'privileges']]);
    expect(found[0]!.shard).toContain('PUBLIC:TRUNCATE');
    const result = await distributeTenantSchemas(conn, { schemas: [schema1] });
    expect(result.distributed).toEqual([]);
    expect(result.privilegeFixes).toEqual([`REVOKE TRUNCATE ON ${table} (every shard) FROM PUBLIC`]);
    expect((await verifyShards(conn)).filter(inSchemas(schema1))).toEqual([]);
  });

  it("the tenant's rows are in its schema (written as the service role, on the schema's worker), none in the shared tables", async () => {
    expect((await owner.query(`select name from ${schema1}.projects`)).rows).toEqual([{ name: 'secret of one' }]);
    expect(Number((await owner.query(`select count(*) as n from public.projects where tenant_id = $1`, [S1])).rows[0].n)).toBe(0);
    const seen = await withTenant(handle.db, S1, async (tx) => rowsOf(await tx.execute(sql`select id, tenant_id, current_user as who from projects`)));
    expect(seen).toEqual([{ id: project1, tenant_id: S1, who: SERVICE_ROLE }]);
  });

  it('a scoped point query of the schema tenant is a router plan: one task, on the worker holding its schema', async () => {
    const node = (await listCitusTenantSchemas(conn)).find((s) => s.schema === schema1)!.node!;
    const plan = await withTenant(handle.db, S1, async (tx) =>
      rowsOf(await tx.execute(sql.raw(`explain select * from projects where id = '${project1}'`)))
        .map((r) => r['QUERY PLAN'])
        .join('\n'),
    );
    expect(plan).toMatch(/Custom Scan \(Citus Adaptive\)/);
    expect(plan).toMatch(/Task Count: 1\b/);
    const [host, port] = node.split(':');
    expect(plan).toContain(`host=${host} port=${port}`);
  });

  it('isolation both ways: schema tenant, shared tenant and another schema tenant read 0 rows of each other', async () => {
    const count = (tenantId: string, table: string) =>
      withTenant(handle.db, tenantId, async (tx) => Number(rowsOf(await tx.execute(sql.raw(`select count(*) as n from ${table}`)))[0]!.n));
    // The schema tenant names the shared tables and the other schema.
    expect(await count(S1, 'public.projects')).toBe(0);
    expect(await count(S1, `${schema2}.projects`)).toBe(0);
    // The shared tenant and the other schema tenant name its schema.
    expect(await count(shared, `${schema1}.projects`)).toBe(0);
    expect(await count(S2, `${schema1}.projects`)).toBe(0);
    // Each still sees its own.
    expect(await count(shared, 'projects')).toBe(1);
    expect(await count(S2, 'projects')).toBe(1);
    // Writes into the other's tables fail or change nothing.
    const planted = await withTenant(handle.db, shared, (tx) => tx.execute(sql.raw(`insert into ${schema1}.projects (tenant_id, name) values ('${S1}', 'planted')`))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(['42501', '23514']).toContain(codeOf(planted));
    const result = await withTenant(handle.db, S2, async (tx) => ({
      updated: ((await tx.execute(sql.raw(`update ${schema1}.projects set name = 'taken'`))) as unknown as { rowCount: number }).rowCount,
      deleted: ((await tx.execute(sql.raw(`delete from public.projects where id = '${projectShared}'`))) as unknown as { rowCount: number }).rowCount,
    }));
    expect(result).toEqual({ updated: 0, deleted: 0 });
    expect((await owner.query(`select name from ${schema1}.projects`)).rows).toEqual([{ name: 'secret of one' }]);
    expect((await owner.query(`select name from public.projects where id = $1`, [projectShared])).rows).toEqual([{ name: 'secret of shared' }]);
  });

  it("a forged context for the schema tenant (settings, search_path and a made-up signature, SET LOCAL) reads 0 of its rows", async () => {
    const seen = await inTransaction(async (client) => {
      const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
      for (const [name, value] of [['tenant_id', S1], ['user_id', ''], ['user_role', ''], ['ip', ''], ['user_agent', ''], ['request_id', ''], ['ctx_sig', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=']]) {
        await client.query(`set local app.${name} = ${quote(value!)}`);
      }
      await client.query(`set local search_path = ${schema1}, public`);
      return {
        unqualified: (await client.query(`select count(*)::int as n from projects`)).rows[0].n,
        qualified: (await client.query(`select count(*)::int as n from ${schema1}.projects where id = $1`, [project1])).rows[0].n,
      };
    });
    expect(seen).toEqual({ unqualified: 0, qualified: 0 });
  });

  it('the fleet migrates a distributed schema: a new column and a new trigger of a public table reach it (and go again)', async () => {
    const settings = await tenantSchemaDdlSettings(conn);
    expect(settings).toContain('SET LOCAL citus.enable_unsafe_triggers = on');
    const fleet = () => migrateTenantSchemas(ownerDb.db as unknown as TransactionRunner, { settings });
    const columnIn = async (schema: string) =>
      (await owner.query(`select 1 from pg_attribute where attrelid = $1::regclass and attname = 'citus_probe' and not attisdropped`, [`${schema}.projects`])).rows.length;
    const triggerIn = async (schema: string) =>
      (await owner.query(`select 1 from pg_trigger where tgrelid = $1::regclass and tgname = 'projects_citus_probe'`, [`${schema}.projects`])).rows.length;
    const client = await owner.connect();
    try {
      await client.query(`alter table public.projects add column citus_probe text`);
      await client.query(`set citus.enable_unsafe_triggers = on`);
      await client.query(`create trigger projects_citus_probe before update on public.projects for each row execute function stocksync_touch_updated_at()`);
      try {
        const report = await fleet();
        const mine = report.outcomes.filter((o) => o.schema === schema1 || o.schema === schema2);
        expect(mine.map((o) => [o.status, o.error])).toEqual([['migrated', undefined], ['migrated', undefined]]);
        expect([await columnIn(schema1), await triggerIn(schema1), await columnIn(schema2)]).toEqual([1, 1, 1]);
        // The shard on the worker has the column: the tenant writes and reads it.
        const probe = await withTenant(handle.db, S1, async (tx) => {
          await tx.execute(sql`update projects set citus_probe = 'on the worker' where id = ${project1}`);
          return rowsOf(await tx.execute(sql`select citus_probe from projects where id = ${project1}`));
        });
        expect(probe).toEqual([{ citus_probe: 'on the worker' }]);
        expect((await verifyShards(conn)).filter(inSchemas(schema1, schema2))).toEqual([]);
      } finally {
        await client.query(`drop trigger if exists projects_citus_probe on public.projects`);
        await client.query(`alter table public.projects drop column if exists citus_probe`);
        await fleet();
      }
      expect([await columnIn(schema1), await triggerIn(schema1)]).toEqual([0, 0]);
    } finally {
      client.release();
    }
  });

  it('citus_schema_move takes the schema to the other worker; the tenant reads its rows there, shards still as their tables', async () => {
    const from = (await listCitusTenantSchemas(conn)).find((s) => s.schema === schema1)!.node!;
    const other = (await owner.query(`select nodename, nodeport from pg_dist_node where groupid <> 0 and nodename || ':' || nodeport <> $1 order by nodeport limit 1`, [from])).rows[0];
    // block_writes: the default (logical replication) needs wal_level = logical on the workers.
    await owner.query(`select citus_schema_move($1::regnamespace, $2, $3, shard_transfer_mode => 'block_writes')`, [schema1, other.nodename, other.nodeport]);
    const to = (await listCitusTenantSchemas(conn)).find((s) => s.schema === schema1)!.node!;
    expect(to).toBe(`${other.nodename}:${other.nodeport}`);
    expect(to).not.toBe(from);
    const seen = await withTenant(handle.db, S1, async (tx) => rowsOf(await tx.execute(sql`select id, name from projects`)));
    expect(seen).toEqual([{ id: project1, name: 'secret of one' }]);
    expect(await withTenant(handle.db, shared, async (tx) => Number(rowsOf(await tx.execute(sql.raw(`select count(*) as n from ${schema1}.projects`)))[0]!.n))).toBe(0);
    expect((await verifyShards(conn)).filter(inSchemas(schema1))).toEqual([]);
  });

  it('moveTenant takes a distributed schema tenant to the shared tables and back (then distributed again)', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const session = Object.assign(drizzle(client), { release: async () => {} });
      const out = await moveTenant(session as never, S2, 'shared');
      expect(out.moved).toBe(true);
      expect(out.leftover).toBe(false);
      expect((await owner.query(`select to_regnamespace($1) is null as gone`, [schema2])).rows[0].gone).toBe(true);
      expect(await withTenant(handle.db, S2, async (tx) => rowsOf(await tx.execute(sql`select id from public.projects`)))).toEqual([{ id: project2 }]);
      expect(await withTenant(handle.db, S1, async (tx) => rowsOf(await tx.execute(sql`select id from public.projects where tenant_id = ${S2}`)))).toEqual([]);

      const back = await moveTenant(session as never, S2, 'schema');
      expect(back.moved).toBe(true);
      const result = await distributeTenantSchemas(conn, { schemas: [schema2] });
      expect(result.distributed).toEqual([schema2]);
      expect((await owner.query(`select name from ${schema2}.projects`)).rows).toEqual([{ name: 'secret of two' }]);
      expect(Number((await owner.query(`select count(*) as n from public.projects where tenant_id = $1`, [S2])).rows[0].n)).toBe(0);
      expect(await withTenant(handle.db, S2, async (tx) => rowsOf(await tx.execute(sql`select id from projects`)))).toEqual([{ id: project2 }]);
      expect((await verifyShards(conn)).filter(inSchemas(schema2))).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
