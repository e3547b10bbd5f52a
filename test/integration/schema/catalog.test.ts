// Catalog tests over every table of the migrated database and every table exported by src/schema:
// a new table that forgets a convention (tenant_id, forced RLS and its policy, tenant-leading keys
// and indexes, composite tenant foreign keys, set-null triggers, updated_at trigger) fails here.
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../src/schema/index.js';
import {
  CONTEXT_TENANT_FUNCTIONS,
  GLOBAL_TABLES,
  GLOBAL_UNIQUE_INDEXES,
  SET_NULL_REFERENCES,
  tableAccess,
  type AccessLevel,
} from '../../../src/schema/index.js';
import { openSchemaDatabase, type SchemaDatabase } from './helpers.js';

let db: SchemaDatabase;
const GLOBAL = new Set(GLOBAL_TABLES.map((t) => t.table));
const GLOBAL_UNIQUE = new Set(GLOBAL_UNIQUE_INDEXES.map((i) => `${i.table}.${i.index}`));

beforeAll(async () => {
  db = await openSchemaDatabase();
});
afterAll(() => db?.close());

// The connection the checks query: the pool, or a client holding a deliberately broken table.
let queryable: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> } | undefined;

async function rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await (queryable ?? db.pool).query(text, params)).rows as T[];
}

/** Every ordinary table of the public schema, with its RLS flags and columns. */
async function publicTables() {
  return rows<{ table: string; rls: boolean; forced: boolean; columns: string[] }>(
    `select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
            array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
}

const schemaTables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t))
  .filter((c) => (c.schema ?? 'public') === 'public');

/**
 * Tenant tables without forced RLS or without their four permissive per-command policies for stocksync_app,
 * each comparing tenant_id with the verified-context function of its access level (src/schema/_access.ts).
 */
async function rlsProblems(): Promise<string[]> {
  const tables = (await publicTables()).filter((t) => !GLOBAL.has(t.table));
  const policies = await rows<{ table: string; policy: string; permissive: string; roles: string[]; cmd: string; qual: string | null; check: string | null }>(
    `select tablename as table, policyname as policy, permissive, roles::text[] as roles, cmd, qual, with_check as check
       from pg_policies where schemaname = 'public'`,
  );
  const problems: string[] = [];
  const predicate = (level: AccessLevel) => `(tenant_id = ${CONTEXT_TENANT_FUNCTIONS[level]}())`;
  for (const t of tables) {
    if (!t.rls) problems.push(`${t.table}: RLS not enabled`);
    if (!t.forced) problems.push(`${t.table}: RLS not forced`);
    const access = tableAccess(t.table);
    const expected: Array<[string, string, string | null, string | null]> = [
      ['select', 'SELECT', predicate(access.read), null],
      ['insert', 'INSERT', null, predicate(access.write)],
      ['update', 'UPDATE', predicate(access.write), predicate(access.write)],
      ['delete', 'DELETE', predicate(access.write), null],
    ];
    for (const [suffix, cmd, qual, check] of expected) {
      const p = policies.find((x) => x.table === t.table && x.policy === `${t.table}_${suffix}`);
      if (!p) problems.push(`${t.table}: no ${t.table}_${suffix} policy`);
      else if (p.permissive !== 'PERMISSIVE' || p.cmd !== cmd || !p.roles.includes('stocksync_app') || p.qual !== qual || p.check !== check) {
        problems.push(`${t.table}: policy is ${JSON.stringify(p)}`);
      }
    }
    for (const p of policies.filter((x) => x.table === t.table && x.roles.includes('stocksync_app'))) {
      if (!/_(select|insert|update|delete)$/.test(p.policy)) problems.push(`${t.table}: unexpected policy ${p.policy} for stocksync_app`);
    }
  }
  for (const p of policies.filter((x) => x.permissive !== 'PERMISSIVE')) problems.push(`${p.table}: restrictive policy ${p.policy}`);
  return problems;
}

/** Non-global tables without a `tenant_id uuid not null` column. */
async function tenantColumnProblems(): Promise<string[]> {
  const bad = await rows<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> all($1)
        and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                        and a.attnotnull and a.atttypid = 'uuid'::regtype)`,
    [[...GLOBAL]],
  );
  return bad.map((b) => `${b.table}: no tenant_id uuid not null`);
}

