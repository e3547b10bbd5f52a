// Tenancy validators: tenants, tenant domains and tenant settings rows (select, insert, update, wire).
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import {
  tenantDomains,
  tenantSettings,
  tenants,
  type Tenant,
  type TenantDomain,
  type TenantSettingsRow,
} from '../schema/tenancy.js';
import { wireSchemaOf, type Paginated, type Wire } from './_shared.js';

/** Tenant slugs: lowercase letters, digits and inner hyphens, 1-63 characters (same as tenants_slug_check). */
export const tenantSlug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'Must be lowercase letters, digits and inner hyphens (max 63)');
/** Host names: lowercase DNS labels separated by dots (same as tenant_domains_hostname_check). */
export const hostname = z
  .string()
  .max(253)
  .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'Must be a lowercase host name');

const tenantRefine = {
  slug: tenantSlug,
  email: (s: z.ZodString) => s.email(),
  billingEmail: (s: z.ZodString) => s.email(),
  website: (s: z.ZodString) => s.url(),
  seatsTotal: (s: z.ZodNumber) => s.min(0, 'Must not be negative'),
};
/** Tenant: select schema. */
export const tenantSelectSchema = createSelectSchema(tenants);
/**
 * Tenant: insert schema (slug format, e-mail and URL fields, non-negative seats).
 *
 * @example
 * ```ts
 * import { tenantInsertSchema } from '@stocksync/db/validators';
 * tenantInsertSchema.parse({ name: 'Acme', slug: 'acme', email: 'ops@acme.test' });
 * ```
 */
export const tenantInsertSchema = insertSchemaOf(tenants, tenantRefine);
/** Tenant: update schema (every field optional). */
export const tenantUpdateSchema = updateSchemaOf(tenants, tenantRefine);
/** Tenant: wire (JSON) schema. */
export const tenantWireSchema = wireSchemaOf(tenants);
/** A tenant as a JSON API returns it. */
export type TenantWire = Wire<Tenant>;
/** A page of tenants. */
export type TenantListResponse = Paginated<TenantWire>;

const domainRefine = { hostname };
/** Tenant domain: select schema. */
export const tenantDomainSelectSchema = createSelectSchema(tenantDomains);
/** Tenant domain: insert schema (lowercase host name). */
export const tenantDomainInsertSchema = insertSchemaOf(tenantDomains, domainRefine);
/** Tenant domain: update schema. */
export const tenantDomainUpdateSchema = updateSchemaOf(tenantDomains, domainRefine);
/** Tenant domain: wire schema. */
export const tenantDomainWireSchema = wireSchemaOf(tenantDomains);
/** A tenant domain as JSON. */
export type TenantDomainWire = Wire<TenantDomain>;
/** A page of tenant domains. */
export type TenantDomainListResponse = Paginated<TenantDomainWire>;

const settingsRefine = { version: (s: z.ZodNumber) => s.int().min(1, 'Must be 1 or more') };
/** Tenant settings row: select schema (the typed settings shape is validated by the tenancy module). */
export const tenantSettingsSelectSchema = createSelectSchema(tenantSettings);
/** Tenant settings row: insert schema. */
export const tenantSettingsInsertSchema = insertSchemaOf(tenantSettings, settingsRefine);
/** Tenant settings row: update schema. */
export const tenantSettingsUpdateSchema = updateSchemaOf(tenantSettings, settingsRefine);
/** Tenant settings row: wire schema. */
export const tenantSettingsWireSchema = wireSchemaOf(tenantSettings);
/** A tenant settings row as JSON. */
export type TenantSettingsWire = Wire<TenantSettingsRow>;
