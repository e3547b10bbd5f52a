// License validators: seats, hardware ids, heartbeat TTL, operation inputs.
import { describe, expect, it } from 'vitest';
import {
  LICENSE_HEARTBEAT_TTL_MS,
  isSessionStale,
  licenseInsertSchema,
  licenseSessionInsertSchema,
  openLicenseSessionInput,
  reapZombieSessionsInput,
} from '../../../src/validators/index.js';
import { issuePaths } from './_paths.js';

const T = '0190a5b4-0000-7000-8000-000000000001';
const L = '0190a5b4-0000-7000-8000-000000000002';

describe('licenses', () => {
  it('seats_total is a whole number above zero', () => {
    expect(issuePaths(licenseInsertSchema, { tenantId: T, licenseKey: 'K', seatsTotal: 3 })).toEqual([]);
    expect(issuePaths(licenseInsertSchema, { tenantId: T, licenseKey: 'K', seatsTotal: 0 })).toEqual(['seatsTotal']);
    expect(issuePaths(licenseInsertSchema, { tenantId: T, licenseKey: 'K', seatsTotal: 1.5 })).toEqual(['seatsTotal']);
  });

  it('sessions need a hardware id, and an end time unless active', () => {
    expect(issuePaths(licenseSessionInsertSchema, { tenantId: T, licenseId: L, hardwareId: 'hw' })).toEqual([]);
    expect(issuePaths(licenseSessionInsertSchema, { tenantId: T, licenseId: L, hardwareId: '   ' })).toEqual(['hardwareId']);
    expect(issuePaths(licenseSessionInsertSchema, { tenantId: T, licenseId: L, hardwareId: 'hw', status: 'zombie' })).toEqual(['endedAt']);
  });

  it('a session is stale after 6 minutes without heartbeat', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(LICENSE_HEARTBEAT_TTL_MS).toBe(360_000);
    expect(isSessionStale(new Date(now.getTime() - 359_000), now)).toBe(false);
    expect(isSessionStale(new Date(now.getTime() - 361_000), now)).toBe(true);
  });

  it('operation inputs: IP addresses, TTL default', () => {
    expect(issuePaths(openLicenseSessionInput, { licenseId: L, hardwareId: 'hw', ipAddress: '10.0.0.1' })).toEqual([]);
    expect(issuePaths(openLicenseSessionInput, { licenseId: L, hardwareId: 'hw', ipAddress: '::1' })).toEqual([]);
    expect(issuePaths(openLicenseSessionInput, { licenseId: L, hardwareId: 'hw', ipAddress: '999.1.1.1' })).toEqual(['ipAddress']);
    expect(reapZombieSessionsInput.parse({})).toEqual({ ttlMinutes: 6 });
    expect(issuePaths(reapZombieSessionsInput, { ttlMinutes: 0 })).toEqual(['ttlMinutes']);
  });
});
