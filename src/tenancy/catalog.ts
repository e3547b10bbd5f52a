// Reads the live catalog: which tables of the database are tenant tables, parents before children.
import { sql } from 'drizzle-orm';
import type { AnyPgDatabase } from './context/index.js';

/** A tenant table of the database and the tenant tables it references. */
export interface CatalogTable {
  table: string;
  references: string[];
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/**
 * The tables of the current schema that have a `tenant_id` column, ordered so that every table
 * comes after the tables it references (self-references aside), then by name.
 *
 * @example
 * ```ts
 * import { tenantTablesInDatabase } from '@stocksync/db/tenancy';
 * const tables = await tenantTablesInDatabase(db);
 * ```
 */
export async function tenantTablesInDatabase(db: Pick<AnyPgDatabase, 'execute'>): Promise<CatalogTable[]> {
  const rows = rowsOf<{ table: string; references: string[] | null }>(
    await db.execute(sql`
      select c.relname as table,
             array_remove(array_agg(distinct r.relname::text), null) as references
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        left join pg_constraint k on k.conrelid = c.oid and k.contype = 'f' and k.confrelid <> c.oid
        left join pg_class r on r.oid = k.confrelid
          and exists (select 1 from pg_attribute ra where ra.attrelid = r.oid and ra.attname = 'tenant_id' and not ra.attisdropped)
       where c.relkind in ('r', 'p') and not c.relispartition
       group by c.relname
       order by c.relname`),
  );
  const pending = new Map(rows.map((r) => [r.table, new Set((r.references ?? []).filter((x) => x !== r.table))]));
  const ordered: CatalogTable[] = [];
  while (pending.size) {
    const ready = [...pending].filter(([, refs]) => [...refs].every((x) => !pending.has(x)));
    // A reference cycle between tables cannot be ordered: emit the rest by name.
    const batch = ready.length ? ready : [...pending];
    for (const [table, refs] of batch.sort(([a], [b]) => a.localeCompare(b))) {
      ordered.push({ table, references: [...refs].sort() });
      pending.delete(table);
    }
  }
  return ordered;
}
