// Tables that are not tenant-scoped, and unique keys that deliberately span tenants, each with its reason.

/** A table without `tenant_id`, and why. */
export interface GlobalTable {
  table: string;
  reason: string;
}

/**
 * Every table without `tenant_id`. Everything else is tenant-scoped (composite keys, forced RLS);
 * the catalog tests fail for a table that is in neither group. Append entries for new global tables.
 *
 * @example
 * ```ts
 * import { GLOBAL_TABLES } from '@stocksync/db/schema';
 * GLOBAL_TABLES.map((t) => t.table); // ['tenants', ...]
 * ```
 */
export const GLOBAL_TABLES: GlobalTable[] = [
  {
    table: 'tenants',
    reason:
      'The root of isolation: every tenant_id references it, and it is read before a tenant context exists (resolution by slug or domain). On Citus it is a reference table.',
  },
  {
    table: 'billing_products',
    reason:
      'The product catalog (spec: global catalog model): the same products are sold to every tenant, and cart items, order items, subscriptions, entitlements and licenses of every tenant reference it. Read-only for the application role; a Citus reference table.',
  },
  {
    table: 'billing_product_requirements',
    reason:
      "The catalog's `requires` dependencies between billing_products, global like the catalog it belongs to; checkout reads it for every tenant. Read-only for the application role.",
  },
  {
    table: 'tax_rates',
    reason:
      'Tax rates by country and state (spec: TaxRate is a global catalog model): set by law, not by a tenant, and read by every tenant order. Read-only for the application role.',
  },
];

/** A unique index that does not include `tenant_id`, on a tenant table, and why. */
export interface GlobalUniqueIndex {
  table: string;
  index: string;
  reason: string;
}

/**
 * Unique indexes on tenant tables that must hold across tenants. The catalog tests allow exactly
 * these; any other unique key without `tenant_id` fails them.
 *
 * @example
 * ```ts
 * import { GLOBAL_UNIQUE_INDEXES } from '@stocksync/db/schema';
 * ```
 */
export const GLOBAL_UNIQUE_INDEXES: GlobalUniqueIndex[] = [
  {
    table: 'tenant_domains',
    index: 'tenant_domains_hostname_key',
    reason:
      'A host name resolves to exactly one tenant. On Citus tenant_domains is a reference table (small, read on every request before the tenant is known), where a global unique index is allowed.',
  },
];
