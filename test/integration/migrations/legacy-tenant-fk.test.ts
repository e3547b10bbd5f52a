// Phase 5 data migration (0022_legacy_tenant_fk): legacy text tenant_id rows move to the tenant
// foreign-key tables, unplaceable rows are quarantined and reported, and down restores them exactly.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateUp } from '../../../src/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { query } from './helpers.js';

const ACME = '0190b000-0000-7000-8000-00000000aaaa';
const BETA = '0190b000-0000-7000-8000-00000000bbbb';
const LEGACY = [
  'workstations_workstation',
  'workstations_workstationsession',
  'workstations_workstationmetric',
  'workstations_workstationassignment',
  'repositories_giteaorganization',
];

const legacyRows = async (url: string) => {
  const out: Record<string, unknown[]> = {};
  for (const t of LEGACY) out[t] = await query(url, `select * from legacy.${t} order by id`);
  return out;
};

describe('0022_legacy_tenant_fk', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateDown({ url: db.url }, { to: '0021_workstations_rules' });
    await query(
      db.url,
      `insert into tenants (id, name, slug, email) values ($1, 'Acme', 'acme', 'ops@acme.test'), ($2, 'Beta', 'beta', 'ops@beta.test')`,
      [ACME, BETA],
    );
    await query(
      db.url,
      `insert into legacy.workstations_workstation (id, tenant_id, name, hostname, os, status, last_seen_at) values
         (1, 'acme', 'build-01', 'build-01.acme', 'linux', 'online', '2025-12-01T10:00:00Z'),
         (2, ' ${BETA.toUpperCase()} ', 'beta-mac', 'mac.beta', 'macos', 'offline', null),
         (3, 'acme-old', 'orphan', null, null, 'offline', null),
         (4, 'acme', 'odd', null, null, 'archived', null);
       insert into legacy.workstations_workstationsession (id, tenant_id, workstation_id, user_email, started_at) values
         (1, 'acme', 1, 'a@acme.test', '2025-12-01T09:00:00Z'), (2, 'beta', 1, 'b@beta.test', '2025-12-01T09:30:00Z'),
         (3, 'acme-old', 3, 'c@x.test', '2025-12-01T08:00:00Z');
       insert into legacy.workstations_workstationmetric (id, tenant_id, workstation_id, cpu_percent, memory_mb) values
         (1, 'acme', 1, 12.5, 2048), (2, 'beta', 2, 99.99, 16384);
       insert into legacy.workstations_workstationassignment (id, tenant_id, workstation_id, user_email) values
         (1, 'beta', 2, 'b@beta.test'), (2, 'acme', 4, 'a@acme.test');
       insert into legacy.repositories_giteaorganization (id, tenant_id, gitea_org_id, name, full_name, visibility) values
         (1, 'acme', 10, 'acme', 'Acme Inc', 'private'), (2, 'acme', 10, 'acme-dup', null, 'private'),
         (3, 'nobody', 11, 'x', null, 'public'), (4, 'beta', 12, 'beta', 'Beta', 'limited');`,
    );
  });
  afterAll(() => db?.drop());

  it('moves placeable rows, quarantines the rest with reasons, reports them, and down restores the legacy rows exactly', async () => {
    const before = await legacyRows(db.url);
    const result = await migrateUp({ url: db.url }, { to: '0022_legacy_tenant_fk' });
    expect(result.migrations.map((m) => m.name)).toEqual(['0022_legacy_tenant_fk']);
    const report = result.migrations[0]!.report as {
      moved: Record<string, number>;
      quarantined: Record<string, number>;
      quarantine: Array<{ sourceTable: string; legacyId: number; tenantRef: string; reason: string }>;
    };
    expect(report.moved).toEqual({ workstations: 2, gitea_organizations: 2, workstation_sessions: 1, workstation_metrics: 2, workstation_assignments: 1 });
    expect(report.quarantined).toEqual({
      workstations_workstation: 2,
      repositories_giteaorganization: 2,
      workstations_workstationsession: 2,
      workstations_workstationmetric: 0,
      workstations_workstationassignment: 1,
    });
    expect(report.quarantine.map((r) => [r.sourceTable, r.legacyId, r.reason])).toEqual([
      ['repositories_giteaorganization', 2, 'duplicate gitea_org_id in the tenant (the oldest row was kept)'],
      ['repositories_giteaorganization', 3, `tenant_id 'nobody' matches no tenant (by id or slug)`],
      ['workstations_workstation', 3, `tenant_id 'acme-old' matches no tenant (by id or slug)`],
      ['workstations_workstation', 4, 'status is not one of online, offline, maintenance, retired'],
      ['workstations_workstationassignment', 2, 'its workstation 4 was not migrated (see its own quarantine row)'],
      ['workstations_workstationsession', 2, 'its workstation 1 belongs to another tenant'],
      ['workstations_workstationsession', 3, `tenant_id 'acme-old' matches no tenant (by id or slug)`],
    ]);

    // The new rows: uuid tenant ids, composite keys to the new workstation, values carried over.
    const ws = await query<{ tenant_id: string; name: string; status: string; last_seen_at: Date | null }>(
      db.url,
      'select tenant_id, name, status, last_seen_at from workstations order by name',
    );
    expect(ws.map((w) => [w.tenant_id, w.name, w.status])).toEqual([
      [BETA, 'beta-mac', 'offline'],
      [ACME, 'build-01', 'online'],
    ]);
    expect(ws[1]!.last_seen_at!.toISOString()).toBe('2025-12-01T10:00:00.000Z');
    const joined = await query<{ email: string; ws: string; same: boolean }>(
      db.url,
      `select s.user_email as email, w.name as ws, s.tenant_id = w.tenant_id as same
         from workstation_sessions s join workstations w on (w.tenant_id, w.id) = (s.tenant_id, s.workstation_id)`,
    );
    expect(joined).toEqual([{ email: 'a@acme.test', ws: 'build-01', same: true }]);
    const metrics = await query<{ cpu_percent: string }>(db.url, 'select cpu_percent from workstation_metrics order by cpu_percent');
    expect(metrics.map((m) => m.cpu_percent)).toEqual(['12.50', '99.99']);
    for (const t of LEGACY) expect(await query(db.url, `select 1 from legacy.${t}`)).toEqual([]);
    const quarantined = await query<{ original: { name: string } }>(
      db.url,
      `select original from legacy.tenant_fk_quarantine where source_table = 'workstations_workstation' and legacy_id = 3`,
    );
    expect(quarantined[0]!.original.name).toBe('orphan');

    // Tenant isolation holds on the moved rows (as the application role).
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('set local role stocksync_app');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [BETA]); // the policies of 0022's time
      const visible = await client.query<{ name: string }>('select name from workstations');
      expect(visible.rows).toEqual([{ name: 'beta-mac' }]);
      await client.query('rollback');
    } finally {
      await client.end();
    }

    // Down: the legacy rows come back exactly; the new rows and the bookkeeping go.
    await migrateDown({ url: db.url }, { steps: 1 });
    expect(await legacyRows(db.url)).toEqual(before);
    for (const t of ['workstations', 'workstation_sessions', 'workstation_metrics', 'workstation_assignments', 'gitea_organizations']) {
      expect(await query(db.url, `select 1 from ${t}`)).toEqual([]);
    }
    expect(await query(db.url, 'select 1 from legacy.tenant_fk_moves union all select 1 from legacy.tenant_fk_quarantine')).toEqual([]);
  });

  it('down keeps rows the application created after the migration', async () => {
    await migrateUp({ url: db.url }, { to: '0022_legacy_tenant_fk' });
    await query(db.url, `insert into workstations (tenant_id, name) values ($1, 'created-later')`, [ACME]);
    await migrateDown({ url: db.url }, { steps: 1 });
    expect(await query(db.url, 'select name from workstations')).toEqual([{ name: 'created-later' }]);
  });
});
