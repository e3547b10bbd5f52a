// Data migration 0022_legacy_tenant_fk (seed 001, Phase 5): moves the legacy workstations and
// repositories rows (text tenant_id, no foreign key) into the tenant foreign-key tables. A row
// whose text tenant_id matches no tenant (by id or slug), whose workstation was not moved or
// belongs to another tenant, or whose values break a rule of the new table is kept in
// legacy.tenant_fk_quarantine with the reason, and reported; nothing is lost. Down restores the
// legacy rows exactly (from the JSON kept per row) and removes the rows it created.
// Run it with `stocksync-db migrate up`: drizzle-kit migrate only records its marker file.
// Writes to tenant tables with forced RLS: the migrating role needs BYPASSRLS (or superuser).
import type { DataMigrationContext } from '@stocksync/db/migrations';

/** One legacy table and where its rows go. */
interface Move {
  source: string;
  target: string;
  /** Columns copied as they are (same names in both tables). */
  columns: string[];
  /** Child tables: the legacy workstation id column, mapped to the new workstation's uuid. */
  parent?: { column: string; source: string };
  /** Rules of the new table, as [SQL predicate on `s` that breaks it, reason]. */
  invalid?: Array<[string, string]>;
}

const MOVES: Move[] = [
  {
    source: 'workstations_workstation',
    target: 'workstations',
    columns: ['name', 'hostname', 'os', 'status', 'last_seen_at', 'created_at', 'updated_at'],
    invalid: [["s.status not in ('online', 'offline', 'maintenance', 'retired')", "status is not one of online, offline, maintenance, retired"]],
  },
  {
    source: 'repositories_giteaorganization',
    target: 'gitea_organizations',
    columns: ['gitea_org_id', 'name', 'full_name', 'visibility', 'created_at', 'updated_at'],
    invalid: [
      ["s.visibility not in ('public', 'limited', 'private')", 'visibility is not one of public, limited, private'],
      ['row_number() over (partition by t.id, s.gitea_org_id order by s.id) > 1', 'duplicate gitea_org_id in the tenant (the oldest row was kept)'],
    ],
  },
  {
    source: 'workstations_workstationsession',
    target: 'workstation_sessions',
    columns: ['user_email', 'started_at', 'ended_at'],
    parent: { column: 'workstation_id', source: 'workstations_workstation' },
  },
  {
    source: 'workstations_workstationmetric',
    target: 'workstation_metrics',
    columns: ['cpu_percent', 'memory_mb', 'recorded_at'],
    parent: { column: 'workstation_id', source: 'workstations_workstation' },
  },
  {
    source: 'workstations_workstationassignment',
    target: 'workstation_assignments',
    columns: ['user_email', 'assigned_at', 'released_at'],
    parent: { column: 'workstation_id', source: 'workstations_workstation' },
  },
];

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The quarantine report `up` returns (the CLI prints it). */
export interface LegacyTenantFkReport {
  moved: Record<string, number>;
  quarantined: Record<string, number>;
  /** The first 100 quarantined rows. */
  quarantine: Array<{ sourceTable: string; legacyId: number; tenantRef: string; reason: string }>;
}

export const transaction = true;

export async function up(ctx: DataMigrationContext): Promise<LegacyTenantFkReport> {
  await ctx.exec(`set local lock_timeout = '10s'`);
  // The legacy app may still write: block its writes (not its reads) until we commit.
  for (const m of MOVES) await ctx.exec(`lock table legacy.${q(m.source)} in exclusive mode`);
  const report: LegacyTenantFkReport = { moved: {}, quarantined: {}, quarantine: [] };
  for (const m of MOVES) {
    const parentJoin = m.parent
      ? `left join legacy.tenant_fk_moves p on p.source_table = '${m.parent.source}' and p.legacy_id = s.${q(m.parent.column)}`
      : '';
    const reasons = [
      `when t.id is null then format('tenant_id %L matches no tenant (by id or slug)', s.tenant_id)`,
      ...(m.parent
        ? [
            `when p.target_id is null then format('its workstation %s was not migrated (see its own quarantine row)', s.${q(m.parent.column)})`,
            `when p.tenant_id <> t.id then format('its workstation %s belongs to another tenant', s.${q(m.parent.column)})`,
          ]
        : []),
      ...(m.invalid ?? []).map(([predicate, reason]) => `when ${predicate} then '${reason.replace(/'/g, "''")}'`),
    ];
    await ctx.exec(`drop table if exists pg_temp.p5_rows`);
    await ctx.exec(`
      create temp table p5_rows on commit drop as
      select s.id as legacy_id, s.tenant_id as tenant_ref, t.id as tid, ${m.parent ? 'p.target_id' : 'null::uuid'} as parent_id,
             case ${reasons.join('\n                  ')} else null end as reason,
             stocksync_uuidv7() as new_id, to_jsonb(s) as original
        from legacy.${q(m.source)} s
        left join lateral (
          select id from public.tenants t where t.id::text = lower(btrim(s.tenant_id)) or t.slug = lower(btrim(s.tenant_id)) limit 1
        ) t on true
        ${parentJoin}`);
    const cols = m.columns.map(q);
    await ctx.exec(`
      insert into public.${q(m.target)} (tenant_id, id, ${m.parent ? `${q(m.parent.column)}, ` : ''}${cols.join(', ')})
      select r.tid, r.new_id, ${m.parent ? 'r.parent_id, ' : ''}${cols.map((c) => `s.${c}`).join(', ')}
        from p5_rows r join legacy.${q(m.source)} s on s.id = r.legacy_id
       where r.reason is null`);
    const moved = await ctx.query<{ n: number }>(
      `with ins as (
         insert into legacy.tenant_fk_moves (source_table, legacy_id, target_table, target_id, tenant_id, original)
         select $1, legacy_id, $2, new_id, tid, original from p5_rows where reason is null returning 1)
       select count(*)::int as n from ins`,
      [m.source, m.target],
    );
    const quarantined = await ctx.query<{ n: number }>(
      `with ins as (
         insert into legacy.tenant_fk_quarantine (source_table, legacy_id, tenant_ref, reason, original)
         select $1, legacy_id, tenant_ref, reason, original from p5_rows where reason is not null returning 1)
       select count(*)::int as n from ins`,
      [m.source],
    );
    report.moved[m.target] = Number(moved[0]!.n);
    report.quarantined[m.source] = Number(quarantined[0]!.n);
  }
  // Every legacy row is now either moved or quarantined: empty the legacy tables, children first.
  for (const m of [...MOVES].reverse()) {
    await ctx.query(
      `delete from legacy.${q(m.source)} s
        where exists (select 1 from legacy.tenant_fk_moves x where x.source_table = $1 and x.legacy_id = s.id)
           or exists (select 1 from legacy.tenant_fk_quarantine x where x.source_table = $1 and x.legacy_id = s.id)`,
      [m.source],
    );
  }
  const sample = await ctx.query<{ source_table: string; legacy_id: number; tenant_ref: string; reason: string }>(
    `select source_table, legacy_id, tenant_ref, reason from legacy.tenant_fk_quarantine order by source_table, legacy_id limit 100`,
  );
  report.quarantine = sample.map((r) => ({ sourceTable: r.source_table, legacyId: Number(r.legacy_id), tenantRef: r.tenant_ref, reason: r.reason }));
  const total = Object.values(report.quarantined).reduce((a, b) => a + b, 0);
  ctx.log(
    `moved ${Object.values(report.moved).reduce((a, b) => a + b, 0)} legacy row(s); ${total} quarantined in legacy.tenant_fk_quarantine` +
      (total ? ' (resolve them: fix the tenant_id and move them by hand, or delete them after review)' : ''),
  );
  return report;
}