/** Tables with updated_at but without an enabled `<table>_touch_updated_at` trigger. */
async function touchProblems(): Promise<string[]> {
  const missing = await rows<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'updated_at'
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and not exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                        where t.tgrelid = c.oid and t.tgname = c.relname || '_touch_updated_at'
                          and p.proname = 'stocksync_touch_updated_at' and t.tgenabled <> 'D')`,
  );
  return missing.map((m) => `${m.table}: no ${m.table}_touch_updated_at trigger`);
}

/** Tables without a primary key, and tenant tables whose primary key does not start with tenant_id. */
async function primaryKeyProblems(): Promise<string[]> {
  const bad = await rows<{ table: string; def: string }>(
    `select c.relname as table, pg_get_constraintdef(k.oid) as def
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and k.contype = 'p' and c.relname <> all($1)
        and (select attname from pg_attribute where attrelid = c.oid and attnum = k.conkey[1]) <> 'tenant_id'`,
    [[...GLOBAL]],
  );
  const withoutPk = await rows<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')`,
  );
  return [...bad.map((b) => `${b.table}: ${b.def}`), ...withoutPk.map((t) => `${t.table}: no primary key`)];
}

/** Indexes (unique keys and exclusion constraints included) of tenant tables that do not lead with tenant_id. */
async function indexProblems(): Promise<string[]> {
  const indexes = await rows<{ table: string; index: string; first: string | null; def: string }>(
    `select c.relname as table, i.relname as index,
            (select attname::text from pg_attribute where attrelid = c.oid and attnum = x.indkey[0]) as first,
            pg_get_indexdef(i.oid) as def
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname <> all($1)`,
    [[...GLOBAL]],
  );
  const problems = indexes.filter((i) => i.first !== 'tenant_id' && !GLOBAL_UNIQUE.has(`${i.table}.${i.index}`)).map((i) => i.def);
  for (const g of GLOBAL_UNIQUE_INDEXES) {
    if (!indexes.some((i) => i.table === g.table && i.index === g.index)) problems.push(`listed global unique index ${g.index} is missing`);
  }
  if (indexes.length < 50) problems.push(`only ${indexes.length} indexes found`);
  return problems;
}

/** Tenant-to-tenant foreign keys not on (tenant_id, ...), SET NULL keys that would clear tenant_id, 'set null' keys not re-created. */
async function foreignKeyProblems(): Promise<string[]> {
  const fks = await rows<{ table: string; name: string; target: string; cols: string[]; refcols: string[]; deltype: string; setcols: string[] | null }>(
    `select c.relname as table, k.conname as name, f.relname as target,
            array(select attname::text from unnest(k.conkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by o) as cols,
            array(select attname::text from unnest(k.confkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by o) as refcols,
            k.confdeltype::text as deltype,
            case when k.confdelsetcols is null then null else
              array(select attname::text from unnest(k.confdelsetcols) u(n) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n) end as setcols
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class f on f.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and k.contype = 'f'`,
  );
  const problems: string[] = [];
  for (const fk of fks) {
    const tenantToTenant = !GLOBAL.has(fk.table) && !GLOBAL.has(fk.target);
    if (tenantToTenant && (fk.cols[0] !== 'tenant_id' || fk.refcols[0] !== 'tenant_id')) {
      problems.push(`${fk.name}: (${fk.cols.join(', ')}) -> ${fk.target}(${fk.refcols.join(', ')})`);
    }
  }
  // 'set null' keys are NO ACTION plus a BEFORE DELETE trigger on the target that clears the one column
  // (migration citus_rules: Citus refuses SET NULL column lists).
  const triggers = await rows<{ target: string; name: string; args: string }>(
    `select c.relname as target, t.tgname as name, encode(t.tgargs, 'escape') as args
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
      where p.proname = 'stocksync_set_null_reference' and not t.tgisinternal and t.tgenabled <> 'D'
        and (t.tgtype & 2) = 2 and (t.tgtype & 8) = 8 and (t.tgtype & 1) = 1`,
  );
  for (const [name, ref] of SET_NULL_REFERENCES) {
    const fk = fks.find((f) => f.name === name && f.table === ref.table);
    if (!fk) continue; // a key of another Postgres schema
    if (fk.deltype !== 'a' || fk.setcols !== null) {
      problems.push(`${name}: declared 'set null' but the database has confdeltype ${fk.deltype} on ${JSON.stringify(fk.setcols)}`);
    }
    const trigger = triggers.find((t) => t.name === name.replace(/_fkey$/, '_set_null') && t.target === fk.target);
    if (!trigger || trigger.args !== `${ref.table}\\000${ref.column}\\000`) {
      problems.push(`${name}: no BEFORE DELETE FOR EACH ROW trigger ${name.replace(/_fkey$/, '_set_null')} on ${fk.target} clearing ${ref.column} (found ${JSON.stringify(trigger)})`);
    }
  }
  for (const fk of fks) if (fk.deltype === 'n' || fk.deltype === 'd') problems.push(`${fk.name}: ON DELETE SET NULL/DEFAULT (Citus refuses it on the distribution column and column lists)`);
  if ([...SET_NULL_REFERENCES.keys()].filter((name) => fks.some((f) => f.name === name)).length < 20) {
    problems.push('fewer SET NULL keys than expected');
  }
  return problems;
}

