// SQL helpers for seeders: set-based updates keyed by (tenant_id, id), built from array parameters.
import { sql, type SQL } from 'drizzle-orm';

/** A column written by {@link updateRows}: its SQL name and Postgres type. */
export interface UpdateColumn {
  name: string;
  type: 'text' | 'timestamptz' | 'integer' | 'uuid' | 'date';
}

type Cell = string | number | Date | null | undefined;

/** One row of {@link updateRows}: its key and the new values, in column order. */
export interface UpdateRow {
  tenantId: string;
  id: string;
  values: Cell[];
}

/**
 * A Postgres array literal (`{"a","b",NULL}`) passed as one text parameter.
 *
 * @example
 * ```ts
 * import { arrayLiteral } from '@stocksync/db/seed';
 * arrayLiteral(['a', null]); // '{"a",NULL}'
 * ```
 */
export function arrayLiteral(values: Cell[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    const text = v instanceof Date ? v.toISOString() : String(v);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/**
 * `update <table> set <cols> from unnest(...) where (tenant_id, id) match`: one statement for many
 * rows, with values as array parameters (driver-independent).
 *
 * @example
 * ```ts
 * import { updateRows } from '@stocksync/db/seed';
 * await db.execute(updateRows('tasks', [{ tenantId, id, values: ['todo'] }], [{ name: 'status', type: 'text' }]));
 * ```
 */
export function updateRows(
  table: string,
  rows: UpdateRow[],
  columns: UpdateColumn[],
): SQL {
  const arrays = [
    sql`${arrayLiteral(rows.map((r) => r.tenantId))}::uuid[]`,
    sql`${arrayLiteral(rows.map((r) => r.id))}::uuid[]`,
    ...columns.map((c, i) => sql`${arrayLiteral(rows.map((r) => r.values[i]))}::${sql.raw(c.type)}[]`),
  ];
  const names = ['tenant_id', 'id', ...columns.map((c) => c.name)].map((n) => sql.identifier(`v_${n}`));
  const sets = columns.map((c) => sql`${sql.identifier(c.name)} = v.${sql.identifier(`v_${c.name}`)}`);
  return sql`update ${sql.identifier(table)} t set ${sql.join(sets, sql`, `)}
    from unnest(${sql.join(arrays, sql`, `)}) as v(${sql.join(names, sql`, `)})
    where t.tenant_id = v.v_tenant_id and t.id = v.v_id`;
}
