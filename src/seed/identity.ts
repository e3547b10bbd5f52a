// Seeds the tenant row and the identity domain: users (and their roles and statuses).
import {
  memberships,
  sessions,
  teamMembers,
  teams,
  tenantDomains,
  tenants,
  tenantSettings,
  users,
  type NewMembership,
  type NewSession,
  type NewTeam,
  type NewTeamMember,
  type NewTenantDomain,
  type NewUser,
} from '../schema/index.js';
import type { SeededUser, TenantSeedContext } from './context.js';
import { addDays, Random } from './random.js';
import { COMPANY_FIRST, COMPANY_SECOND, COMPANY_SUFFIX, INDUSTRIES, LANGUAGES, personName, slugify, TEAM_NAMES, TIMEZONES } from './words.js';

/**
 * The deterministic tenant row for position `index` under `seed` (pure: no database access).
 *
 * @example
 * ```ts
 * import { tenantRow } from '@stocksync/db/seed';
 * tenantRow('42', 0).slug; // the same on every run
 * ```
 */
export function tenantRow(seed: string, index: number): TenantSeedContext['tenant'] {
  const rng = Random.from(seed, 'tenant', index, 'row');
  const createdAt = rng.pastDate(900, 120);
  const id = rng.uuid(createdAt);
  const base = `${rng.pick(COMPANY_FIRST)} ${rng.pick(COMPANY_SECOND)}`;
  const name = `${base} ${rng.pick(COMPANY_SUFFIX)}`;
  // The id's random tail keeps slugs unique across tenants and seeds.
  const slug = `${slugify(base)}-${id.slice(-6)}`;
  const tier = rng.weighted([
    ['trial', 2],
    ['starter', 4],
    ['professional', 3],
    ['enterprise', 1],
  ] as const);
  const status = rng.chance(0.06) ? 'suspended' : 'active';
  const domain = `${slug}.example.com`;
  return {
    id,
    name,
    slug,
    email: `ops@${domain}`,
    licenseTier: tier,
    seatsTotal: { trial: 5, starter: 15, professional: 40, enterprise: 150 }[tier],
    isActive: status === 'active',
    status,
    domain,
    brandingConfig: { primaryColor: `#${rng.next().toString(16).padStart(8, '0').slice(0, 6)}`, logoUrl: `https://${domain}/logo.png` },
    stripeCustomerId: tier === 'trial' ? null : `cus_${id.replace(/-/g, '').slice(-14)}`,
    stripeSubscriptionId: tier === 'trial' ? null : `sub_${id.replace(/-/g, '').slice(-14)}`,
    billingEmail: `billing@${domain}`,
    taxId: rng.chance(0.7) ? `EU${rng.int(100000000, 999999999)}` : null,
    phoneNumber: `+1-555-${String(rng.int(100, 999))}-${String(rng.int(1000, 9999))}`,
    website: `https://${domain}`,
    industry: rng.pick(INDUSTRIES),
    companySize: rng.weighted([
      ['small', 5],
      ['medium', 3],
      ['large', 1],
      ['enterprise', 1],
    ] as const),
    createdAt,
    updatedAt: addDays(createdAt, rng.int(0, 100)),
  };
}

/** How many users a tenant of this tier gets. */
function userCount(ctx: TenantSeedContext, rng: Random): number {
  const seats = ctx.tenant.seatsTotal ?? 5;
  return Math.max(2, Math.min(seats, rng.int(4, 18)));
}

/**
 * Seeds the users of the tenant in `ctx` (one owner, a few admins, members, a guest or two) and
 * publishes them as `ctx.users`.
 *
 * @example
 * ```ts
 * import { seedIdentity } from '@stocksync/db/seed';
 * ```
 */
export function seedIdentity(ctx: TenantSeedContext): void {
  const rng = ctx.rng('identity');
  const count = userCount(ctx, rng);
  const rows: NewUser[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const { first, last } = personName(rng);
    let local = `${first}.${last}`.toLowerCase();
    while (seen.has(local)) local = `${first}.${last}${rng.int(2, 99)}`.toLowerCase();
    seen.add(local);
    const role: SeededUser['role'] = i === 0 ? 'owner' : i <= 2 ? 'admin' : rng.chance(0.12) ? 'guest' : 'member';
    const status: SeededUser['status'] = i === 0 ? 'active' : rng.weighted([['active', 16], ['invited', 2], ['disabled', 1]] as const);
    const createdAt = rng.between(ctx.tenant.createdAt, addDays(ctx.tenant.createdAt, 90));
    const id = rng.uuid(createdAt);
    const email = `${local}@${ctx.tenant.domain ?? 'example.com'}`;
    const oauth = rng.chance(0.4) ? rng.pick(['google', 'github'] as const) : null;
    rows.push({
      tenantId: ctx.tenantId,
      id,
      email,
      firstName: first,
      lastName: last,
      role,
      status,
      onboardingCompleted: status === 'active' && rng.chance(0.85),
      oauthProvider: oauth,
      oauthSub: oauth ? String(rng.int(10_000_000, 99_999_999)) : null,
      phoneNumber: rng.chance(0.5) ? `+1-555-${rng.int(100, 999)}-${rng.int(1000, 9999)}` : null,
      avatarUrl: rng.chance(0.6) ? `https://avatars.example.com/${id}.png` : null,
      timezone: rng.pick(TIMEZONES),
      language: rng.pick(LANGUAGES),
      notificationPreferences: { email: true, digest: rng.pick(['daily', 'weekly', 'never']), mentions: rng.chance(0.8) },
      lastLoginAt: status === 'active' ? rng.pastDate(30) : null,
      createdAt,
      updatedAt: addDays(createdAt, rng.int(0, 30)),
    });
    ctx.users.push({ id, role, status, email, name: `${first} ${last}`, createdAt });
  }
  ctx.batch.push(users, rows);
}

