// Set-based proof of what a trusted load skipped: every foreign key (from the drizzle schema) and
// the values the triggers would have derived (ledger levels, order totals, folder paths, ...).
import { getTableColumns, getTableName } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * One verification query and the rules it checks: `sql` returns one row holding one bigint[]
 * column, the count of offending rows per entry of `checks` (among the tenants in `$1`, a uuid[]).
 */
export interface VerificationCheck {
  checks: string[];
  sql: string;
}

const casing = new CasingCache('snake_case');
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The table's name, schema-qualified when it lives outside the search path's default schema. */
function qualified(table: PgTable): string {
  const { schema, name } = getTableConfig(table);
  return schema ? `${q(schema)}.${q(name)}` : q(name);
}

/** Child rows of the batch: by tenant_id, or by id for the tenants table itself. */
function scopeOf(table: PgTable): string | undefined {
  const tenant = Object.values(getTableColumns(table)).find((c) => casing.getColumnCasing(c) === 'tenant_id');
  if (tenant) return tenant.getSQLType() === 'uuid' ? 'c.tenant_id = any($1::uuid[])' : 'c.tenant_id::text = any($1::text[])';
  if (getTableName(table) === 'tenants') return 'c.id = any($1::uuid[])';
  return undefined;
}

/**
 * Anti-join checks for every foreign key of `tables`, generated from the drizzle schema: a row of
 * the batch's tenants whose key (all columns non-null, MATCH SIMPLE) finds no referenced row. The
 * plain `tenant_id -> tenants(id)` keys collapse into one check that every tenant in `$1` exists
 * (the caller passes every tenant id its rows carry, so that proves each of those keys).
 *
 * @example
 * ```ts
 * import { foreignKeyChecks } from '@stocksync/db/seed';
 * foreignKeyChecks([tasks]); // [{ checks: ['foreign key tasks_project_id_fkey (tasks -> projects)', ...], sql: 'select array[...]' }]
 * ```
 */
export function foreignKeyChecks(tables: readonly PgTable[]): VerificationCheck[] {
  const out: VerificationCheck[] = [];
  const viaTenants: string[] = [];
  for (const table of tables) {
    const scope = scopeOf(table);
    const name = getTableName(table);
    for (const fk of getTableConfig(table).foreignKeys) {
      const ref = fk.reference();
      const cols = ref.columns.map((c) => q(casing.getColumnCasing(c)));
      const targets = ref.foreignColumns.map((c) => q(casing.getColumnCasing(c)));
      // `tenant_id -> tenants(id)` of a row in scope holds when every tenant in $1 exists: the
      // scope is exactly `tenant_id = any($1)`, so one probe per tenant proves them all.
      if (
        scope === 'c.tenant_id = any($1::uuid[])' && cols.length === 1 && cols[0] === '"tenant_id"' &&
        targets[0] === '"id"' && getTableName(ref.foreignTable) === 'tenants' && !getTableConfig(ref.foreignTable as PgTable).schema
      ) {
        viaTenants.push(fk.getName());
        continue;
      }
      // A composite key through tenant_id only finds parents of the same tenants: scoping the
      // parent side too keeps the anti-join to the batch's tenants instead of the whole table.
      const viaTenant = scope === 'c.tenant_id = any($1::uuid[])' && cols.some((c, i) => c === '"tenant_id"' && targets[i] === '"tenant_id"');
      const parent = qualified(ref.foreignTable as PgTable);
      const notNull = cols.map((c) => `c.${c} is not null`).join(' and ');
      const match = cols.map((c, i) => `p.${targets[i]} = c.${c}`).join(' and ');
      out.push({
        checks: [`foreign key ${fk.getName()} (${name} -> ${getTableName(ref.foreignTable)})`],
        sql: `select array[count(*)]::bigint[] from ${qualified(table)} c where ${scope ? `${scope} and ` : ''}${notNull}
              and not exists (select 1 from ${parent} p where ${viaTenant ? 'p.tenant_id = any($1::uuid[]) and ' : ''}${match})`,
      });
    }
  }
  if (viaTenants.length) {
    out.unshift({
      checks: [`foreign keys to tenants (${viaTenants.join(', ')}): every tenant of the batch exists`],
      sql: `select array[count(*)]::bigint[] from unnest($1::uuid[]) as b(id) where not exists (select 1 from tenants p where p.id = b.id)`,
    });
  }
  return out;
}

/**
 * Checks of the values the rule triggers derive, for the domains present in the batch: stock
 * levels equal the ledger, order totals follow their items, subtotals and tax of billing orders,
 * paid orders covered by payments with entitlements, subscription entitlements, folder paths and
 * depth, consecutive document versions, and task status timestamps.
 *
 * @example
 * ```ts
 * import { derivedValueChecks } from '@stocksync/db/seed';
 * derivedValueChecks(new Set(['stock_levels'])); // the ledger check
 * ```
 */