describe('catalog: tables', () => {
  it('the database and src/schema hold the same public tables', async () => {
    const inDb = (await publicTables()).map((t) => t.table).sort();
    expect(inDb).toEqual(schemaTables.map((c) => c.name).sort());
  });

  it('every global table is listed with a reason, and every other table has tenant_id uuid not null', async () => {
    for (const g of GLOBAL_TABLES) expect(g.reason.length, g.table).toBeGreaterThan(20);
    expect(await tenantColumnProblems()).toEqual([]);
    for (const config of schemaTables) {
      const hasTenant = config.columns.some((c) => c.name === 'tenantId' || c.name === 'tenant_id');
      expect(hasTenant || GLOBAL.has(config.name), `${config.name} has no tenantId and is not in GLOBAL_TABLES`).toBe(true);
    }
  });

  it('every tenant table has RLS enabled and forced, its four permissive per-command policies for stocksync_app, and no policy is restrictive', async () => {
    expect(await rlsProblems()).toEqual([]);
  });

  it('every table with updated_at has its <table>_touch_updated_at trigger', async () => {
    expect(await touchProblems()).toEqual([]);
  });
});

describe('catalog: keys and indexes', () => {
  it('every table has a primary key; a tenant table\'s is (tenant_id, ...)', async () => {
    expect(await primaryKeyProblems()).toEqual([]);
  });

  it('every index, unique key and exclusion constraint of a tenant table leads with tenant_id (listed exceptions only)', async () => {
    expect(await indexProblems()).toEqual([]);
  });

  it('every foreign key between tenant tables is composite on tenant_id, and SET NULL clears only its column', async () => {
    expect(await foreignKeyProblems()).toEqual([]);
  });
});

describe('catalog: the checks catch a table that forgets the conventions', () => {
  it('flags a careless table on every check', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query(`create table careless (id uuid primary key, project_id uuid, updated_at timestamptz, label text unique)`);
      await client.query(`create table careless_child (tenant_id uuid not null, id uuid not null, parent_id uuid references careless(id) on delete set null, primary key (id, tenant_id))`);
      await client.query(`alter table careless_child enable row level security`);
      // A restrictive policy is what Citus silently makes permissive: the check must name it.
      await client.query(`create policy careless_child_guard on careless_child as restrictive for all to stocksync_app using (true)`);
      queryable = client;
      expect(await tenantColumnProblems()).toEqual(['careless: no tenant_id uuid not null']);
      expect(await rlsProblems()).toEqual(
        expect.arrayContaining([
          'careless: RLS not enabled',
          'careless: RLS not forced',
          'careless_child: RLS not forced',
          'careless_child: no careless_child_select policy',
          'careless_child: no careless_child_delete policy',
          'careless_child: unexpected policy careless_child_guard for stocksync_app',
          'careless_child: restrictive policy careless_child_guard',
        ]),
      );
      expect(await touchProblems()).toEqual(['careless: no careless_touch_updated_at trigger']);
      expect(await primaryKeyProblems()).toEqual(
        expect.arrayContaining(['careless: PRIMARY KEY (id)', 'careless_child: PRIMARY KEY (id, tenant_id)']),
      );
      expect(await indexProblems()).toEqual(
        expect.arrayContaining([expect.stringContaining('careless_label_key'), expect.stringContaining('careless_pkey')]),
      );
      expect(await foreignKeyProblems()).toEqual([
        'careless_child_parent_id_fkey: (parent_id) -> careless(id)',
        'careless_child_parent_id_fkey: ON DELETE SET NULL/DEFAULT (Citus refuses it on the distribution column and column lists)',
      ]);
    } finally {
      queryable = undefined;
      await client.query('rollback');
      client.release();
    }
  });
});

