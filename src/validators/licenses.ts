// License validators: drizzle-zod schemas for licenses and sessions with the database rules mirrored,
// the heartbeat TTL arithmetic, and the inputs of the license operations.
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import { LICENSE_HEARTBEAT_TTL_MINUTES, licenseSessions, licenses } from '../schema/licenses.js';
import { positiveQuantity, uuidString } from './_fields.js';
import { wireSchemaOf, type Paginated, type Wire } from './_shared.js';
import type { License, LicenseSession } from '../schema/licenses.js';

const hardwareId = z.string().trim().min(1, 'Must not be blank').max(255);

/** License: select schema. */
export const licenseSelectSchema = createSelectSchema(licenses);
/**
 * License: insert schema (`seatsTotal` a whole number above zero).
 *
 * @example
 * ```ts
 * import { licenseInsertSchema } from '@stocksync/db/validators';
 * licenseInsertSchema.parse({ tenantId, licenseKey: 'KEY-1', seatsTotal: 5 });
 * ```
 */
export const licenseInsertSchema = insertSchemaOf(licenses, { seatsTotal: () => positiveQuantity });
/** License: update schema (the database refuses seats_total below the active sessions). */
export const licenseUpdateSchema = updateSchemaOf(licenses, { seatsTotal: () => positiveQuantity });

/** License session: select schema. */
export const licenseSessionSelectSchema = createSelectSchema(licenseSessions);
/** License session: insert schema (non-blank hardware id; the database enforces seats and one active session per machine). */
export const licenseSessionInsertSchema = insertSchemaOf(licenseSessions, { hardwareId: () => hardwareId }).refine(
  (v) => (v.status ?? 'active') === 'active' || v.endedAt != null,
  { path: ['endedAt'], message: 'A closed or zombie session has an end time' },
);
/** License session: update schema. */
export const licenseSessionUpdateSchema = updateSchemaOf(licenseSessions, { hardwareId: () => hardwareId });

/** The heartbeat TTL in milliseconds (6 minutes). */
export const LICENSE_HEARTBEAT_TTL_MS = LICENSE_HEARTBEAT_TTL_MINUTES * 60 * 1000;

/**
 * True when a session last heard from at `lastHeartbeatAt` is past the TTL at `now` (the reaper
 * turns it into a zombie).
 *
 * @example
 * ```ts
 * import { isSessionStale } from '@stocksync/db/validators';
 * isSessionStale(new Date(Date.now() - 7 * 60_000)); // true
 * ```
 */
export function isSessionStale(lastHeartbeatAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - lastHeartbeatAt.getTime() > LICENSE_HEARTBEAT_TTL_MS;
}

/** Input of `openLicenseSession`. */
export const openLicenseSessionInput = z.object({
  licenseId: uuidString,
  hardwareId,
  userId: uuidString.optional(),
  ipAddress: z.union([z.ipv4(), z.ipv6()]).optional(),
  clientVersion: z.string().max(50).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
/** Input of {@link openLicenseSessionInput} as the caller writes it. */
export type OpenLicenseSessionInput = z.input<typeof openLicenseSessionInput>;

/** Input of `heartbeatLicenseSession` and `closeLicenseSession`. */
export const licenseSessionRefInput = z.object({ sessionId: uuidString });
/** Input of {@link licenseSessionRefInput} as the caller writes it. */
export type LicenseSessionRefInput = z.input<typeof licenseSessionRefInput>;

/** Input of `reapZombieSessions`: the TTL (default 6 minutes) and optionally one license. */
export const reapZombieSessionsInput = z.object({
  ttlMinutes: z.number().positive().default(LICENSE_HEARTBEAT_TTL_MINUTES),
  licenseId: uuidString.optional(),
});
/** Input of {@link reapZombieSessionsInput} as the caller writes it. */
export type ReapZombieSessionsInput = z.input<typeof reapZombieSessionsInput>;

// Wire (JSON) forms: timestamps as ISO 8601 strings, and paginated lists.
/** License: wire schema (what a JSON API returns). */
export const licenseWireSchema = wireSchemaOf(licenses);
/** A license as a JSON API returns it. */
export type LicenseWire = Wire<License>;
/** A page of licenses. */
export type LicenseListResponse = Paginated<LicenseWire>;
/** License session: wire schema (what a JSON API returns). */
export const licenseSessionWireSchema = wireSchemaOf(licenseSessions);
/** A license session as a JSON API returns it. */
export type LicenseSessionWire = Wire<LicenseSession>;
/** A page of license sessions. */
export type LicenseSessionListResponse = Paginated<LicenseSessionWire>;
