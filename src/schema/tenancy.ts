// Tenancy domain: the global tenants root, the host names that resolve to a tenant, and per-tenant settings.
import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { enumCheck, id, timestamps } from './_columns.js';
import { tenantTable } from './_tenant-table.js';

/** License tiers; the tier also sets the document size limit. */
export const LICENSE_TIERS = ['trial', 'starter', 'professional', 'enterprise'] as const;
/** Tenant lifecycle states; only `active` tenants get a context. */
export const TENANT_STATUSES = ['active', 'suspended', 'deleted'] as const;
/** Company size buckets from the spec's recommended additions. */
export const COMPANY_SIZES = ['small', 'medium', 'large', 'enterprise'] as const;
/** Kinds of host name a tenant is reached by. */
export const TENANT_DOMAIN_KINDS = ['subdomain', 'custom'] as const;

/** Largest upload per license tier, in bytes (the database trigger and the validators both read this). */
export const MAX_FILE_SIZE_BYTES: Readonly<Record<(typeof LICENSE_TIERS)[number], number>> = {
  trial: 10 * 1024 * 1024,
  starter: 10 * 1024 * 1024,
  professional: 100 * 1024 * 1024,
  enterprise: 1024 * 1024 * 1024,
};

/**
 * Tenants: the root of isolation (global table, one row per organization).
 *
 * @example
 * ```ts
 * import { tenants } from '@stocksync/db/schema';
 * const rows = await db.select().from(tenants).limit(10);
 * ```
 */
export const tenants = pgTable(
  'tenants',
  {
    id: id().primaryKey(),
    name: varchar({ length: 255 }).notNull(),
    slug: varchar({ length: 100 }).notNull(),
    email: varchar({ length: 254 }).notNull(),
    licenseTier: varchar({ length: 20, enum: LICENSE_TIERS }).notNull().default('trial'),
    seatsTotal: integer().notNull().default(1),
    isActive: boolean().notNull().default(true),
    status: varchar({ length: 20, enum: TENANT_STATUSES }).notNull().default('active'),
    domain: varchar({ length: 255 }),
    brandingConfig: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    stripeCustomerId: varchar({ length: 255 }),
    stripeSubscriptionId: varchar({ length: 255 }),
    billingEmail: varchar({ length: 254 }),
    taxId: varchar({ length: 100 }),
    phoneNumber: varchar({ length: 50 }),
    website: text(),
    industry: varchar({ length: 100 }),
    companySize: varchar({ length: 20, enum: COMPANY_SIZES }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    index('tenants_email_idx').on(t.email),
    index('tenants_is_active_idx').on(t.isActive),
    check('tenants_slug_check', sql`${t.slug} ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'`),
    check('tenants_seats_total_check', sql`${t.seatsTotal} >= 0`),
    enumCheck('tenants', t.licenseTier, LICENSE_TIERS),
    enumCheck('tenants', t.status, TENANT_STATUSES),
    enumCheck('tenants', t.companySize, COMPANY_SIZES),
  ],
);

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

/** A tenant row as read from the database. */
export type Tenant = typeof tenants.$inferSelect;
/** A tenant row to insert. */
export type NewTenant = typeof tenants.$inferInsert;
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
