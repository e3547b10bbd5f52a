// `doctor`: checks a database against what the package expects: roles, extensions, RLS on every
// tenant table, pending or edited migrations, and drift between the drizzle schema and the database.
import type { Command } from 'commander';
import { getTableName, is, sql } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { APP_ROLE, RETENTION_ROLE, type Database } from '@stocksync/db';
import * as schema from '@stocksync/db/schema';
import { migrationStatus } from '@stocksync/db/migrations';
import { checkDeployment } from '@stocksync/db/tenancy';
import { detectCitus, readCitusLayout, verifyContextBinding, verifyShards, type ContextFinding, type Queryable } from '@stocksync/db/citus';
import { rowsOf, withCliDatabase, type CliDatabase, type GlobalOptions } from '../database.js';
import { color, EXIT, print, printJson } from '../output.js';

/** Outcome of one check. */
export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about it (warn and fail only). */
  fix?: string;
}

const EXTENSIONS = ['btree_gist', 'btree_gin'];
const casing = new CasingCache('snake_case');

function schemaTables(): PgTable[] {
  return Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable));
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

async function checkRoles(db: Database): Promise<Check[]> {
  const found = await rows<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; member: boolean }>(
    db,
    sql`select rolname, rolsuper, rolbypassrls, pg_has_role(current_user, oid, 'MEMBER') as member
        from pg_roles where rolname in (${APP_ROLE}, ${RETENTION_ROLE})`,
  );
  const byName = new Map(found.map((r) => [r.rolname, r]));
  const out: Check[] = [];
  const app = byName.get(APP_ROLE);
  if (!app) {
    out.push({ name: `role ${APP_ROLE}`, status: 'fail', detail: 'missing', fix: 'Run `stocksync-db migrate up` (the bootstrap migration creates it).' });
  } else if (app.rolsuper || app.rolbypassrls) {
    out.push({ name: `role ${APP_ROLE}`, status: 'fail', detail: 'is superuser or BYPASSRLS: row-level security would not apply', fix: `ALTER ROLE ${APP_ROLE} NOSUPERUSER NOBYPASSRLS;` });
  } else if (!app.member) {
    out.push({ name: `role ${APP_ROLE}`, status: 'warn', detail: 'the current user cannot SET ROLE to it (withTenant needs that)', fix: `GRANT ${APP_ROLE} TO current_user;` });
  } else {
    out.push({ name: `role ${APP_ROLE}`, status: 'ok', detail: 'exists, subject to RLS, reachable by SET ROLE' });
  }
  out.push(
    byName.has(RETENTION_ROLE)
      ? { name: `role ${RETENTION_ROLE}`, status: 'ok', detail: 'exists' }
      : { name: `role ${RETENTION_ROLE}`, status: 'fail', detail: 'missing', fix: 'Run `stocksync-db migrate up`.' },
  );
  return out;
}

async function checkExtensions(db: Database): Promise<Check[]> {
  const have = new Set((await rows<{ extname: string }>(db, sql`select extname from pg_extension`)).map((r) => r.extname));
  return EXTENSIONS.map((ext) =>
    have.has(ext)
      ? { name: `extension ${ext}`, status: 'ok' as const, detail: 'installed' }
      : { name: `extension ${ext}`, status: 'fail' as const, detail: 'not installed', fix: `Install the contrib package on the server, then \`stocksync-db migrate up\` (CREATE EXTENSION ${ext}).` },
  );
}

