// Names and stamps of tenant schemas: the schema a tenant's rows live in, and the comment that records
// which tenant it belongs to and which template structure it was last brought to.
import { sql } from 'drizzle-orm';
import type { SqlRunner } from './structure.js';

/** Every tenant schema's comment starts with this. */
export const STAMP_PREFIX = 'stocksync tenant schema';

/**
 * The schema of a tenant with `isolation = 'schema'`: `tenant_` and its id's 32 hex digits (the same
 * rule as the database's stocksync_tenant_schema()).
 *
 * @example
 * ```ts
 * import { tenantSchemaName } from '@stocksync/db/tenant-schemas';
 * tenantSchemaName('0190f0e4-7a3b-7c1d-8e2f-0123456789ab'); // 'tenant_0190f0e47a3b7c1d8e2f0123456789ab'
 * ```
 */
export function tenantSchemaName(tenantId: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(tenantId)) {
    throw new TypeError(`"${tenantId}" is not a lowercase uuid.`);
  }
  return `tenant_${tenantId.replace(/-/g, '')}`;
}

/** The comment a synced schema carries. */
export function stampComment(tenantId: string, digest: string): string {
  return `${STAMP_PREFIX} ${tenantId} ${digest}`;
}

/** One tenant schema of the database, as its stamp says. */
export interface TenantSchemaStamp {
  schema: string;
  tenantId: string;
  digest: string;
}

/**
 * Every tenant schema of the database with its stamp, from one catalog query.
 *
 * @example
 * ```ts
 * import { listTenantSchemas } from '@stocksync/db/tenant-schemas';
 * const schemas = await listTenantSchemas(db);
 * ```
 */
export async function listTenantSchemas(db: SqlRunner): Promise<TenantSchemaStamp[]> {
  const result = (await db.execute(sql`select n.nspname as schema, obj_description(n.oid, 'pg_namespace') as comment
    from pg_namespace n where n.nspname like 'tenant\\_%' order by 1`)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { schema: string; comment: string | null }[];
  const re = new RegExp(`^${STAMP_PREFIX} ([0-9a-f-]{36}) ([0-9a-f]+)$`);
  return rows.flatMap((r) => {
    const m = re.exec(r.comment ?? '');
    return m ? [{ schema: r.schema, tenantId: m[1]!, digest: m[2]! }] : [];
  });
}
