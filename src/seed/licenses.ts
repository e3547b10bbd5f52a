// Seeds licenses: the plan's license (seats from the tenant) and the sessions that hold its seats.
import { licenses, licenseSessions, type NewLicense, type NewLicenseSession } from '../schema/index.js';
import type { BillingRefs } from './billing.js';
import { activeUsers, type TenantSeedContext } from './context.js';
import { addDays, SEED_EPOCH } from './random.js';

const MINUTE = 60_000;

/**
 * Seeds one license for the tenant's plan (tied to its entitlement) and its sessions: closed
 * sessions from the last weeks and a few active ones, never more than the seats. Active licenses
 * have no fixed expiry (the subscription renews them), so their open sessions stay valid.
 *
 * @example
 * ```ts
 * import { seedLicenses } from '@stocksync/db/seed';
 * ```
 */
export function seedLicenses(ctx: TenantSeedContext): void {
  const rng = ctx.rng('licenses');
  const { tenantId } = ctx;
  const plan = (ctx.refs.billing as BillingRefs | undefined)?.plan;
  if (!plan) return;
  const people = activeUsers(ctx);
  const issued = addDays(ctx.tenant.createdAt, 1);
  const id = rng.uuid(issued);
  const seats = Math.max(1, plan.seats);
  const license: NewLicense = {
    tenantId,
    id,
    licenseKey: `SS-${id.replace(/-/g, '').slice(-16).toUpperCase().replace(/(.{4})(?=.)/g, '$1-')}`,
    productId: plan.productId,
    entitlementId: plan.entitlementId,
    seatsTotal: seats,
    status: plan.active ? 'active' : 'suspended',
    expiresAt: null,
    createdAt: issued,
    updatedAt: issued,
  };
  const sessions: NewLicenseSession[] = [];
  for (let i = rng.int(3, 12); i > 0; i--) {
    const user = rng.pick(people);
    const start = rng.pastDate(45, 1);
    const end = new Date(start.getTime() + rng.int(10, 600) * MINUTE);
    sessions.push({
      tenantId,
      id: rng.uuid(start),
      licenseId: id,
      userId: user.id,
      hardwareId: `hw-${user.id.slice(-8)}-${rng.int(1, 3)}`,
      status: rng.chance(0.1) ? 'zombie' : 'closed',
      startedAt: start,
      lastHeartbeatAt: new Date(end.getTime() - rng.int(0, 5) * MINUTE),
      endedAt: end,
      ipAddress: `198.51.100.${rng.int(1, 254)}`,
      clientVersion: rng.pick(['3.4.1', '3.4.2', '3.5.0']),
      metadata: { os: rng.pick(['windows', 'macos', 'linux']) },
      createdAt: start,
      updatedAt: end,
    });
  }
  if (license.status === 'active') {
    const open = rng.sample(people, Math.min(seats, rng.int(0, 3)));
    for (const user of open) {
      const start = new Date(SEED_EPOCH - rng.int(5, 240) * MINUTE);
      sessions.push({
        tenantId,
        id: rng.uuid(start),
        licenseId: id,
        userId: user.id,
        hardwareId: `hw-${user.id.slice(-8)}-0`,
        status: 'active',
        startedAt: start,
        lastHeartbeatAt: new Date(SEED_EPOCH - rng.int(0, 4) * MINUTE),
        endedAt: null,
        ipAddress: `198.51.100.${rng.int(1, 254)}`,
        clientVersion: '3.5.0',
        metadata: { os: rng.pick(['windows', 'macos', 'linux']) },
        createdAt: start,
        updatedAt: start,
      });
    }
  }
  ctx.batch.push(licenses, [license]);
  ctx.batch.push(licenseSessions, sessions);
}
