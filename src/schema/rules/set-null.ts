// `ON DELETE SET NULL (<column>)` without the column list, which Citus refuses: each such composite key
// becomes `ON DELETE NO ACTION` plus a BEFORE DELETE trigger on the referenced table that clears the column.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { SET_NULL_REFERENCES, snakeCase } from '../_tenant-table.js';
import { BREAKPOINT, type RulesSql } from './conventions.js';

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** One `'set null'` tenant reference: the key, the referencing table and column, the referenced table. */
export interface SetNullReference {
  /** Constraint name, `<table>_<column>_fkey`. */
  name: string;
  table: string;
  column: string;
  /** The referenced table (its `(tenant_id, id)` key). */
  target: string;
  /** Referencing columns in key order, e.g. `["tenant_id", "user_id"]`. */
  columns: string[];
  /** Referenced columns in key order. */
  targetColumns: string[];
}

/**
 * Every foreign key declared `'set null'` through `tenantRef` among `tables`, sorted by name.
 *
 * @example
 * ```ts
 * import { setNullReferences } from '@stocksync/db/schema';
 * import * as schema from '@stocksync/db/schema';
 * setNullReferences(Object.values(schema)).length; // 42
 * ```
 */
export function setNullReferences(tables: Iterable<unknown>): SetNullReference[] {
  const out: SetNullReference[] = [];
  for (const table of new Set(tables)) {
    let config: ReturnType<typeof getTableConfig>;
    try {
      config = getTableConfig(table as PgTable);
    } catch {
      continue;
    }
    if (!config?.foreignKeys) continue;
    for (const fk of config.foreignKeys) {
      const entry = SET_NULL_REFERENCES.get(fk.getName());
      if (!entry || entry.table !== config.name) continue;
      const ref = fk.reference();
      out.push({
        name: fk.getName(),
        table: config.name,
        column: entry.column,
        target: getTableConfig(ref.foreignTable).name,
        columns: ref.columns.map((c) => snakeCase(c.name)),
        targetColumns: ref.foreignColumns.map((c) => snakeCase(c.name)),
      });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Name of the trigger that clears `ref.column` when a referenced row is deleted. */
export function setNullTriggerName(ref: SetNullReference): string {
  return `${ref.name.replace(/_fkey$/, '')}_set_null`;
}

/**
 * The generic trigger function: `BEFORE DELETE` on the referenced table, it clears the referencing
 * column of the rows of the same tenant (`TG_ARGV`: table, column). Before, not after, the delete:
 * the key's NO ACTION check (an internal AFTER trigger that fires first) then finds nothing left.
 * It runs as the caller, under the same row-level security as the DELETE that fired it. This is the
 * body migration 0035 created; 0036 redefined it to skip rows of a tenant being purged (the purge
 * deletes every row of the tenant anyway), so a generator run for a new migration starts from 0035's form.
 */
export function setNullFunctionSql(): RulesSql {
  const up = `CREATE OR REPLACE FUNCTION stocksync_set_null_reference() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE %I SET %I = NULL WHERE tenant_id = $1 AND %I = $2', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1])
    USING OLD.tenant_id, OLD.id;
  RETURN OLD;
END
$$;`;
  return { up, down: 'DROP FUNCTION IF EXISTS stocksync_set_null_reference();' };
}

/**
 * Up/down SQL turning each `ON DELETE SET NULL (<column>)` key into `ON DELETE NO ACTION` plus the
 * trigger of {@link setNullFunctionSql}; the down restores the column-list form.
 *
 * @example
 * ```ts
 * import { setNullReferences, setNullTriggersSql } from '@stocksync/db/schema';
 * import * as schema from '@stocksync/db/schema';
 * const { up, down } = setNullTriggersSql(setNullReferences(Object.values(schema)));
 * ```
 */
export function setNullTriggersSql(refs: readonly SetNullReference[]): RulesSql {
  const fn = setNullFunctionSql();
  const up: string[] = [fn.up];
  const down: string[] = [fn.down];
  for (const ref of refs) {
    const head =
      `ALTER TABLE ${q(ref.table)} DROP CONSTRAINT ${q(ref.name)}, ADD CONSTRAINT ${q(ref.name)} FOREIGN KEY ` +
      `(${ref.columns.map(q).join(', ')}) REFERENCES ${q(ref.target)}(${ref.targetColumns.map(q).join(', ')})`;
    const trigger = setNullTriggerName(ref);
    up.push(`${head} ON DELETE NO ACTION;`);
    up.push(
      `CREATE TRIGGER ${q(trigger)} BEFORE DELETE ON ${q(ref.target)}\n  FOR EACH ROW EXECUTE FUNCTION stocksync_set_null_reference(${literal(ref.table)}, ${literal(ref.column)});`,
    );
    down.unshift(`${head} ON DELETE SET NULL (${q(ref.column)});`);
    down.unshift(`DROP TRIGGER IF EXISTS ${q(trigger)} ON ${q(ref.target)};`);
  }
  return { up: up.join(BREAKPOINT), down: down.join(BREAKPOINT) };
}