/**
 * Pushes the tenant row of `ctx` into its batch.
 *
 * @example
 * ```ts
 * import { seedTenantRow } from '@stocksync/db/seed';
 * seedTenantRow(ctx); // pushes ctx.tenant into ctx.batch
 * ```
 */
export function seedTenantRow(ctx: TenantSeedContext): void {
  ctx.batch.push(tenants, [ctx.tenant]);
}

/**
 * Seeds the tenant's host names and settings, memberships (one per user), teams with members, and
 * recent sign-in sessions. Publishes `ctx.refs.teams`.
 *
 * @example
 * ```ts
 * import { seedOrganization } from '@stocksync/db/seed';
 * ```
 */
export function seedOrganization(ctx: TenantSeedContext): void {
  const rng = ctx.rng('organization');
  const t = ctx.tenant;
  const { tenantId } = ctx;
  const hosts: NewTenantDomain[] = [
    {
      tenantId,
      id: rng.uuid(t.createdAt),
      hostname: `${t.slug}.stocksync.app`,
      kind: 'subdomain',
      isPrimary: true,
      verifiedAt: t.createdAt,
      createdAt: t.createdAt,
      updatedAt: t.createdAt,
    },
  ];
  if (t.licenseTier === 'enterprise' || t.licenseTier === 'professional') {
    const at = addDays(t.createdAt, rng.int(5, 60));
    hosts.push({
      tenantId,
      id: rng.uuid(at),
      hostname: `app.${t.domain}`,
      kind: 'custom',
      isPrimary: false,
      verifiedAt: rng.chance(0.8) ? addDays(at, 1) : null,
      createdAt: at,
      updatedAt: at,
    });
  }
  ctx.batch.push(tenantDomains, hosts);
  ctx.batch.push(tenantSettings, [
    { tenantId, id: rng.uuid(t.createdAt), settings: {}, version: 1, createdAt: t.createdAt, updatedAt: t.createdAt },
  ]);

  const memberRows: NewMembership[] = ctx.users.map((u) => ({
    tenantId,
    id: rng.uuid(u.createdAt),
    userId: u.id,
    role: u.role === 'guest' ? 'viewer' : u.role,
    joinedAt: u.createdAt,
    revokedAt: u.status === 'disabled' ? addDays(u.createdAt, rng.int(10, 25)) : null,
    createdAt: u.createdAt,
    updatedAt: u.createdAt,
  }));
  ctx.batch.push(memberships, memberRows);

  const teamRows: NewTeam[] = rng.sample(TEAM_NAMES, rng.int(2, 4)).map((name) => {
    const at = rng.between(t.createdAt, addDays(t.createdAt, 60));
    return { tenantId, id: rng.uuid(at), name, description: `${name} team of ${t.name}.`, createdAt: at, updatedAt: at };
  });
  ctx.batch.push(teams, teamRows);
  const memberOf: NewTeamMember[] = [];
  for (const team of teamRows) {
    const people = rng.sample(ctx.users, rng.int(2, Math.min(6, ctx.users.length)));
    people.forEach((u, i) => {
      const at = u.createdAt > team.createdAt! ? u.createdAt : team.createdAt!;
      memberOf.push({ tenantId, id: rng.uuid(at), teamId: team.id!, userId: u.id, role: i === 0 ? 'lead' : 'member', createdAt: at, updatedAt: at });
    });
  }
  ctx.batch.push(teamMembers, memberOf);
  ctx.refs.teams = teamRows.map((r) => r.id!);

  const sessionRows: NewSession[] = [];
  for (const u of ctx.users.filter((x) => x.status === 'active')) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const start = rng.pastDate(60, 1);
      const open = i === 1 && rng.chance(0.3);
      sessionRows.push({
        tenantId,
        id: rng.uuid(start),
        userId: u.id,
        startedAt: start,
        endedAt: open ? null : new Date(start.getTime() + rng.int(5, 480) * 60_000),
        activityData: { pages: rng.int(1, 40), actions: rng.int(0, 25) },
        ipAddress: `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
        userAgent: rng.pick(USER_AGENTS),
        createdAt: start,
        updatedAt: start,
      });
    }
  }
  ctx.batch.push(sessions, sessionRows);
}

const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'StockSync-Mobile/3.4.1 (iOS 17.5)',
] as const;
