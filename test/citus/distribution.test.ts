// On a real Citus cluster (CITUS_DATABASE_URL: the coordinator, migrated and distributed, e.g. by
// .ci/parts/70-citus.sh): placement and colocation, idempotence, shard verification, router plans,
// the rule triggers on shards, the context mode, and error names without shard suffixes.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCitus, planCitusDistribution, readCitusLayout, verifyShards } from '../../src/citus/index.js';
import { openMigrationConnection, type MigrationConnection } from '../../src/migrations/index.js';
import { openDatabase, type DatabaseHandle } from '../../src/index.js';
import { contextModeOf, withTenant } from '../../src/tenancy/index.js';
import { mapDatabaseError } from '../../src/database-error.js';
import { ConflictError } from '../../src/errors.js';
import { SERVICE_ROLE } from '../../src/schema/index.js';

const url = process.env.CITUS_DATABASE_URL;
// Without a Citus coordinator there is nothing to test here: .ci/parts/70-citus.sh starts one.
const suite = url ? describe : describe.skip;

let conn: MigrationConnection;
let pool: pg.Pool;
let handle: DatabaseHandle;

suite('Citus cluster', () => {
  beforeAll(async () => {
    conn = await openMigrationConnection({ url: url! });
    pool = new pg.Pool({ connectionString: url, max: 2 });
    // Tenant contexts as the service role: the superuser bypasses row-level security.
    const serviceUrl = new URL(url!);
    serviceUrl.username = SERVICE_ROLE;
    handle = await openDatabase({ url: serviceUrl.toString(), max: 2 });
  });
  afterAll(async () => {
    await conn?.release();
    await pool?.end();
    await handle?.close();
  });

  const one = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows[0] as T;

  it('detects Citus with two workers', async () => {
    const citus = await detectCitus(conn);
    expect(citus?.workers).toBe(2);
    expect(citus?.coordinatorRegistered).toBe(true);
  });

  it('every tenant table is distributed by tenant_id in one colocation group; the global tables and legacy schema are reference tables; only the migration history is local', async () => {
    const tables = await readCitusLayout(conn, { citus: true });
    const wrong = tables.filter((t) => t.current !== t.wanted).map((t) => `${t.qualified}: ${t.current}, wanted ${t.wanted}`);
    expect(wrong).toEqual([]);
    const distributed = tables.filter((t) => t.current === 'distributed');
    expect(distributed.length).toBeGreaterThan(50);
    expect(new Set(distributed.map((t) => t.colocationId)).size).toBe(1);
    const withTenant = tables.filter((t) => t.hasTenantId && t.current === 'local');
    expect(withTenant.map((t) => t.qualified)).toEqual([]);
    expect(tables.filter((t) => t.current === 'local').every((t) => t.schema === 'drizzle')).toBe(true);
  });

  it('a second distribution has nothing to do', async () => {
    const plan = await planCitusDistribution(conn, (await detectCitus(conn))!);
    expect(plan.steps).toEqual([]);
  });

  it('every shard has the privileges, policies and RLS flags of its table', async () => {
    expect(await verifyShards(conn)).toEqual([]);
  });

  it('picks set_local as the context mode on the coordinator', async () => {
    expect(await contextModeOf(handle.db)).toBe('set_local');
  });

  it('a tenant-scoped point query is a router plan (one task)', async () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const plan = (await pool.query(`explain select * from projects where tenant_id = $1 and id = $2`, [id, id])).rows
      .map((r: Record<string, string>) => r['QUERY PLAN'])
      .join('\n');
    expect(plan).toMatch(/Task Count: 1\b/);
    expect(plan).toMatch(/Custom Scan \(Citus Adaptive\)/);
  });

  describe('rule triggers on the shards', () => {
    let tenantId: string;
    let userId: string;
    beforeAll(async () => {
      tenantId = (await one<{ id: string }>(`insert into tenants (name, slug, email) values ('Citus rules', 'citus-rules-' || floor(random()*1e9)::text, 'c@example.com') returning id`)).id;
      userId = (await one<{ id: string }>(`insert into users (tenant_id, email, first_name, last_name) values ($1, 'u@example.com', 'U', 'Ser') returning id`, [tenantId])).id;
    });

    it('deleting a referenced row clears only the referencing column (set-null trigger through the coordinator)', async () => {
      const project = await withTenant(handle.db, tenantId, async (tx) => {
        await tx.execute(sql`insert into projects (tenant_id, name) values (${tenantId}, 'p')`);
        const rows = await tx.execute(sql`insert into boards (tenant_id, project_id, name, created_by)
          select ${tenantId}, id, 'b', ${userId} from projects where tenant_id = ${tenantId} limit 1 returning id, created_by`);
        return (rows as unknown as { rows: { id: string; created_by: string }[] }).rows[0]!;
      });
      expect(project.created_by).toBe(userId);
      await withTenant(handle.db, tenantId, (tx) => tx.execute(sql`delete from users where tenant_id = ${tenantId} and id = ${userId}`));
      const after = await one<{ tenant_id: string; created_by: string | null }>(`select tenant_id, created_by from boards where tenant_id = $1 and id = $2`, [tenantId, project.id]);
      expect(after).toEqual({ tenant_id: tenantId, created_by: null });
    });

    it('a unique violation names the logical constraint, not the shard', async () => {
      await pool.query(`insert into users (tenant_id, email, first_name, last_name) values ($1, 'dup@example.com', 'A', 'B')`, [tenantId]);
      const error = await pool
        .query(`insert into users (tenant_id, email, first_name, last_name) values ($1, 'dup@example.com', 'A', 'B')`, [tenantId])
        .then(() => undefined, (e: unknown) => e);
      expect((error as { code?: string }).code).toBe('23505');
      const mapped = mapDatabaseError(error);
      expect(mapped).toBeInstanceOf(ConflictError);
      expect((mapped as ConflictError).constraint).toBe('users_tenant_id_email_key');
    });
  });
});
