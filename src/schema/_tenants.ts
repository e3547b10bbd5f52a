// The tenants table: the global root of isolation every tenant table references (its own file so
// the tenant-table helper and the tenancy domain can both import it without importing each other).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { enumCheck, id, timestamps } from './_columns.js';

/** License tiers; the tier also sets the document size limit. */
export const LICENSE_TIERS = ['trial', 'starter', 'professional', 'enterprise'] as const;
/** Tenant lifecycle states; only `active` tenants get a context. */
export const TENANT_STATUSES = ['active', 'suspended', 'deleted'] as const;
/**
 * Where a tenant's rows live: `shared` (the public tables, under row-level security) or `schema` (its own
 * schema `tenant_<id hex>` holding the same tenant tables, with the same policies as a second wall).
 */
export const TENANT_ISOLATIONS = ['shared', 'schema'] as const;
/** Company size buckets from the spec's recommended additions. */
export const COMPANY_SIZES = ['small', 'medium', 'large', 'enterprise'] as const;

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
    isolation: varchar({ length: 20, enum: TENANT_ISOLATIONS }).notNull().default('shared'),
    /** Set while `stocksync-db tenant move` moves the tenant (its transactions wait for the move). */
    movingTo: varchar({ length: 20, enum: TENANT_ISOLATIONS }),
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
    enumCheck('tenants', t.isolation, TENANT_ISOLATIONS),
    enumCheck('tenants', t.movingTo, TENANT_ISOLATIONS),
    enumCheck('tenants', t.companySize, COMPANY_SIZES),
  ],
);

/** A tenant row as read from the database. */
export type Tenant = typeof tenants.$inferSelect;
/** A tenant row to insert. */
export type NewTenant = typeof tenants.$inferInsert;
