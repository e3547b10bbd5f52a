// Seeds workstations (with sessions, metrics and assignments) and the tenant's Gitea organization.
import {
  giteaOrganizations,
  workstationAssignments,
  workstationMetrics,
  workstations,
  workstationSessions,
  type NewGiteaOrganization,
  type NewWorkstation,
  type NewWorkstationAssignment,
  type NewWorkstationMetric,
  type NewWorkstationSession,
} from '../schema/index.js';
import { activeUsers, type TenantSeedContext } from './context.js';
import { addDays, SEED_EPOCH } from './random.js';

const HOUR = 3_600_000;

/**
 * Seeds 1-4 workstations per tenant with assignments to users, recent sessions and hourly
 * metrics for the last day, and one Gitea organization.
 *
 * @example
 * ```ts
 * import { seedWorkstations } from '@stocksync/db/seed';
 * ```
 */
export function seedWorkstations(ctx: TenantSeedContext): void {
  const rng = ctx.rng('workstations');
  const { tenantId } = ctx;
  const people = activeUsers(ctx);
  const stations: NewWorkstation[] = [];
  const sessions: NewWorkstationSession[] = [];
  const metrics: NewWorkstationMetric[] = [];
  const assigned: NewWorkstationAssignment[] = [];
  for (let i = 1; i <= rng.int(1, 4); i++) {
    const at = rng.between(addDays(ctx.tenant.createdAt, 5), addDays(new Date(SEED_EPOCH), -30));
    const id = rng.uuid(at);
    const status = rng.weighted([['online', 5], ['offline', 3], ['maintenance', 1]] as const);
    const lastSeen = new Date(SEED_EPOCH - (status === 'online' ? rng.int(1, 10) * 60_000 : rng.int(2, 72) * HOUR));
    stations.push({
      tenantId,
      id,
      name: `WS-${String(i).padStart(2, '0')}`,
      hostname: `ws-${String(i).padStart(2, '0')}.${ctx.tenant.slug}.internal`,
      os: rng.pick(['windows', 'macos', 'linux']),
      status,
      lastSeenAt: lastSeen,
      createdAt: at,
      updatedAt: lastSeen,
    });
    const user = rng.pick(people);
    assigned.push({ tenantId, id: rng.uuid(at), workstationId: id, userEmail: user.email, assignedAt: at, releasedAt: null });
    for (let s = rng.int(1, 4); s > 0; s--) {
      const start = rng.pastDate(14, 1);
      sessions.push({
        tenantId,
        id: rng.uuid(start),
        workstationId: id,
        userEmail: user.email,
        startedAt: start,
        endedAt: new Date(start.getTime() + rng.int(1, 9) * HOUR),
      });
    }
    for (let h = 24; h > 0; h -= rng.int(1, 4)) {
      const when = new Date(SEED_EPOCH - h * HOUR);
      metrics.push({
        tenantId,
        id: rng.uuid(when),
        workstationId: id,
        cpuPercent: (rng.int(200, 9500) / 100).toFixed(2),
        memoryMb: rng.int(1_500, 30_000),
        recordedAt: when,
      });
    }
  }
  const org: NewGiteaOrganization = {
    tenantId,
    id: rng.uuid(ctx.tenant.createdAt),
    giteaOrgId: rng.int(1, 2_000_000_000),
    name: ctx.tenant.slug.slice(0, 40),
    fullName: ctx.tenant.name,
    visibility: rng.pick(['private', 'private', 'limited']),
    createdAt: ctx.tenant.createdAt,
    updatedAt: ctx.tenant.createdAt,
  };
  ctx.batch.push(workstations, stations);
  ctx.batch.push(workstationAssignments, assigned);
  ctx.batch.push(workstationSessions, sessions);
  ctx.batch.push(workstationMetrics, metrics);
  ctx.batch.push(giteaOrganizations, [org]);
}