/** The spec's recommended indexes (001 "Database Indexes Strategy" and per-model Indexes), tenant-led here. */
const SPEC_INDEXES: Array<{ index: string; def: RegExp }> = [
  { index: 'tenants_slug_key', def: /UNIQUE INDEX .* \(slug\)/ },
  { index: 'tenants_email_idx', def: /\(email\)/ },
  { index: 'tenants_is_active_idx', def: /\(is_active\)/ },
  { index: 'users_tenant_id_email_key', def: /UNIQUE INDEX .* \(tenant_id, lower\(\(email\)::text\)\)/ },
  { index: 'users_tenant_id_oauth_provider_oauth_sub_idx', def: /\(tenant_id, oauth_provider, oauth_sub\)/ },
  { index: 'users_tenant_id_role_idx', def: /\(tenant_id, role\)/ },
  { index: 'memberships_tenant_id_user_id_key', def: /UNIQUE INDEX .* \(tenant_id, user_id\)/ },
  { index: 'teams_tenant_id_name_key', def: /UNIQUE INDEX .* \(tenant_id, name\)/ },
  { index: 'projects_tenant_id_name_key', def: /UNIQUE INDEX .* \(tenant_id, name\) WHERE \(deleted_at IS NULL\)/ },
  { index: 'projects_tenant_id_created_at_live_idx', def: /\(tenant_id, created_at DESC( NULLS LAST)?\) WHERE \(deleted_at IS NULL\)/ },
  { index: 'tasks_tenant_id_project_id_status_idx', def: /\(tenant_id, project_id, status\) WHERE \(deleted_at IS NULL\)/ },
  { index: 'tasks_tenant_id_assignee_id_idx', def: /\(tenant_id, assignee_id\) WHERE \(deleted_at IS NULL\)/ },
  { index: 'tasks_tenant_id_sprint_id_idx', def: /\(tenant_id, sprint_id\)/ },
  { index: 'tasks_tenant_id_due_date_idx', def: /\(tenant_id, due_date\) WHERE \(\(\(status\)::text <> 'done'::text\) AND \(deleted_at IS NULL\)\)/ },
  { index: 'tasks_tenant_id_tags_idx', def: /USING gin \(tenant_id, tags\)/ },
  { index: 'sprints_tenant_id_project_id_status_idx', def: /\(tenant_id, project_id, status\)/ },
  { index: 'sprints_tenant_id_start_date_end_date_idx', def: /\(tenant_id, start_date, end_date\)/ },
  { index: 'sprints_tenant_id_project_id_name_key', def: /UNIQUE INDEX .* \(tenant_id, project_id, name\)/ },
  { index: 'sprints_tenant_id_project_id_dates_excl', def: /USING gist \(tenant_id, project_id, daterange\(start_date, end_date, '\[\]'::text\)\) WHERE/ },
  { index: 'documents_tenant_id_folder_id_idx', def: /\(tenant_id, folder_id\) WHERE \(deleted_at IS NULL\)/ },
  { index: 'documents_tenant_id_checksum_idx', def: /\(tenant_id, checksum\)/ },
  { index: 'documents_tenant_id_owner_id_idx', def: /\(tenant_id, owner_id\)/ },
  { index: 'documents_tenant_id_status_updated_at_idx', def: /\(tenant_id, status, updated_at( DESC)( NULLS LAST)?\)/ },
  { index: 'document_versions_tenant_id_document_id_version_number_key', def: /UNIQUE INDEX .* \(tenant_id, document_id, version_number( DESC)( NULLS LAST)?\)/ },
  { index: 'folders_tenant_id_path_key', def: /UNIQUE INDEX .* \(tenant_id, path\) WHERE \(deleted_at IS NULL\)/ },
  { index: 'workflows_tenant_id_status_idx', def: /\(tenant_id, status\)/ },
  { index: 'workflows_tenant_id_workflow_type_idx', def: /\(tenant_id, workflow_type\)/ },
  { index: 'workflow_executions_tenant_id_workflow_id_started_at_idx', def: /\(tenant_id, workflow_id, started_at( DESC)( NULLS LAST)?\)/ },
  { index: 'workflow_executions_tenant_id_status_idx', def: /\(tenant_id, status\)/ },
  { index: 'audit_logs_tenant_id_created_at_idx', def: /\(tenant_id, created_at\)/ },
  { index: 'audit_logs_tenant_id_user_id_created_at_idx', def: /\(tenant_id, user_id, created_at( DESC)( NULLS LAST)?\)/ },
  { index: 'audit_logs_tenant_id_resource_type_resource_id_idx', def: /\(tenant_id, resource_type, resource_id\)/ },
  { index: 'audit_logs_tenant_id_action_idx', def: /\(tenant_id, action\)/ },
  { index: 'audit_logs_tenant_id_severity_idx', def: /\(tenant_id, severity\) WHERE \(\(severity\)::text = ANY/ },
];

describe('catalog: the spec indexes', () => {
  it.each(SPEC_INDEXES)('$index', async ({ index, def }) => {
    const found = await rows<{ def: string }>(
      `select pg_get_indexdef(i.oid) as def from pg_class i join pg_namespace n on n.oid = i.relnamespace
        where n.nspname = 'public' and i.relkind = 'i' and i.relname = $1`,
      [index],
    );
    expect(found.length, `index ${index} is missing`).toBe(1);
    expect(found[0]!.def).toMatch(def);
  });
});