async function checkRls(db: Database): Promise<Check[]> {
  const tenantTables = schemaTables()
    .filter((t) => (getTableConfig(t).schema ?? 'public') === 'public')
    .filter((t) => getTableConfig(t).columns.some((c) => casing.getColumnCasing(c) === 'tenant_id'))
    .map((t) => getTableName(t));
  const state = await rows<{ relname: string; rls: boolean; forced: boolean; policy: boolean }>(
    db,
    sql`select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
          (select count(*) = 4 from pg_policy p where p.polrelid = c.oid and p.polpermissive
             and p.polname in (c.relname || '_select', c.relname || '_insert', c.relname || '_update', c.relname || '_delete'))
          and not exists (select 1 from pg_policy p where p.polrelid = c.oid and not p.polpermissive) as policy
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  const byName = new Map(state.map((r) => [r.relname, r]));
  const missing = tenantTables.filter((t) => !byName.has(t));
  const off = tenantTables.filter((t) => byName.has(t) && (!byName.get(t)!.rls || !byName.get(t)!.forced));
  const noPolicy = tenantTables.filter((t) => byName.has(t) && !byName.get(t)!.policy);
  // Tables in the database with tenant_id that the schema does not know still need isolation.
  const extra = await rows<{ table_name: string }>(
    db,
    sql`select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity`,
  );
  const unknownOpen = extra.map((r) => r.table_name).filter((t) => !tenantTables.includes(t));
  const out: Check[] = [];
  const checked = tenantTables.length - missing.length;
  if (off.length || noPolicy.length || unknownOpen.length) {
    const parts = [
      off.length ? `RLS not enabled and forced on ${off.join(', ')}` : '',
      noPolicy.length ? `missing a <table>_select|insert|update|delete policy, or carrying a restrictive one: ${noPolicy.join(', ')}` : '',
      unknownOpen.length ? `tables with tenant_id but no RLS: ${unknownOpen.join(', ')}` : '',
    ].filter(Boolean);
    out.push({
      name: 'row-level security',
      status: 'fail',
      detail: parts.join('; '),
      fix: 'Run `stocksync-db migrate up`; for a table of your own: ALTER TABLE <t> ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY, and define it with tenantTable() (its four per-command policies).',
    });
  } else {
    out.push({ name: 'row-level security', status: 'ok', detail: `enabled, forced and isolated on all ${checked} tenant tables` });
  }
  return out;
}

async function checkMigrations(cli: CliDatabase): Promise<Check[]> {
  try {
    const status = await migrationStatus(cli.handle);
    const pending = status.migrations.filter((m) => m.state !== 'applied');
    const edited = status.migrations.filter((m) => m.checksumOk === false);
    const out: Check[] = [];
    out.push(
      pending.length
        ? {
            name: 'migrations',
            status: 'warn',
            detail: `${pending.length} of ${status.migrations.length} not applied (${pending.map((m) => `${m.name}${m.state === 'pending' ? '' : ` ${m.state}`}`).join(', ')})`,
            fix: 'Run `stocksync-db migrate up` (or `migrate plan` to see the SQL first).',
          }
        : { name: 'migrations', status: 'ok', detail: `all ${status.migrations.length} applied` },
    );
    if (edited.length) {
      out.push({
        name: 'migration checksums',
        status: 'fail',
        detail: `changed on disk after they ran: ${edited.map((m) => m.name).join(', ')}`,
        fix: 'Revert the edit and add a new migration; if harmless, `stocksync-db migrate repair`.',
      });
    }
    return out;
  } catch (error) {
    return [{ name: 'migrations', status: 'fail', detail: error instanceof Error ? error.message : String(error), fix: 'See `stocksync-db migrate status`.' }];
  }
}

async function checkDrift(db: Database): Promise<Check[]> {
  const schemas = [...new Set(['public', ...schemaTables().map((t) => getTableConfig(t).schema ?? 'public')])];
  const columns = await rows<{ table_name: string; column_name: string; is_nullable: string }>(
    db,
    sql`select case when table_schema = 'public' then '' else table_schema || '.' end || table_name as table_name,
          column_name, is_nullable
        from information_schema.columns
        where table_schema in (${sql.join(schemas.map((s) => sql`${s}`), sql`, `)})`,
  );
  const inDb = new Map<string, Map<string, boolean>>();
  for (const c of columns) {
    if (!inDb.has(c.table_name)) inDb.set(c.table_name, new Map());
    inDb.get(c.table_name)!.set(c.column_name, c.is_nullable === 'YES');
  }
  const problems: string[] = [];
  const known = new Set<string>();
  for (const table of schemaTables()) {
    const own = getTableConfig(table).schema;
    const name = own && own !== 'public' ? `${own}.${getTableName(table)}` : getTableName(table);
    known.add(name);
    const dbCols = inDb.get(name);
    if (!dbCols) {
      problems.push(`table ${name} missing`);
      continue;
    }
    const expected = new Set<string>();
    for (const col of getTableConfig(table).columns) {
      const colName = casing.getColumnCasing(col);
      expected.add(colName);
      if (!dbCols.has(colName)) problems.push(`${name}.${colName} missing`);
      else if (col.notNull && dbCols.get(colName)) problems.push(`${name}.${colName} is nullable in the database`);
    }
    for (const colName of dbCols.keys()) if (!expected.has(colName)) problems.push(`${name}.${colName} not in the schema`);
  }
  const unknownTables = [...inDb.keys()].filter((t) => !known.has(t));
  const out: Check[] = [
    problems.length
      ? {
          name: 'schema drift',
          status: 'fail',
          detail: problems.slice(0, 12).join('; ') + (problems.length > 12 ? `; and ${problems.length - 12} more` : ''),
          fix: 'Apply pending migrations; if the schema changed, `npx drizzle-kit generate` a migration for it.',
        }
      : { name: 'schema drift', status: 'ok', detail: `${known.size} tables match the drizzle schema` },
  ];
  if (unknownTables.length) {
    out.push({ name: 'unknown tables', status: 'warn', detail: `in the database but not in the schema: ${unknownTables.join(', ')}`, fix: 'Drop them or add them to the schema.' });
  }
  return out;
}

/** The Postgres majors the package is tested on (docs/deployment.md, "Postgres versions"). */
export const SUPPORTED_MAJORS = { min: 15, max: 18 } as const;

/**
 * The server's major version against the tested range: ok inside it, warn outside (the
 * package may still work there, but nothing tests it).
 */
export function checkServerVersion(versionNum: number, version: string): Check {
  const major = Math.floor(versionNum / 10000);
  const { min, max } = SUPPORTED_MAJORS;
  if (!Number.isInteger(major) || major <= 0) {
    return { name: 'postgres version', status: 'warn', detail: `unknown (server_version ${version})`, fix: `Use PostgreSQL ${min} to ${max}.` };
  }
  if (major < min) {
    return { name: 'postgres version', status: 'warn', detail: `PostgreSQL ${major} (${version}) is older than the tested majors ${min} to ${max}`, fix: `Upgrade the server to PostgreSQL ${min} to ${max}.` };
  }
  if (major > max) {
    return { name: 'postgres version', status: 'warn', detail: `PostgreSQL ${major} (${version}) is newer than the tested majors ${min} to ${max}`, fix: `Run the package's tests on it first, or use PostgreSQL ${min} to ${max}.` };
  }
  return { name: 'postgres version', status: 'ok', detail: `PostgreSQL ${major} (${version}), tested majors ${min} to ${max}` };
}

