// Generates the SQL every domain's rules migration needs and drizzle-kit cannot express: forced RLS,
// updated_at triggers, and `ON DELETE SET NULL (column)` for the keys tenantRef recorded as 'set null'.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { SET_NULL_REFERENCES, snakeCase } from '../_tenant-table.js';

/** Up and down SQL, statements separated by drizzle's `--> statement-breakpoint` lines. */
export interface RulesSql {
  up: string;
  down: string;
}

/** The statement separator of drizzle-kit migration files. */
export const BREAKPOINT = '\n--> statement-breakpoint\n';

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Forced RLS (tenant tables), `<table>_touch_updated_at` triggers (tables with updated_at) and the
 * re-created `ON DELETE SET NULL (<column>)` foreign keys for the given tables, in a stable order.
 *
 * @example
 * ```ts
 * import { conventionsSql, projects, tasks } from '@stocksync/db/schema';
 * const { up, down } = conventionsSql([projects, tasks]);
 * ```
 */
export function conventionsSql(tables: PgTable[]): RulesSql {
  const up: string[] = [];
  const down: string[] = [];
  for (const table of tables) {
    const config = getTableConfig(table);
    const name = config.name;
    const columns = config.columns.map((c) => snakeCase(c.name));
    if (columns.includes('tenant_id')) {
      up.push(`ALTER TABLE ${q(name)} FORCE ROW LEVEL SECURITY;`);
      down.unshift(`ALTER TABLE ${q(name)} NO FORCE ROW LEVEL SECURITY;`);
    }
    if (columns.includes('updated_at')) {
      up.push(
        `CREATE TRIGGER ${name}_touch_updated_at BEFORE UPDATE ON ${q(name)}\n  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();`,
      );
      down.unshift(`DROP TRIGGER IF EXISTS ${name}_touch_updated_at ON ${q(name)};`);
    }
    for (const fk of config.foreignKeys) {
      const fkName = fk.getName();
      const entry = SET_NULL_REFERENCES.get(fkName);
      if (!entry) continue;
      const ref = fk.reference();
      const cols = ref.columns.map((c) => q(snakeCase(c.name))).join(', ');
      const target = getTableConfig(ref.foreignTable).name;
      const targetCols = ref.foreignColumns.map((c) => q(snakeCase(c.name))).join(', ');
      const head = `ALTER TABLE ${q(name)} ADD CONSTRAINT ${q(fkName)} FOREIGN KEY (${cols}) REFERENCES ${q(target)}(${targetCols})`;
      up.push(`ALTER TABLE ${q(name)} DROP CONSTRAINT ${q(fkName)};`);
      up.push(`${head} ON DELETE SET NULL (${q(entry.column)});`);
      down.unshift(`${head} ON DELETE NO ACTION;`);
      down.unshift(`ALTER TABLE ${q(name)} DROP CONSTRAINT ${q(fkName)};`);
    }
  }
  return { up: up.join(BREAKPOINT), down: down.join(BREAKPOINT) };
}

/**
 * Joins several rules into one migration: ups in order, downs in reverse order.
 *
 * @example
 * ```ts
 * import { joinRulesSql, conventionsSql, sprintOverlapSql, sprints } from '@stocksync/db/schema';
 * const { up, down } = joinRulesSql([conventionsSql([sprints]), sprintOverlapSql()]);
 * ```
 */
export function joinRulesSql(parts: RulesSql[]): RulesSql {
  return {
    up: parts.map((p) => p.up).filter(Boolean).join(BREAKPOINT),
    down: [...parts]
      .reverse()
      .map((p) => p.down)
      .filter(Boolean)
      .join(BREAKPOINT),
  };
}

/**
 * A SQL string literal (single quotes doubled), for constants written into generated SQL.
 *
 * @example
 * ```ts
 * import { sqlLiteral } from '@stocksync/db/schema';
 * sqlLiteral("it's"); // 'it''s'
 * ```
 */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
