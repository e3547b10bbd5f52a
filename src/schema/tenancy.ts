// Tenancy domain: the global tenants root table (later: tenant domains and settings).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_columns.js';

/** License tiers; the tier also sets the document size limit. */
export const LICENSE_TIERS = ['trial', 'starter', 'professional', 'enterprise'] as const;
/** Tenant lifecycle states; only `active` tenants get a context. */
export const TENANT_STATUSES = ['active', 'suspended', 'deleted'] as const;
/** Company size buckets from the spec's recommended additions. */
export const COMPANY_SIZES = ['small', 'medium', 'large', 'enterprise'] as const;

/** Tenants: the root of isolation (global table, one row per organization). */
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
  ],
);

/** A tenant row as read from the database. */
export type Tenant = typeof tenants.$inferSelect;
/** A tenant row to insert. */
export type NewTenant = typeof tenants.$inferInsert;
