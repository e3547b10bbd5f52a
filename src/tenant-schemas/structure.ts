// The structure of a schema's tenant tables, read from the catalog as a list of objects (functions,
// tables, columns, constraints, indexes, triggers, row security, policies, grants), each with the SQL
// that creates it in any schema: the template (`public`) and every tenant schema are read the same way,
// so a tenant schema is created and migrated by comparing the two lists.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { GLOBAL_TABLES, GLOBAL_UNIQUE_INDEXES } from '../schema/_global-tables.js';

/** Stands for the target schema's quoted name in {@link SchemaObject} SQL. */
export const SCHEMA_PLACEHOLDER = '\u0001schema\u0001';

/** The kinds of object, in the order they are created (dropped in reverse). */
export const OBJECT_KINDS = ['function', 'table', 'column', 'constraint', 'index', 'foreign_key', 'trigger', 'rls', 'policy', 'grant'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** One object of a tenant schema. */
export interface SchemaObject {
  kind: ObjectKind;
  /** Unique within a schema: kind, table and name. */
  key: string;
  table: string | null;
  /** The statements that create it, with {@link SCHEMA_PLACEHOLDER} for the schema. */
  create: string[];
  /** The statements that drop it. */
  drop: string[];
  /** For columns: what an ALTER can change in place. */
  column?: { name: string; type: string; notNull: boolean; default: string | null };
}

/** The structure of one schema. */
export interface SchemaStructure {
  schema: string;
  objects: SchemaObject[];
}

/** A drizzle database or transaction: what these functions need of it. */
export interface SqlRunner {
  execute(query: SQL): PromiseLike<unknown>;
}
/** A drizzle database or transaction that can open a (nested) transaction. */
export interface TransactionRunner extends SqlRunner {
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}
type Db = SqlRunner;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/** Quotes an identifier as format('%I') does. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

const GLOBAL = new Set([...GLOBAL_TABLES.map((t) => t.table), ...GLOBAL_UNIQUE_INDEXES.map((i) => i.table)]);

/** Tables of the template (`public`) a tenant schema holds: every table with `tenant_id` that is not global. */
export async function templateTables(db: Db): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where c.relkind in ('r', 'p') and not c.relispartition order by 1`),
  );
  return rows.map((r) => r.name).filter((name) => !GLOBAL.has(name));
}

/** Escapes a string for use in a regular expression. */
function reEscape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites SQL printed with an empty search_path (every name qualified) so that the given schema's
 * tenant tables and cloned functions point at the placeholder; other names (global tables, shared
 * functions) keep their schema.
 */
function placeholderRewriter(schema: string, names: string[]): (text: string) => string {
  if (!names.length) return (text) => text;
  const qs = quoteIdent(schema);
  const alternatives = names
    .sort((a, b) => b.length - a.length)
    .map((n) => `${reEscape(n)}|"${reEscape(n.replace(/"/g, '""'))}"`)
    .join('|');
  const re = new RegExp(`(^|[^A-Za-z0-9_$."])${reEscape(qs)}\\.(${alternatives})(?![A-Za-z0-9_$])`, 'g');
  return (text) => text.replace(re, (_m, lead: string, name: string) => `${lead}${SCHEMA_PLACEHOLDER}.${name}`);
}

interface FunctionRow {
  signature: string;
  name: string;
  def: string;
  owner: string;
  has_path: boolean;
  acl: string[] | null;
}

/**
 * Reads the structure of `schema`'s tenant tables. `tables`: the tables to read (the template's);
 * a tenant schema is read for the same names, so tables it lacks or has extra show up in the diff.
 * Runs in a transaction with an empty search_path, so every name the catalog prints is qualified.
 */
export async function readStructure(db: TransactionRunner, schema: string, tables: string[]): Promise<SchemaStructure> {
  return db.transaction(async (tx) => {
    // Inside a caller's transaction this is a savepoint, and the path would stay empty after it: put it back.
    const [saved] = rowsOf<{ path: string }>(await tx.execute(sql`select current_setting('search_path') as path`));
    await tx.execute(sql`select set_config('search_path', '', true)`);
    const structure = await readStructureIn(tx, schema, tables);
    await tx.execute(sql`select set_config('search_path', ${saved!.path}, true)`);
    return structure;
  });
}

