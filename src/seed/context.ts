// What every domain seeder receives for one tenant: its random source, ids of rows seeded so far,
// and the batch the rows go into.
import type { NewTenant, NewUser } from '../schema/index.js';
import type { SeedEnvironment } from './catalog.js';
import { Random } from './random.js';
import type { SeedBatch } from './batch.js';

/** A seeded user, as later domains need it (id, role, when they joined). */
export interface SeededUser {
  id: string;
  role: NewUser['role'];
  status: NewUser['status'];
  email: string;
  name: string;
  createdAt: Date;
}

/**
 * The state shared by the domain seeders of one tenant. Each domain reads what earlier domains
 * left in `refs` (for example projects read `users`) and adds its own.
 */
export interface TenantSeedContext {
  /** The seed the whole run derives from. */
  seed: string;
  /** Position of the tenant in the run (tenant ids derive from seed and index). */
  index: number;
  tenantId: string;
  tenant: NewTenant & { id: string; createdAt: Date };
  users: SeededUser[];
  /** Ids and facts a domain publishes for the domains after it. */
  refs: Record<string, unknown>;
  batch: SeedBatch;
  /** The global catalog and tax rates in the database. */
  env: SeedEnvironment;
  /** A generator for one domain of this tenant: independent of how much other domains drew. */
  rng(domain: string): Random;
}

/**
 * Creates the context of tenant `index` under `seed`.
 *
 * @example
 * ```ts
 * import { tenantContext } from '@stocksync/db/seed';
 * const ctx = tenantContext('42', 0, new SeedBatch(), tenantRow('42', 0), defaultEnvironment());
 * ```
 */
export function tenantContext(
  seed: string,
  index: number,
  batch: SeedBatch,
  tenant: TenantSeedContext['tenant'],
  env: SeedEnvironment,
): TenantSeedContext {
  return {
    seed,
    index,
    tenantId: tenant.id,
    tenant,
    users: [],
    refs: {},
    batch,
    env,
    rng: (domain) => Random.from(seed, 'tenant', index, domain),
  };
}

/**
 * Active users of the tenant (fallback: every user), for assignees, authors and approvers.
 *
 * @example
 * ```ts
 * import { activeUsers } from '@stocksync/db/seed';
 * const assignees = activeUsers(ctx);
 * ```
 */
export function activeUsers(ctx: TenantSeedContext): SeededUser[] {
  const active = ctx.users.filter((u) => u.status === 'active');
  return active.length ? active : ctx.users;
}
