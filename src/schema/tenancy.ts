// Tenancy domain: the global tenants root (table in _tenants.ts), the host names that resolve to a tenant, and per-tenant settings.
import { relations, sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { enumCheck, timestamps } from './_columns.js';
import { tenantTable } from './_tenant-table.js';
import { tenants } from './_tenants.js';

export {
  COMPANY_SIZES,
  LICENSE_TIERS,
  MAX_FILE_SIZE_BYTES,
  TENANT_ISOLATIONS,
  TENANT_STATUSES,
  tenants,
  type NewTenant,
  type Tenant,
} from './_tenants.js';

/** Kinds of host name a tenant is reached by. */
export const TENANT_DOMAIN_KINDS = ['subdomain', 'custom'] as const;

/**
 * Host names (subdomains and custom domains) that resolve to a tenant. The host name is unique
 * across all tenants (listed in GLOBAL_UNIQUE_INDEXES), and a tenant has at most one primary.
 *
 * @example
 * ```ts
 * import { tenantDomains } from '@stocksync/db/schema';
 * const rows = await db.select().from(tenantDomains).limit(10);
 * ```
 */
export const tenantDomains = tenantTable(
  'tenant_domains',
  {
    hostname: varchar({ length: 253 }).notNull(),
    kind: varchar({ length: 20, enum: TENANT_DOMAIN_KINDS }).notNull(),
    isPrimary: boolean().notNull().default(false),
    verifiedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('tenant_domains_hostname_key').on(t.hostname),
    uniqueIndex('tenant_domains_tenant_id_is_primary_key').on(t.tenantId).where(sql`${t.isPrimary}`),
    enumCheck('tenant_domains', t.kind, TENANT_DOMAIN_KINDS),
    // Lowercase, dot-separated DNS labels: lookups compare host names byte for byte.
    check(
      'tenant_domains_hostname_check',
      sql`${t.hostname} ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'`,
    ),
  ],
);

/**
 * Per-tenant configuration, one row per tenant. The typed shape and its defaults live in the
 * tenancy module (`settings` is validated there); `version` is bumped on every change.
 *
 * @example
 * ```ts
 * import { tenantSettings } from '@stocksync/db/schema';
 * const rows = await db.select().from(tenantSettings).limit(10);
 * ```
 */
export const tenantSettings = tenantTable(
  'tenant_settings',
  {
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('tenant_settings_tenant_id_key').on(t.tenantId),
    check('tenant_settings_version_check', sql`${t.version} >= 1`),
  ],
);

/** A tenant domain row. */
export type TenantDomain = typeof tenantDomains.$inferSelect;
/** A tenant domain row to insert. */
export type NewTenantDomain = typeof tenantDomains.$inferInsert;
/** A tenant settings row. */
export type TenantSettingsRow = typeof tenantSettings.$inferSelect;
/** A tenant settings row to insert. */
export type NewTenantSettingsRow = typeof tenantSettings.$inferInsert;

/** Relations of the tenancy tables (for `db.query.tenants.findFirst({ with: { domains: true } })`). */
export const tenantsRelations = relations(tenants, ({ many }) => ({
  domains: many(tenantDomains),
  settings: many(tenantSettings),
}));
/** Relations of tenant_domains. */
export const tenantDomainsRelations = relations(tenantDomains, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantDomains.tenantId], references: [tenants.id] }),
}));
/** Relations of tenant_settings. */
export const tenantSettingsRelations = relations(tenantSettings, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantSettings.tenantId], references: [tenants.id] }),
}));