async function readStructureIn(tx: Db, schema: string, wanted: string[]): Promise<SchemaStructure> {
  const present = rowsOf<{ name: string; oid: number; owner: string; rls: boolean; force: boolean; acl: string[] | null }>(
    await tx.execute(sql`select c.relname as name, c.oid::int as oid, pg_get_userbyid(c.relowner) as owner,
        c.relrowsecurity as rls, c.relforcerowsecurity as force, c.relacl::text[] as acl
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'p') and not c.relispartition
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`),
  ).filter((t) => schema !== 'public' || wanted.includes(t.name));
  const tables = present.map((t) => t.name);
  const oids = present.map((t) => t.oid);
  const oidArray = `{${oids.join(',')}}`;
  // Functions to clone: the trigger functions of these tables, and functions of the schema that name one
  // of its tables qualified (they run with a fixed search_path, so they must be rewritten per schema).
  const functions = rowsOf<FunctionRow>(
    await tx.execute(sql`select p.oid::regprocedure::text as signature, p.proname as name, pg_get_functiondef(p.oid) as def,
        pg_get_userbyid(p.proowner) as owner, p.proacl::text[] as acl,
        exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search\\_path=%') as has_path
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = ${schema} and p.prokind = 'f'
        and (exists (select 1 from pg_trigger t where t.tgfoid = p.oid and t.tgrelid = any(${oidArray}::oid[]) and not t.tgisinternal)
             or p.prosrc ~ ${`${quoteIdent(schema)}\\."?(${tables.map(reEscape).join('|') || '$^'})"?([^A-Za-z0-9_$]|$)`})
      order by 1`),
  );
  const rewrite = placeholderRewriter(schema, [...tables, ...functions.map((f) => f.name)]);
  const objects: SchemaObject[] = [];
  const ph = SCHEMA_PLACEHOLDER;

  for (const f of functions) {
    let def = rewrite(f.def.replace(/\s+$/, ''));
    // A cloned function without a fixed search_path resolves the tables it names unqualified in its own
    // schema first, whoever calls it (a tenant transaction, the owner's tools, a cascade).
    const clonedPath = (name: string) => `\n SET search_path TO '${name}', 'public'\nAS $`;
    if (schema === 'public') {
      if (!f.has_path) def = def.replace(/\nAS \$/, clonedPath(ph));
    } else {
      def = def.replace(clonedPath(quoteIdent(schema)), clonedPath(ph));
    }
    const args = f.signature.slice(f.signature.indexOf('('));
    const qualified = `${ph}.${quoteIdent(f.name)}${args}`;
    objects.push({
      kind: 'function',
      key: `function:${f.name}${args}`,
      table: null,
      create: [
        def,
        `ALTER FUNCTION ${qualified} OWNER TO ${quoteIdent(f.owner)}`,
        // A null ACL is the default (EXECUTE for PUBLIC); otherwise the grants exactly as the template's.
        ...(f.acl === null
          ? []
          : [`REVOKE ALL ON FUNCTION ${qualified} FROM PUBLIC`, ...aclGrants(f.acl, f.owner, FUNCTION_PRIVILEGES).map((g) => `GRANT EXECUTE ON FUNCTION ${qualified} TO ${g.grantee}`)]),
      ],
      drop: [`DROP FUNCTION IF EXISTS ${qualified}`],
    });
  }

  for (const t of present) {
    const qt = `${ph}.${quoteIdent(t.name)}`;
    objects.push({
      kind: 'table',
      key: `table:${t.name}`,
      table: t.name,
      create: [`CREATE TABLE ${qt} ()`, `ALTER TABLE ${qt} OWNER TO ${quoteIdent(t.owner)}`],
      drop: [`DROP TABLE IF EXISTS ${qt} CASCADE`],
    });
    if (t.rls || t.force) {
      objects.push({
        kind: 'rls',
        key: `rls:${t.name}`,
        table: t.name,
        create: [t.rls && `ALTER TABLE ${qt} ENABLE ROW LEVEL SECURITY`, t.force && `ALTER TABLE ${qt} FORCE ROW LEVEL SECURITY`].filter((x): x is string => !!x),
        drop: [`ALTER TABLE ${qt} NO FORCE ROW LEVEL SECURITY`, `ALTER TABLE ${qt} DISABLE ROW LEVEL SECURITY`],
      });
    }
    const grants = aclGrants(t.acl, t.owner);
    if (grants.length) {
      const grantees = [...new Set(grants.map((g) => g.grantee))];
      objects.push({
        kind: 'grant',
        key: `grant:${t.name}`,
        table: t.name,
        create: grants.map((g) => `GRANT ${g.privileges.join(', ')} ON TABLE ${qt} TO ${g.grantee}`),
        drop: [`REVOKE ALL ON TABLE ${qt} FROM ${grantees.join(', ')}`],
      });
    }
  }
  if (!oids.length) return { schema, objects };

  const columns = rowsOf<{ table: string; name: string; type: string; not_null: boolean; default: string | null; generated: string; identity: string }>(
    await tx.execute(sql`select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod)
        || case when a.attcollation <> t.typcollation and a.attcollation <> 0 then ' COLLATE ' || (select quote_ident(l.collname) from pg_collation l where l.oid = a.attcollation) else '' end as type,
        a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default, a.attgenerated::text as generated, a.attidentity::text as identity
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_type t on t.oid = a.atttypid
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid = any(${oidArray}::oid[]) and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`),
  );
  for (const c of columns) {
    const qt = `${ph}.${quoteIdent(c.table)}`;
    const def = c.default === null ? null : rewrite(c.default);
    let spec = `${quoteIdent(c.name)} ${c.type}`;
    if (c.generated === 's') spec += ` GENERATED ALWAYS AS (${def}) STORED`;
    else if (def !== null) spec += ` DEFAULT ${def}`;
    if (c.identity === 'a' || c.identity === 'd') spec += ` GENERATED ${c.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
    if (c.not_null) spec += ' NOT NULL';
    objects.push({
      kind: 'column',
      key: `column:${c.table}.${c.name}`,
      table: c.table,
      create: [`ALTER TABLE ${qt} ADD COLUMN IF NOT EXISTS ${spec}`],
      drop: [`ALTER TABLE ${qt} DROP COLUMN IF EXISTS ${quoteIdent(c.name)}`],
      column: { name: c.name, type: c.type, notNull: c.not_null, default: c.generated === 's' || c.identity ? `${c.generated}${c.identity}:${def}` : def },
    });
  }

  // Constraints (NOT NULL rows of PostgreSQL 18 are the columns' attnotnull), then foreign keys last.
  const constraints = rowsOf<{ table: string; name: string; type: string; def: string }>(
    await tx.execute(sql`select c.relname as table, k.conname as name, k.contype::text as type, pg_get_constraintdef(k.oid) as def
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      where k.conrelid = any(${oidArray}::oid[]) and k.contype in ('c', 'p', 'u', 'x', 'f') and k.conislocal
      order by c.relname, k.contype <> 'p', k.conname`),
  );
  for (const k of constraints) {
    const qt = `${ph}.${quoteIdent(k.table)}`;
    objects.push({
      kind: k.type === 'f' ? 'foreign_key' : 'constraint',
      key: `${k.type === 'f' ? 'foreign_key' : 'constraint'}:${k.table}.${k.name}`,
      table: k.table,
      create: [`ALTER TABLE ${qt} ADD CONSTRAINT ${quoteIdent(k.name)} ${rewrite(k.def)}`],
      drop: [`ALTER TABLE ${qt} DROP CONSTRAINT IF EXISTS ${quoteIdent(k.name)}`],
    });
  }

  const indexes = rowsOf<{ table: string; name: string; def: string }>(
    await tx.execute(sql`select c.relname as table, i.relname as name, pg_get_indexdef(x.indexrelid) as def
      from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
      where x.indrelid = any(${oidArray}::oid[])
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid and k.contype in ('p', 'u', 'x'))
      order by 1, 2`),
  );
  const tableRewrite = placeholderRewriter(schema, tables);
  for (const i of indexes) {
    objects.push({
      kind: 'index',
      key: `index:${i.table}.${i.name}`,
      table: i.table,
      create: [tableRewrite(i.def)],
      drop: [`DROP INDEX IF EXISTS ${ph}.${quoteIdent(i.name)}`],
    });
  }

  const triggers = rowsOf<{ table: string; name: string; def: string; enabled: string }>(
    await tx.execute(sql`select c.relname as table, t.tgname as name, pg_get_triggerdef(t.oid) as def, t.tgenabled::text as enabled
      from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgrelid = any(${oidArray}::oid[]) and not t.tgisinternal order by 1, 2`),
  );
  const ENABLE: Record<string, string> = { D: 'DISABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' };
  for (const t of triggers) {
    const qt = `${ph}.${quoteIdent(t.table)}`;
    const mode = ENABLE[t.enabled];
    objects.push({
      kind: 'trigger',
      key: `trigger:${t.table}.${t.name}`,
      table: t.table,
      create: [rewrite(t.def), ...(mode ? [`ALTER TABLE ${qt} ${mode} TRIGGER ${quoteIdent(t.name)}`] : [])],
      drop: [`DROP TRIGGER IF EXISTS ${quoteIdent(t.name)} ON ${qt}`],
    });
  }

  const policies = rowsOf<{ table: string; name: string; permissive: boolean; cmd: string; roles: string[]; qual: string | null; check: string | null }>(
    await tx.execute(sql`select c.relname as table, p.polname as name, p.polpermissive as permissive, p.polcmd::text as cmd,
        array(select case when r = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(r)) end from unnest(p.polroles) r order by 1) as roles,
        pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check
      from pg_policy p join pg_class c on c.oid = p.polrelid where p.polrelid = any(${oidArray}::oid[]) order by 1, 2`),
  );
  const CMD: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };
  for (const p of policies) {
    const qt = `${ph}.${quoteIdent(p.table)}`;
    objects.push({
      kind: 'policy',
      key: `policy:${p.table}.${p.name}`,
      table: p.table,
      create: [
        `CREATE POLICY ${quoteIdent(p.name)} ON ${qt} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${CMD[p.cmd]} TO ${p.roles.join(', ')}` +
        (p.qual === null ? '' : ` USING (${rewrite(p.qual)})`) +
        (p.check === null ? '' : ` WITH CHECK (${rewrite(p.check)})`),
      ],
      drop: [`DROP POLICY IF EXISTS ${quoteIdent(p.name)} ON ${qt}`],
    });
  }
  return { schema, objects };
}

const PRIVILEGES: Record<string, string> = {
  r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', D: 'TRUNCATE', x: 'REFERENCES', t: 'TRIGGER', m: 'MAINTAIN',
};

const FUNCTION_PRIVILEGES: Record<string, string> = { X: 'EXECUTE' };

/** The grants of an ACL (text items like `role=arw/grantor`), the owner's own left out. */
function aclGrants(acl: string[] | null, owner: string, names: Record<string, string> = PRIVILEGES): { grantee: string; privileges: string[] }[] {
  if (!acl) return [];
  const out: { grantee: string; privileges: string[] }[] = [];
  for (const item of acl) {
    const match = /^(.*)=([A-Za-z*]*)\/(.*)$/.exec(item);
    if (!match) continue;
    const grantee = match[1] === '' ? 'PUBLIC' : match[1]!.replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
    if (grantee === owner) continue;
    const privileges = [...match[2]!.replace(/\*/g, '')].map((c) => names[c]).filter((p): p is string => !!p).sort();
    if (privileges.length) out.push({ grantee: grantee === 'PUBLIC' ? grantee : quoteIdent(grantee), privileges });
  }
  return out.sort((a, b) => a.grantee.localeCompare(b.grantee));
}

/** A digest of a structure: equal for two schemas exactly when they hold the same objects. */
export function structureDigest(structure: SchemaStructure): string {
  const hash = createHash('sha256');
  for (const o of [...structure.objects].sort((a, b) => a.key.localeCompare(b.key))) hash.update(`${o.key}\u0000${o.create.join('\u0000')}\u0001`);
  return hash.digest('hex').slice(0, 32);
}

/** The SQL of an object for a given schema. */
export function forSchema(text: string, schema: string): string {
  return text.split(SCHEMA_PLACEHOLDER).join(quoteIdent(schema));
}
