// License operations inside withTenant: open/heartbeat/close, seats under concurrent opens through
// the operation, silent seats freed on open, and the reaper.
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NotFoundError,
  RuleViolationError,
  ValidationError,
  closeLicenseSession,
  heartbeatLicenseSession,
  openLicenseSession,
  reapZombieSessions,
} from '../../../src/operations/index.js';
import { licenseSessions, licenses } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';

let t: TestDatabase;
let admin: pg.Client;
let tenantId: string;

beforeAll(async () => {
  t = await createTestDatabase({ max: 12 });
  admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
  tenantId = (await admin.query(`insert into tenants (name, slug, email) values ('Lic', 'lic-ops', 'l@ops.test') returning id`)).rows[0].id;
});
afterAll(async () => {
  await admin?.end();
  await t?.drop();
});

const newLicense = (seats: number) =>
  withTenant(t.db, tenantId, async (tx) => (await tx.insert(licenses).values({ tenantId, licenseKey: `K-${Math.random()}`, seatsTotal: seats }).returning())[0]!);
const silence = (sessionId: string, minutes: number) =>
  admin.query(`update license_sessions set last_heartbeat_at = now() - make_interval(secs => $2::float8 * 60) where id = $1`, [sessionId, minutes]);

describe('license session operations', () => {
  it('opens, heartbeats and closes a session, returning typed rows', async () => {
    const license = await newLicense(1);
    const s = await withTenant(t.db, tenantId, (tx) =>
      openLicenseSession(tx, { licenseId: license.id, hardwareId: 'hw-1', ipAddress: '10.0.0.1', clientVersion: '1.2.3' }),
    );
    expect(s).toMatchObject({ status: 'active', hardwareId: 'hw-1', ipAddress: '10.0.0.1', endedAt: null });
    await silence(s.id, 3);
    const beat = await withTenant(t.db, tenantId, (tx) => heartbeatLicenseSession(tx, { sessionId: s.id }));
    expect(beat.lastHeartbeatAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const closed = await withTenant(t.db, tenantId, (tx) => closeLicenseSession(tx, { sessionId: s.id }));
    expect(closed.status).toBe('closed');
    expect(closed.endedAt).toBeInstanceOf(Date);
    // Closing again is a no-op; a heartbeat on a closed session asks for a new session.
    expect((await withTenant(t.db, tenantId, (tx) => closeLicenseSession(tx, { sessionId: s.id }))).status).toBe('closed');
    await expect(withTenant(t.db, tenantId, (tx) => heartbeatLicenseSession(tx, { sessionId: s.id }))).rejects.toBeInstanceOf(RuleViolationError);
    await expect(
      withTenant(t.db, tenantId, (tx) => heartbeatLicenseSession(tx, { sessionId: '01900000-0000-7000-8000-000000000000' })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license.id, hardwareId: '  ' }))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('refuses a seat beyond seats_total and a second session of the same machine', async () => {
    const license = await newLicense(1);
    await withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license.id, hardwareId: 'hw-a' }));
    const full = await withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license.id, hardwareId: 'hw-b' })).catch((e: unknown) => e);
    expect((full as RuleViolationError).constraint).toBe('license_sessions_seats_check');
    const wide = await newLicense(3);
    await withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: wide.id, hardwareId: 'hw-a' }));
    const dup = await withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: wide.id, hardwareId: 'hw-a' })).catch((e: unknown) => e);
    expect((dup as RuleViolationError).sqlState).toBe('23505');
  });

  it('frees the seat of a session silent for over 6 minutes when a new one opens', async () => {
    const license = await newLicense(1);
    const old = await withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license.id, hardwareId: 'hw-old' }));
    await silence(old.id, 7);
    const fresh = await withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license.id, hardwareId: 'hw-new' }));
    expect(fresh.status).toBe('active');
    const [row] = await withTenant(t.db, tenantId, (tx) => tx.select().from(licenseSessions).where(eq(licenseSessions.id, old.id)));
    expect(row!.status).toBe('zombie');
  });

  it('reapZombieSessions returns the sessions it turned into zombies', async () => {
    const license = await newLicense(3);
    const a = await withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license.id, hardwareId: 'r-1' }));
    const b = await withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license.id, hardwareId: 'r-2' }));
    await silence(a.id, 6.5);
    await silence(b.id, 5.5);
    const reaped = await withTenant(t.db, tenantId, (tx) => reapZombieSessions(tx, { licenseId: license.id }));
    expect(reaped.map((s) => [s.id, s.status])).toEqual([[a.id, 'zombie']]);
    expect(reaped[0]!.endedAt).toBeInstanceOf(Date);
    const shorter = await withTenant(t.db, tenantId, (tx) => reapZombieSessions(tx, { ttlMinutes: 5, licenseId: license.id }));
    expect(shorter.map((s) => s.id)).toEqual([b.id]);
  });

  it('hands out exactly seats_total sessions to concurrent openers', async () => {
    const license = await newLicense(4);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => withTenant(t.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license.id, hardwareId: `c-${i}` }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RuleViolationError);
    const active = await admin.query(`select count(*)::int as n from license_sessions where license_id = $1 and status = 'active'`, [license.id]);
    expect(active.rows[0].n).toBe(4);
  });
});
