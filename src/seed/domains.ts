// The domain seeders in the order they run (later domains use rows of earlier ones), and which
// domain each table belongs to, for reports.
import { sql } from 'drizzle-orm';
import type { Database } from '../connection.js';
import type { TenantSeedContext } from './context.js';
import { seedOrganization } from './identity.js';
import { seedProjects } from './projects.js';
import { seedDocuments } from './documents.js';
import { seedWorkflows } from './workflows.js';
import { seedAudit } from './audit.js';
import { seedInventory } from './inventory.js';
import { seedBilling } from './billing.js';
import { seedLicenses } from './licenses.js';
import { seedContacts } from './contacts.js';
import { seedMessaging } from './messaging.js';
import { seedWorkstations } from './workstations.js';

/** A function that adds one domain's rows for one tenant to its batch. */
export type DomainSeeder = (ctx: TenantSeedContext) => void;

/**
 * Domain seeders run after tenants and users, in this order.
 *
 * @example
 * ```ts
 * import { DOMAIN_SEEDERS } from '@stocksync/db/seed';
 * Object.keys(DOMAIN_SEEDERS); // ['organization', 'projects', ...]
 * ```
 */
export const DOMAIN_SEEDERS = {
  organization: seedOrganization,
  projects: seedProjects,
  documents: seedDocuments,
  workflows: seedWorkflows,
  audit: seedAudit,
  inventory: seedInventory,
  billing: seedBilling,
  licenses: seedLicenses,
  contacts: seedContacts,
  messaging: seedMessaging,
  workstations: seedWorkstations,
} satisfies Record<string, DomainSeeder>;

/** Name of a seedable domain. */
export type DomainName = keyof typeof DOMAIN_SEEDERS;

/** Table name prefixes and names per domain, for row reports (unlisted tables count as `other`). */
const TABLE_DOMAINS: Array<[domain: string, match: RegExp]> = [
  ['tenancy', /^(tenants|tenant_.*)$/],
  ['identity', /^(users|memberships|teams|team_members|sessions|user_.*|api_keys|invitations)$/],
  ['projects', /^(projects|sprints|milestones|tasks|task_.*|boards|board_.*)$/],
  ['documents', /^(folders|documents|document_.*)$/],
  ['workflows', /^(workflows|workflow_.*)$/],
  ['audit', /^(audit_.*|compliance_.*|contents)$/],
  ['inventory', /^(products|product_.*|warehouses|warehouse_.*|locations|stock_.*|inventory_.*|suppliers|supplier_.*|buyers|drivers|purchase_.*|sales_.*|categories)$/],
  ['billing', /^(billing_.*|entitlements|orders|order_.*|payments|payment_.*|refunds|invoices|invoice_.*|subscriptions|subscription_.*|plans|tax_rates|carts|cart_.*)$/],
  ['workstations', /^(workstations|workstation_.*|gitea_.*)$/],
  ['licenses', /^(licenses|license_.*|seats)$/],
  ['contacts', /^(contacts|contact_.*|addresses|phone_numbers|email_addresses|companies)$/],
  ['messaging', /^(communications|messages|message_.*|conversations|conversation_.*|notifications|notification_.*|channels|channel_.*)$/],
  ['operations', /^(repositories_.*|jobs|job_.*|webhooks|webhook_.*|outbox|outbox_.*|repositories|repository_.*|context_.*|permissions|permission_.*|roles|role_.*)$/],
];

/**
 * The domain a table belongs to (for reports).
 *
 * @example
 * ```ts
 * import { domainOfTable } from '@stocksync/db/seed';
 * domainOfTable('stock_movements'); // 'inventory'
 * ```
 */
export function domainOfTable(table: string): string {
  for (const [domain, match] of TABLE_DOMAINS) if (match.test(table)) return domain;
  return 'other';
}

/**
 * Counts the rows of every table in `public`, grouped by domain (exact counts; run as the owner,
 * which RLS does not filter).
 *
 * @example
 * ```ts
 * import { countRowsByDomain } from '@stocksync/db/seed';
 * const { domains, tables } = await countRowsByDomain(db);
 * ```
 */
export async function countRowsByDomain(
  db: Database,
): Promise<{ domains: Record<string, number>; tables: Record<string, number>; total: number }> {
  const listed = rows<{ name: string }>(
    await db.execute(
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    ),
  );
  const tables: Record<string, number> = {};
  const domains: Record<string, number> = {};
  let total = 0;
  if (listed.length === 0) return { domains, tables, total };
  // One statement for all tables: one round trip even on PGlite.
  const parts = listed.map(({ name }) => sql`select ${name}::text as name, count(*)::bigint as n from ${sql.identifier(name)}`);
  const counted = rows<{ name: string; n: string | number }>(await db.execute(sql.join(parts, sql` union all `)));
  for (const { name, n } of counted) {
    const count = Number(n);
    tables[name] = count;
    const domain = domainOfTable(name);
    domains[domain] = (domains[domain] ?? 0) + count;
    total += count;
  }
  return { domains, tables, total };
}

function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
