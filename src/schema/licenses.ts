// Licenses domain: licenses with a seat count and the sessions that hold those seats (heartbeat, zombie reaping).
import { sql } from 'drizzle-orm';
import { check, index, inet, integer, jsonb, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { timestamps } from './_columns.js';
import { inCodeList } from './_iso-codes.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { billingProducts, entitlements } from './billing.js';
import { users } from './identity.js';

/** License states; only `active` licenses accept new sessions. */
export const LICENSE_STATUSES = ['active', 'suspended', 'expired', 'revoked'] as const;
/** License session states: `closed` and `zombie` are final and free the seat. */
export const LICENSE_SESSION_STATUSES = ['active', 'closed', 'zombie'] as const;
/** Minutes without a heartbeat after which the reaper turns an active session into a zombie. */
export const LICENSE_HEARTBEAT_TTL_MINUTES = 6;

/** Licenses: `seats_total` caps the number of active sessions. */
export const licenses = tenantTable(
  'licenses',
  {
    licenseKey: varchar({ length: 100 }).notNull(),
    productId: uuid().references(() => billingProducts.id, { onDelete: 'restrict' }),
    entitlementId: uuid(),
    seatsTotal: integer().notNull().default(1),
    status: varchar({ length: 20, enum: LICENSE_STATUSES }).notNull().default('active'),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('licenses', t.tenantId, t.entitlementId, entitlements, 'set null'),
    uniqueIndex('licenses_tenant_id_license_key_key').on(t.tenantId, t.licenseKey),
    index('licenses_tenant_id_status_idx').on(t.tenantId, t.status),
    check('licenses_seats_total_check', sql`${t.seatsTotal} > 0`),
    check('licenses_status_check', inCodeList(t.status, LICENSE_STATUSES)),
  ],
);

/** License sessions: one per running installation, identified by its hardware fingerprint. */
export const licenseSessions = tenantTable(
  'license_sessions',
  {
    licenseId: uuid().notNull(),
    userId: uuid(),
    hardwareId: varchar({ length: 255 }).notNull(),
    status: varchar({ length: 20, enum: LICENSE_SESSION_STATUSES }).notNull().default('active'),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastHeartbeatAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ipAddress: inet(),
    clientVersion: varchar({ length: 50 }),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    tenantRef('license_sessions', t.tenantId, t.licenseId, licenses, 'cascade'),
    tenantRef('license_sessions', t.tenantId, t.userId, users, 'set null'),
    uniqueIndex('license_sessions_tenant_id_license_id_hardware_id_key')
      .on(t.tenantId, t.licenseId, t.hardwareId)
      .where(sql`${t.status} = 'active'`),
    index('license_sessions_tenant_id_license_id_status_idx').on(t.tenantId, t.licenseId, t.status),
    index('license_sessions_tenant_id_last_heartbeat_at_idx')
      .on(t.tenantId, t.lastHeartbeatAt)
      .where(sql`${t.status} = 'active'`),
    check('license_sessions_status_check', inCodeList(t.status, LICENSE_SESSION_STATUSES)),
    check('license_sessions_ended_at_check', sql`(${t.status} = 'active') = (${t.endedAt} is null)`),
    check('license_sessions_hardware_id_check', sql`length(${t.hardwareId}) > 0`),
  ],
);

/** A license row. */
export type License = typeof licenses.$inferSelect;
/** A license to insert. */
export type NewLicense = typeof licenses.$inferInsert;
/** A license session row. */
export type LicenseSession = typeof licenseSessions.$inferSelect;
/** A license session to insert. */
export type NewLicenseSession = typeof licenseSessions.$inferInsert;