/** On a Citus coordinator: placement of every table, one colocation group, shards equal to their tables. */
async function checkCitus(db: Database): Promise<Check[]> {
  const conn: Queryable = {
    query: async <T extends Record<string, unknown>>(text: string) => rowsOf<T>(await db.execute(sql.raw(text))),
  };
  const citus = await detectCitus(conn);
  if (!citus) return [];
  const tables = await readCitusLayout(conn, { citus: true });
  const misplaced = tables.filter((t) => t.current !== t.wanted);
  const distributed = tables.filter((t) => t.current === 'distributed');
  const groups = new Set(distributed.map((t) => t.colocationId));
  const out: Check[] = [
    { name: 'citus', status: citus.workers ? 'ok' : 'fail', detail: `Citus ${citus.version}, ${citus.workers} active workers`, ...(citus.workers ? {} : { fix: 'Add workers with citus_add_node(host, port).' }) },
    misplaced.length
      ? { name: 'citus placement', status: 'fail', detail: misplaced.map((t) => `${t.qualified} is ${t.current}, wanted ${t.wanted}`).join('; '), fix: 'Run `stocksync-db citus distribute` (see docs/scaling.md).' }
      : { name: 'citus placement', status: 'ok', detail: `${distributed.length} distributed, ${tables.filter((t) => t.current === 'reference').length} reference, ${tables.filter((t) => t.current === 'local').length} local (migration history) tables` },
    groups.size > 1
      ? { name: 'citus colocation', status: 'fail', detail: `${groups.size} colocation groups among the tenant tables`, fix: 'Run `stocksync-db citus distribute`: it colocates them.' }
      : { name: 'citus colocation', status: 'ok', detail: `every tenant table in colocation group ${[...groups][0] ?? '-'}` },
  ];
  if (distributed.length) {
    const mismatches = await verifyShards(conn);
    const byKind = [...new Set(mismatches.map((m) => `${m.what} (${new Set(mismatches.filter((x) => x.what === m.what).map((x) => x.table)).size} tables)`))];
    out.push(
      mismatches.length
        ? { name: 'citus shards', status: 'fail', detail: `${mismatches.length} shard placements differ from their table: ${byKind.join(', ')}`, fix: 'Run `stocksync-db citus distribute` (privileges); policies that differ come from restrictive policies, which Citus re-creates as permissive.' }
        : { name: 'citus shards', status: 'ok', detail: 'every shard has the privileges, policies and RLS flags of its table' },
    );
  }
  if (citus.workers) out.push(contextCheck(await verifyContextBinding(conn)));
  return out;
}

