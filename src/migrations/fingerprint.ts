// A comparable description of a database's schema (from the catalogs, so it works on PGlite too)
// and of its data, for `verify`: the state after a down must equal the state before the up.
import type { MigrationConnection } from './adapter.js';
import { quoteIdent } from './sql.js';

const USER_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg\\_%' and n.nspname <> $1`;
const NOT_EXTENSION = (oid: string) => `not exists (select 1 from pg_depend d where d.objid = ${oid} and d.deptype = 'e')`;

const QUERIES: Array<[string, string]> = [
  ['schema', `select 'schema ' || n.nspname || ' acl=' || coalesce(n.nspacl::text, '') as line from pg_namespace n where ${USER_SCHEMAS}`],
  ['extension', `select 'extension ' || extname as line from pg_extension`],
  [
    'relation',
    `select 'relation ' || n.nspname || '.' || c.relname || ' kind=' || c.relkind::text || ' rls=' || c.relrowsecurity::text || ' force=' || c.relforcerowsecurity::text
        || ' persistence=' || c.relpersistence::text || ' acl=' || coalesce(c.relacl::text, '') as line
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${USER_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and ${NOT_EXTENSION('c.oid')}`,
  ],
  [
    'column',
    `select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || ' notnull=' || a.attnotnull::text || ' default=' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '')
        || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text as line
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
       left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
      where ${USER_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped and ${NOT_EXTENSION('c.oid')}`,
  ],
  [
    'constraint',
    `select 'constraint ' || n.nspname || '.' || coalesce(c.relname, t.typname) || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid) as line
       from pg_constraint con join pg_namespace n on n.oid = con.connamespace
       left join pg_class c on c.oid = con.conrelid left join pg_type t on t.oid = con.contypid
      where ${USER_SCHEMAS} and con.contype <> 'n'`,
  ],
  [
    'index',
    `select 'index ' || pg_get_indexdef(i.indexrelid) as line
       from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where ${USER_SCHEMAS} and ${NOT_EXTENSION('i.indrelid')}`,
  ],
  [
    'policy',
    `select 'policy ' || schemaname || '.' || tablename || '.' || policyname || ' ' || permissive || ' ' || cmd || ' to=' || roles::text
        || ' using=' || coalesce(qual, '') || ' check=' || coalesce(with_check, '') as line
       from pg_policies where schemaname <> $1`,
  ],
  [
    'trigger',
    `select 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text as line
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and ${USER_SCHEMAS}`,
  ],
  [
    'function',
    `select 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') kind=' || p.prokind::text
        || ' md5=' || md5(coalesce(p.prosrc, '')) || ' acl=' || coalesce(p.proacl::text, '') as line
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where ${USER_SCHEMAS} and ${NOT_EXTENSION('p.oid')}`,
  ],
  [
    'type',
    `select 'type ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text || ' ' || coalesce((select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid), '') as line
       from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where ${USER_SCHEMAS} and t.typtype in ('e', 'd') and ${NOT_EXTENSION('t.oid')}`,
  ],
  [
    'view',
    `select 'view ' || n.nspname || '.' || c.relname || ' ' || md5(pg_get_viewdef(c.oid)) as line
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${USER_SCHEMAS} and c.relkind in ('v', 'm')`,
  ],
  [
    'default-acl',
    `select 'default-acl ' || coalesce(n.nspname, '*') || ' ' || d.defaclobjtype::text || ' ' || d.defaclacl::text as line
       from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace`,
  ],
];

/**
 * The schema of a database as sorted lines (tables, columns, constraints, indexes, policies,
 * triggers, functions, types, RLS flags, privileges), ignoring the runner's own schema.
 *
 * @example
 * ```ts
 * import { schemaFingerprint, openMigrationConnection } from '@stocksync/db/migrations';
 * const lines = await schemaFingerprint(await openMigrationConnection({ url }));
 * ```
 */
export async function schemaFingerprint(conn: MigrationConnection, ignoreSchema = 'drizzle'): Promise<string[]> {
  const lines: string[] = [];
  for (const [, text] of QUERIES) {
    const rows = await conn.query<{ line: string }>(text, text.includes('$1') ? [ignoreSchema] : []);
    for (const row of rows) lines.push(row.line);
  }
  return lines.sort();
}

/**
 * One md5 per user table over its rows (text form, sorted), for "down restores the data".
 *
 * @example
 * ```ts
 * import { dataFingerprint } from '@stocksync/db/migrations';
 * const before = await dataFingerprint(conn);
 * ```
 */
export async function dataFingerprint(conn: MigrationConnection, ignoreSchema = 'drizzle', ignoreTables: string[] = []): Promise<string[]> {
  const tables = await conn.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${USER_SCHEMAS} and c.relkind in ('r', 'p') and ${NOT_EXTENSION('c.oid')} order by 1, 2`,
    [ignoreSchema],
  );
  const lines: string[] = [];
  for (const t of tables) {
    if (ignoreTables.includes(`${t.schema}.${t.name}`)) continue;
    const rows = await conn.query<{ n: string; h: string }>(
      `select count(*)::text as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${quoteIdent(t.schema)}.${quoteIdent(t.name)} x`,
    );
    lines.push(`${t.schema}.${t.name} rows=${rows[0]!.n} md5=${rows[0]!.h}`);
  }
  return lines;
}

/**
 * Lines only in `before` (-) and only in `after` (+).
 *
 * @example
 * ```ts
 * import { diffLines } from '@stocksync/db/migrations';
 * diffLines(['a', 'b'], ['b', 'c']); // ['- a', '+ c']
 * ```
 */
export function diffLines(before: string[], after: string[]): string[] {
  const a = new Set(before);
  const b = new Set(after);
  return [...before.filter((l) => !b.has(l)).map((l) => `- ${l}`), ...after.filter((l) => !a.has(l)).map((l) => `+ ${l}`)];
}
