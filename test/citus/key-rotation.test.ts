// Rotating the context key on a Citus cluster (stocksync_private.rotate_context_key(), migration 0039): the
// new key reaches every node, and a rotation that fails on one worker leaves every node on the old key, so
// tenant contexts keep working through the coordinator.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyContextBinding } from '../../src/citus/index.js';
import { openMigrationConnection, type MigrationConnection } from '../../src/migrations/index.js';
import { openDatabase, type DatabaseHandle } from '../../src/index.js';
import { SERVICE_ROLE } from '../../src/schema/index.js';
import { withTenant } from '../../src/tenancy/index.js';

const url = process.env.CITUS_DATABASE_URL;
// Without a Citus coordinator there is nothing to test here: .ci/parts/70-citus.sh starts one.
const suite = url ? describe : describe.skip;

let owner: pg.Pool; // the superuser on the coordinator (the schema owner rotates the key)
let worker: pg.Client; // the superuser on the last worker, straight
let handle: DatabaseHandle;
let conn: MigrationConnection;
let tenant: string;
let project: string;
let blocked = false;

/** A digest of the key on each node (never the key), by node id. */
async function keyDigests(): Promise<Record<string, string>> {
  const rows = await owner.query<{ nodeid: number; success: boolean; result: string }>(
    `select nodeid, success, result from run_command_on_all_nodes($$select encode(sha256(inner_pad || outer_pad), 'hex') from stocksync_private.context_key where id = 1$$)`,
  );
  return Object.fromEntries(rows.rows.map((r) => [String(r.nodeid), r.success ? r.result : `failed: ${r.result}`]));
}

/** What the service role sees of its tenant's projects through the coordinator. */
async function visibleProjects(): Promise<string[]> {
  return withTenant(handle.db, tenant, async (tx) =>
    ((await tx.execute(sql`select id from projects`)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id),
  );
}

// A CHECK that no row passes, NOT VALID so the existing row stays: the worker refuses the new key.
async function blockRotationOnWorker(block: boolean): Promise<void> {
  await worker.query(
    `begin; set local citus.enable_ddl_propagation = off; alter table stocksync_private.context_key ${block ? 'add constraint rotation_blocked check (false) not valid' : 'drop constraint if exists rotation_blocked'}; commit`,
  );
  blocked = block;
}

suite('context key rotation on Citus', () => {
  beforeAll(async () => {
    owner = new pg.Pool({ connectionString: url, max: 2 });
    const node = (
      await owner.query<{ nodename: string; nodeport: number }>(
        `select nodename, nodeport from pg_dist_node where groupid <> 0 and noderole = 'primary' order by groupid desc limit 1`,
      )
    ).rows[0]!;
    const target = new URL(url!);
    target.hostname = node.nodename;
    target.port = String(node.nodeport);
    worker = new pg.Client({ connectionString: target.toString() });
    await worker.connect();
    const serviceUrl = new URL(url!);
    serviceUrl.username = SERVICE_ROLE;
    serviceUrl.password = '';
    handle = await openDatabase({ url: serviceUrl.toString(), max: 2 });
    conn = await openMigrationConnection({ url: url! });
    tenant = (await owner.query(`insert into tenants (name, slug, email) values ('citus-rotation', 'citus-rotation-' || floor(random()*1e9)::text, 'r@example.com') returning id`)).rows[0].id;
    project = (await owner.query(`insert into projects (tenant_id, name) values ($1, 'rotation') returning id`, [tenant])).rows[0].id;
  });
  afterAll(async () => {
    if (worker && blocked) await blockRotationOnWorker(false);
    await worker?.end();
    await handle?.close();
    await conn?.release();
    await owner?.end();
  });

  it('puts the new key on every node, and contexts signed with it verify on the workers', async () => {
    const before = await keyDigests();
    expect(new Set(Object.values(before)).size).toBe(1);
    await owner.query(`select stocksync_private.rotate_context_key()`);
    const after = await keyDigests();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(new Set(Object.values(after)).size).toBe(1);
    expect(Object.values(after)[0]).not.toBe(Object.values(before)[0]);
    expect(await verifyContextBinding(conn)).toEqual([]);
    expect(await visibleProjects()).toEqual([project]);
  });

  it('a rotation refused by one worker fails and leaves every node on the old key: contexts keep working', async () => {
    const before = await keyDigests();
    await blockRotationOnWorker(true);
    const error = await owner.query(`select stocksync_private.rotate_context_key()`).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^the context key was not rotated: the context key could not be copied to every worker/);
    expect(await keyDigests()).toEqual(before);
    expect(await verifyContextBinding(conn)).toEqual([]);
    expect(await visibleProjects()).toEqual([project]);

    await blockRotationOnWorker(false);
    await owner.query(`select stocksync_private.rotate_context_key()`);
    const rotated = await keyDigests();
    expect(new Set(Object.values(rotated)).size).toBe(1);
    expect(Object.values(rotated)[0]).not.toBe(Object.values(before)[0]);
    expect(await visibleProjects()).toEqual([project]);
  });
});
