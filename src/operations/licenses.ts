// License operations: open, heartbeat and close license sessions, and reap zombies. Seats and the
// one-session-per-machine rule are enforced by the database; these functions free silent seats
// first and return typed rows.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { NotFoundError, RuleViolationError } from '../errors.js';
import { LICENSE_HEARTBEAT_TTL_MINUTES, licenseSessions, type LicenseSession } from '../schema/licenses.js';
import { parseInput } from '../validators/_fields.js';
import {
  licenseSessionRefInput,
  openLicenseSessionInput,
  reapZombieSessionsInput,
  type LicenseSessionRefInput,
  type OpenLicenseSessionInput,
  type ReapZombieSessionsInput,
} from '../validators/licenses.js';
import { rowsOf, runOperation, type OperationTransaction } from './_run.js';
import type { OperationDatabase } from './_run.js';

async function reap(tx: OperationTransaction, tenantId: string, ttlMinutes: number, licenseId?: string): Promise<LicenseSession[]> {
  const result = await tx.execute(
    sql`select id from stocksync_reap_license_sessions(make_interval(secs => ${ttlMinutes * 60}), ${licenseId ?? null}::uuid)`,
  );
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(licenseSessions)
    .where(and(eq(licenseSessions.tenantId, tenantId), inArray(licenseSessions.id, ids)))
    .orderBy(asc(licenseSessions.lastHeartbeatAt));
}

/**
 * Opens a session on a license for one machine. Sessions of that license silent for more than 6
 * minutes are reaped first, so their seats are free. Throws RuleViolationError when every seat is
 * taken (23514), the machine already has an active session (23505) or the license is not active (55000).
 *
 * @example
 * ```ts
 * import { openLicenseSession } from '@stocksync/db/operations';
 * const session = await withTenant(db, tenantId, (tx) => openLicenseSession(tx, { licenseId, hardwareId: 'hw-1' }));
 * ```
 */
export function openLicenseSession(db: OperationDatabase, input: OpenLicenseSessionInput): Promise<LicenseSession> {
  const data = parseInput(openLicenseSessionInput, input, 'openLicenseSession');
  return runOperation(db, 'openLicenseSession', async (tx, tenantId) => {
    await reap(tx, tenantId, LICENSE_HEARTBEAT_TTL_MINUTES, data.licenseId);
    const [session] = await tx
      .insert(licenseSessions)
      .values({
        tenantId,
        licenseId: data.licenseId,
        hardwareId: data.hardwareId,
        userId: data.userId,
        ipAddress: data.ipAddress,
        clientVersion: data.clientVersion,
        metadata: data.metadata ?? {},
      })
      .returning();
    return session!;
  });
}

async function requireActive(tx: OperationTransaction, tenantId: string, sessionId: string, label: string): Promise<LicenseSession> {
  const [session] = await tx
    .select()
    .from(licenseSessions)
    .where(and(eq(licenseSessions.tenantId, tenantId), eq(licenseSessions.id, sessionId)));
  if (!session) throw new NotFoundError(`License session ${sessionId} does not exist in this tenant.`, 'license_sessions', sessionId);
  if (session.status !== 'active') {
    throw new RuleViolationError(`${label}: license session ${sessionId} is ${session.status}; open a new session.`, undefined);
  }
  return session;
}

/**
 * Records a heartbeat of an active session. A closed or zombie session throws RuleViolationError:
 * the client must open a new session.
 *
 * @example
 * ```ts
 * import { heartbeatLicenseSession } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => heartbeatLicenseSession(tx, { sessionId }));
 * ```
 */
export function heartbeatLicenseSession(db: OperationDatabase, input: LicenseSessionRefInput): Promise<LicenseSession> {
  const data = parseInput(licenseSessionRefInput, input, 'heartbeatLicenseSession');
  return runOperation(db, 'heartbeatLicenseSession', async (tx, tenantId) => {
    const [session] = await tx
      .update(licenseSessions)
      .set({ lastHeartbeatAt: sql`now()` })
      .where(and(eq(licenseSessions.tenantId, tenantId), eq(licenseSessions.id, data.sessionId), eq(licenseSessions.status, 'active')))
      .returning();
    return session ?? requireActive(tx, tenantId, data.sessionId, 'heartbeatLicenseSession');
  });
}

/**
 * Closes a session and frees its seat. Closing a session that already ended returns it unchanged.
 *
 * @example
 * ```ts
 * import { closeLicenseSession } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => closeLicenseSession(tx, { sessionId }));
 * ```
 */
export function closeLicenseSession(db: OperationDatabase, input: LicenseSessionRefInput): Promise<LicenseSession> {
  const data = parseInput(licenseSessionRefInput, input, 'closeLicenseSession');
  return runOperation(db, 'closeLicenseSession', async (tx, tenantId) => {
    const [closed] = await tx
      .update(licenseSessions)
      .set({ status: 'closed', endedAt: sql`now()` })
      .where(and(eq(licenseSessions.tenantId, tenantId), eq(licenseSessions.id, data.sessionId), eq(licenseSessions.status, 'active')))
      .returning();
    if (closed) return closed;
    const [existing] = await tx
      .select()
      .from(licenseSessions)
      .where(and(eq(licenseSessions.tenantId, tenantId), eq(licenseSessions.id, data.sessionId)));
    if (!existing) throw new NotFoundError(`License session ${data.sessionId} does not exist in this tenant.`, 'license_sessions', data.sessionId);
    return existing;
  });
}

/**
 * Turns the tenant's sessions without a heartbeat for `ttlMinutes` (default 6) into zombies, freeing
 * their seats; returns them. Run it on a schedule per tenant, or as the owner for all tenants via
 * `select stocksync_reap_license_sessions()`.
 *
 * @example
 * ```ts
 * import { reapZombieSessions } from '@stocksync/db/operations';
 * const zombies = await withTenant(db, tenantId, (tx) => reapZombieSessions(tx));
 * ```
 */
export function reapZombieSessions(db: OperationDatabase, input: ReapZombieSessionsInput = {}): Promise<LicenseSession[]> {
  const data = parseInput(reapZombieSessionsInput, input, 'reapZombieSessions');
  return runOperation(db, 'reapZombieSessions', (tx, tenantId) => reap(tx, tenantId, data.ttlMinutes, data.licenseId));
}