export async function down(ctx: DataMigrationContext): Promise<void> {
  await ctx.exec(`set local lock_timeout = '10s'`);
  // Legacy rows back exactly as they were, parents first (ids kept).
  for (const m of MOVES) {
    await ctx.query(
      `insert into legacy.${q(m.source)}
       select (jsonb_populate_record(null::legacy.${q(m.source)}, x.original)).*
         from (select original from legacy.tenant_fk_moves where source_table = $1
               union all select original from legacy.tenant_fk_quarantine where source_table = $1) x`,
      [m.source],
    );
  }
  // Then the rows this migration created, children first; rows created later by the app stay.
  for (const m of [...MOVES].reverse()) {
    await ctx.query(
      `delete from public.${q(m.target)} x using legacy.tenant_fk_moves mv
        where mv.source_table = $1 and x.tenant_id = mv.tenant_id and x.id = mv.target_id`,
      [m.source],
    );
  }
  const sources = MOVES.map((m) => m.source);
  await ctx.query(`delete from legacy.tenant_fk_moves where source_table = any($1::text[])`, [sources]);
  await ctx.query(`delete from legacy.tenant_fk_quarantine where source_table = any($1::text[])`, [sources]);
}

/** For `migrate verify`: a tenant and legacy rows covering every path (moved, each quarantine reason). */
export async function fixture(ctx: DataMigrationContext): Promise<void> {
  await ctx.exec(`
    insert into public.tenants (id, name, slug, email) values
      ('0190a000-0000-7000-8000-0000000000a1', 'Verify Acme', 'verify-acme', 'ops@verify-acme.test'),
      ('0190a000-0000-7000-8000-0000000000b2', 'Verify Beta', 'verify-beta', 'ops@verify-beta.test');
    insert into legacy.workstations_workstation (id, tenant_id, name, hostname, os, status) values
      (1, 'verify-acme', 'build-01', 'build-01.acme', 'linux', 'online'),
      (2, '0190A000-0000-7000-8000-0000000000B2', 'beta-mac', 'mac.beta', 'macos', 'offline'),
      (3, 'gone-tenant', 'orphan', null, null, 'offline'),
      (4, 'verify-acme', 'odd', null, null, 'archived');
    insert into legacy.workstations_workstationsession (tenant_id, workstation_id, user_email) values
      ('verify-acme', 1, 'a@acme.test'), ('verify-beta', 1, 'b@beta.test'), ('gone-tenant', 3, 'c@x.test');
    insert into legacy.workstations_workstationmetric (tenant_id, workstation_id, cpu_percent, memory_mb) values
      ('verify-acme', 1, 12.5, 2048), ('verify-beta', 2, 99.99, 16384);
    insert into legacy.workstations_workstationassignment (tenant_id, workstation_id, user_email) values
      ('verify-beta', 2, 'b@beta.test'), ('verify-acme', 4, 'a@acme.test');
    insert into legacy.repositories_giteaorganization (tenant_id, gitea_org_id, name, visibility) values
      ('verify-acme', 10, 'acme', 'private'), ('verify-acme', 10, 'acme-dup', 'private'), ('nobody', 11, 'x', 'public');
    select setval(pg_get_serial_sequence('legacy.workstations_workstation', 'id'), 4);`);
}