/** The signed tenant context on every node: binding, key, key privileges, replay functions. */
function contextCheck(findings: ContextFinding[]): Check {
  if (!findings.length) {
    return { name: 'citus context', status: 'ok', detail: 'the signed tenant context holds on every node: bound to the distributed transaction, same owner-only key everywhere, replay functions closed' };
  }
  const what = new Set(findings.map((f) => f.what));
  const fix = what.has('migration')
    ? 'Run `stocksync-db migrate up` (0038), then `stocksync-db citus distribute`.'
    : what.has('replay') && what.size === 1
      ? 'As a superuser on the coordinator: REVOKE EXECUTE ON FUNCTION <each> FROM PUBLIC (docs/scaling.md), then `stocksync-db citus distribute`.'
      : 'Run `stocksync-db citus distribute`: it binds the context and copies the key to every worker (after adding a node too).';
  return { name: 'citus context', status: 'fail', detail: findings.map((f) => `${f.node}: ${f.what}: ${f.detail}`).join('; '), fix };
}

// The deployment checks of the library (role model, policies, privileges, a forgery attempt), as the
// operator: the CLI connects as the owner, so the service role is checked from the catalog.
async function checkSecurity(db: Database): Promise<Check[]> {
  const findings = await checkDeployment(db, { as: 'operator' });
  return findings
    .filter((f) => f.check !== `role ${APP_ROLE}` && f.check !== 'row-level security')
    .map((f) => ({ name: f.check, status: f.status, detail: f.detail, ...(f.fix ? { fix: f.fix } : {}) }));
}

/** Runs every check on an open CLI database. */
export async function runDoctor(cli: CliDatabase): Promise<Check[]> {
  const [version] = await rows<{ v: string; n: string }>(
    cli.db,
    sql`select current_setting('server_version') as v, current_setting('server_version_num') as n`,
  );
  const checks: Check[] = [{ name: 'connection', status: 'ok', detail: `${cli.target.display}, PostgreSQL ${version?.v ?? '?'}` }];
  checks.push(checkServerVersion(Number(version?.n), version?.v ?? '?'));
  checks.push(...(await checkRoles(cli.db)));
  checks.push(...(await checkExtensions(cli.db)));
  checks.push(...(await checkMigrations(cli)));
  checks.push(...(await checkRls(cli.db)));
  checks.push(...(await checkSecurity(cli.db)));
  checks.push(...(await checkDrift(cli.db)));
  if (cli.target.kind === 'server') checks.push(...(await checkCitus(cli.db)));
  return checks;
}

/** Registers `doctor`. */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('Check the database: roles, extensions, RLS on every tenant table, pending migrations, schema drift.')
    .addHelpText(
      'after',
      `
Exit code 0 when every check passes (warnings allowed), 1 when one fails.

Examples:
  $ stocksync-db doctor
  $ stocksync-db doctor --url postgres://localhost/prod --json`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const opts = command.optsWithGlobals<GlobalOptions>();
      await withCliDatabase(opts, async (cli) => {
        const checks = await runDoctor(cli);
        const failed = checks.filter((c) => c.status === 'fail').length;
        if (opts.json) {
          printJson({ ok: failed === 0, checks });
        } else {
          const mark = { ok: color.green('ok  '), warn: color.yellow('warn'), fail: color.red('FAIL') };
          const width = Math.max(...checks.map((c) => c.name.length));
          for (const c of checks) {
            print(`${mark[c.status]}  ${c.name.padEnd(width)}  ${c.detail}`);
            if (c.fix) print(`      ${' '.repeat(width)}  ${color.dim(`-> ${c.fix}`)}`);
          }
          print(failed ? color.red(`${failed} check(s) failed.`) : color.green('All checks passed.'));
        }
        if (failed) process.exitCode = EXIT.failure;
      });
    });
}