export function derivedValueChecks(tables: ReadonlySet<string>): VerificationCheck[] {
  const t = 'tenant_id = any($1::uuid[])';
  const all: Array<{ needs: string[]; check: string; sql: string }> = [
    {
      needs: ['stock_levels', 'stock_movements'],
      check: 'stock levels equal the sum of their movements',
      sql: `select count(*) from (select tenant_id, product_id, location_id, quantity from stock_levels where ${t}) l
            full join (select tenant_id, product_id, location_id, sum(quantity_delta) as total from stock_movements
                       where ${t} group by 1, 2, 3) m
              on m.tenant_id = l.tenant_id and m.product_id = l.product_id and m.location_id = l.location_id
            where coalesce(l.quantity, 0) <> coalesce(m.total, 0)
               or (l.quantity < 0 and not exists (select 1 from inventory_locations x
                   where x.tenant_id = l.tenant_id and x.id = l.location_id and x.allows_backorder))`,
    },
    {
      needs: ['inventory_orders'],
      check: 'inventory order totals equal the sum of their items',
      sql: `select count(*) from inventory_orders o where o.${t} and o.total_cents <> coalesce((select sum(i.line_total_cents)
            from inventory_order_items i where i.tenant_id = o.tenant_id and i.order_id = o.id), 0)`,
    },
    {
      needs: ['inventory_orders'],
      check: 'inventory order timestamps match their status',
      sql: `select count(*) from inventory_orders o where o.${t} and (
              (o.status in ('shipped', 'delivered') and o.shipped_at is null)
              or (o.status = 'delivered' and o.delivered_at is null)
              or (o.status = 'received' and o.received_at is null))`,
    },
    {
      needs: ['billing_orders'],
      check: 'billing order subtotal equals its items and tax follows the tax rates',
      // The orders first, then the tax function over them: on Citus the function reads the reference table
      // tax_rates, which it cannot do from a shard, so it runs on the coordinator over the collected rows.
      sql: `with o as materialized (select o.subtotal_cents, o.discount_cents, o.tax_cents, o.billing_country_code,
              o.billing_state_code, coalesce((select sum(i.line_total_cents) from billing_order_items i
                where i.tenant_id = o.tenant_id and i.order_id = o.id), 0) as items
              from billing_orders o where o.${t})
            select count(*) from o where o.subtotal_cents <> o.items
              or o.tax_cents <> stocksync_compute_tax_cents(o.subtotal_cents::bigint - o.discount_cents,
                o.billing_country_code, o.billing_state_code)`,
    },
    {
      needs: ['billing_orders'],
      check: 'paid billing orders are covered by succeeded payments and have their entitlements',
      sql: `select count(*) from billing_orders o where o.${t} and o.status = 'paid' and (o.paid_at is null
              or o.subtotal_cents::bigint + o.tax_cents - o.discount_cents > (select coalesce(sum(p.amount_cents), 0)
                from payments p where p.tenant_id = o.tenant_id and p.order_id = o.id and p.status = 'succeeded'
                and p.currency = o.currency)
              or exists (select 1 from billing_order_items i where i.tenant_id = o.tenant_id and i.order_id = o.id
                and not exists (select 1 from entitlements e where e.tenant_id = o.tenant_id and e.order_id = o.id
                  and e.product_id = i.product_id)))`,
    },
    {
      needs: ['subscriptions'],
      check: 'subscriptions that became active hold an entitlement (expired once cancelled or expired)',
      sql: `select count(*) from subscriptions s where s.${t} and s.status <> 'trialing' and not exists (
              select 1 from entitlements e where e.tenant_id = s.tenant_id and e.subscription_id = s.id
                and e.product_id = s.product_id
                and e.status = case when s.status in ('cancelled', 'expired') then 'expired' else 'active' end)`,
    },
    {
      needs: ['folders'],
      check: 'folder paths and depths follow their parents',
      sql: `select count(*) from folders f left join folders p on p.tenant_id = f.tenant_id and p.id = f.parent_id
            where f.${t} and (f.path is distinct from coalesce(p.path, '') || '/' || f.name
              or f.depth is distinct from coalesce(p.depth, 0) + 1 or f.depth > 10)`,
    },
    {
      needs: ['document_versions'],
      check: 'document versions are numbered 1..n and the document points at the last',
      sql: `select count(*) from documents d left join (select tenant_id, document_id, count(*) as n,
              max(version_number) as last from document_versions where ${t} group by 1, 2) v
              on v.tenant_id = d.tenant_id and v.document_id = d.id
            where d.${t} and v.n is not null and (v.n <> v.last or d.version <> v.last)`,
    },
    {
      needs: ['tasks'],
      check: 'done tasks have a completion time',
      sql: `select count(*) from tasks where ${t} and status = 'done' and completed_at is null`,
    },
  ];
  return all
    .filter((c) => c.needs.every((n) => tables.has(n)))
    .map(({ check, sql }) => ({ checks: [check], sql: `select array[(${sql})]::bigint[]` }));
}
