// Tenant settings: one Zod schema with defaults (features, security, branding, notifications, limits),
// validated partial updates, and a version bumped on every change (optimistic concurrency).
import { isIP } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { PermissionDeniedError, sqlStateOf, VersionConflictError } from '../errors.js';
import { tenantSettings } from '../schema/tenancy.js';
import { parseInput } from '../validators/_fields.js';
import { tenantIdOf, withTenant, type Actor, type AnyPgDatabase, type TenantRef } from './context/index.js';

const hostname = z
  .string()
  .toLowerCase()
  .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Must be a domain name such as example.com');
const cidr = z.string().refine((value) => {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (!version) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return Number.isInteger(n) && n >= 0 && n <= (version === 4 ? 32 : 128);
}, 'Must be an IP address or CIDR range');
const timeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'Must be an IANA time zone such as Europe/Paris');

/**
 * The typed shape of a tenant's settings, every field with its default. Unknown keys are refused,
 * so a typo fails instead of being stored.
 *
 * @example
 * ```ts
 * import { tenantSettingsSchema } from '@stocksync/db/tenancy';
 * const defaults = tenantSettingsSchema.parse({});
 * ```
 */
export const tenantSettingsSchema = z
  .object({
    locale: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Must be a language tag such as en or fr-CA')
      .default('en'),
    timezone: timeZone.default('UTC'),
    features: z
      .object({
        projects: z.boolean().default(true),
        documents: z.boolean().default(true),
        workflows: z.boolean().default(true),
        inventory: z.boolean().default(false),
        billing: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    security: z
      .object({
        mfaRequired: z.boolean().default(false),
        sessionTimeoutMinutes: z.number().int().min(5).max(1440).default(480),
        allowedEmailDomains: z.array(hostname).max(50).default([]),
        ipAllowlist: z.array(cidr).max(100).default([]),
      })
      .strict()
      .prefault({}),
    branding: z
      .object({
        primaryColor: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'Must be a hex color such as #2563eb')
          .default('#2563eb'),
        logoUrl: z.url({ protocol: /^https$/ }).nullable().default(null),
      })
      .strict()
      .prefault({}),
    notifications: z
      .object({ emailDigest: z.enum(['off', 'daily', 'weekly']).default('daily') })
      .strict()
      .prefault({}),
    limits: z
      .object({
        maxUsers: z.number().int().positive().nullable().default(null),
        maxProjects: z.number().int().positive().nullable().default(null),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** A tenant's settings with every default filled in. */
export type TenantSettings = z.output<typeof tenantSettingsSchema>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object | null ? DeepPartial<T[K]> : T[K] };

/** A partial update: any subset of fields, nested objects merged, arrays replaced. */
export type TenantSettingsPatch = DeepPartial<TenantSettings>;

/** Settings and their version (0 when the tenant has no settings row yet). */
export interface VersionedSettings {
  settings: TenantSettings;
  version: number;
}

/**
 * The default settings of a new tenant.
 *
 * @example
 * ```ts
 * import { defaultTenantSettings } from '@stocksync/db/tenancy';
 * defaultTenantSettings().features.projects; // true
 * ```
 */
export function defaultTenantSettings(): TenantSettings {
  return tenantSettingsSchema.parse({});
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges a patch into stored overrides: objects merge, anything else (arrays, null) replaces; undefined is ignored.
 *
 * @example
 * ```ts
 * import { mergeSettings } from '@stocksync/db/tenancy';
 * mergeSettings({ features: { inventory: true } }, { features: { billing: false } });
 * // { features: { inventory: true, billing: false } }
 * ```
 */
export function mergeSettings(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergeSettings(out[key], value) : value;
  }
  return out;
}

/**
 * Validates stored or proposed settings and fills in defaults; throws `ValidationError` with field paths.
 *
 * @example
 * ```ts
 * import { parseTenantSettings } from '@stocksync/db/tenancy';
 * parseTenantSettings({ locale: 'fr' }).timezone; // 'UTC'
 * ```
 */
export function parseTenantSettings(input: unknown): TenantSettings {
  return parseInput(tenantSettingsSchema, input, 'tenant settings');
}

/**
 * Reads a tenant's settings with defaults filled in, as service code (feature flags must be readable
 * whatever the end user's role; the row itself is reserved to owners and admins by RLS).
 *
 * @example
 * ```ts
 * import { getTenantSettings } from '@stocksync/db/tenancy';
 * const { settings, version } = await getTenantSettings(db, tenantId);
 * ```
 */
export async function getTenantSettings(db: AnyPgDatabase, tenant: TenantRef): Promise<VersionedSettings> {
  return withTenant(db, tenant, async (tx) => {
    const [row] = await tx.select().from(tenantSettings).limit(1);
    return { settings: parseTenantSettings(row?.settings ?? {}), version: row?.version ?? 0 };
  });
}

/** Options of {@link updateTenantSettings}. */
export interface UpdateTenantSettingsOptions {
  /** The acting user: RLS lets only owners, admins and service code (no role) change settings. */
  actor?: Actor;
  /** The version the caller read; the update fails with VersionConflictError if it moved on. */
  expectedVersion?: number;
}

/**
 * Applies a validated partial update (nested objects merge, arrays replace) and bumps the version,
 * in the tenant's context. Members and guests are refused (`PermissionDeniedError`), a stale
 * `expectedVersion` gives `VersionConflictError`, invalid values `ValidationError` with field paths.
 *
 * @example
 * ```ts
 * import { updateTenantSettings } from '@stocksync/db/tenancy';
 * const { version } = await updateTenantSettings(db, tenantId, { features: { inventory: true } }, {
 *   actor: { userId, role: 'admin' }, expectedVersion: 3,
 * });
 * ```
 */
export async function updateTenantSettings(
  db: AnyPgDatabase,
  tenant: TenantRef,
  patch: TenantSettingsPatch,
  options: UpdateTenantSettingsOptions = {},
): Promise<VersionedSettings> {
  return withTenant(
    db,
    tenant,
    async (tx) => {
      const [row] = await tx.select().from(tenantSettings).for('update').limit(1);
      const current = row?.version ?? 0;
      if (options.expectedVersion !== undefined && options.expectedVersion !== current) {
        throw new VersionConflictError(
          `Tenant settings are at version ${current}, not ${options.expectedVersion}: read them again and reapply the change.`,
          options.expectedVersion,
          current,
        );
      }
      const stored = mergeSettings(isPlainObject(row?.settings) ? row.settings : {}, patch as Record<string, unknown>);
      const settings = parseTenantSettings(stored);
      const id = tenantIdOf(tenant);
      try {
        const [saved] = row
          ? await tx
              .update(tenantSettings)
              .set({ settings: stored, version: sql`${tenantSettings.version} + 1` })
              .where(eq(tenantSettings.tenantId, id))
              .returning({ version: tenantSettings.version })
          : await tx
              .insert(tenantSettings)
              .values({ tenantId: id, settings: stored, version: 1 })
              .returning({ version: tenantSettings.version });
        if (!saved) throw new PermissionDeniedError('Only owners and admins may change tenant settings.');
        return { settings, version: saved.version };
      } catch (error) {
        if (sqlStateOf(error) === '42501') {
          throw new PermissionDeniedError('Only owners and admins may change tenant settings.', { cause: error });
        }
        throw error;
      }
    },
    options.actor ? { actor: options.actor } : {},
  );
}
