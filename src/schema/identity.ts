// Identity domain: users, their tenant memberships, teams and team members, and sign-in sessions.
import { relations, sql } from 'drizzle-orm';
import { boolean, check, index, inet, jsonb, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { enumCheck, timestamps } from './_columns.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { tenants } from './tenancy.js';

/** Roles a user can hold inside a tenant. */
export const USER_ROLES = ['owner', 'admin', 'member', 'guest'] as const;
/** User account states (seed 002). */
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
/** Roles of a membership (the spec's Membership model uses `viewer` where users use `guest`). */
export const MEMBERSHIP_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
/** Roles inside a team. */
export const TEAM_MEMBER_ROLES = ['lead', 'member'] as const;

/**
 * Users: people who sign in, each belonging to one tenant.
 *
 * @example
 * ```ts
 * import { users } from '@stocksync/db/schema';
 * const rows = await db.select().from(users).limit(10);
 * ```
 */
export const users = tenantTable(
  'users',
  {
    email: varchar({ length: 254 }).notNull(),
    firstName: varchar({ length: 150 }).notNull().default(''),
    lastName: varchar({ length: 150 }).notNull().default(''),
    role: varchar({ length: 20, enum: USER_ROLES }).notNull().default('member'),
    status: varchar({ length: 20, enum: USER_STATUSES }).notNull().default('active'),
    onboardingCompleted: boolean().notNull().default(false),
    oauthProvider: varchar({ length: 50 }),
    oauthSub: varchar({ length: 255 }),
    phoneNumber: varchar({ length: 50 }),
    avatarUrl: text(),
    timezone: varchar({ length: 50 }).notNull().default('UTC'),
    language: varchar({ length: 10 }).notNull().default('en'),
    notificationPreferences: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    lastLoginAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_tenant_id_email_key').on(t.tenantId, sql`lower(${t.email})`),
    index('users_tenant_id_oauth_provider_oauth_sub_idx').on(t.tenantId, t.oauthProvider, t.oauthSub),
    index('users_tenant_id_role_idx').on(t.tenantId, t.role),
    enumCheck('users', t.role, USER_ROLES),
    enumCheck('users', t.status, USER_STATUSES),
  ],
);

/**
 * Memberships: a user's role in the tenant over time (revoked memberships stay for history).
 *
 * @example
 * ```ts
 * import { memberships } from '@stocksync/db/schema';
 * const rows = await db.select().from(memberships).limit(10);
 * ```
 */
export const memberships = tenantTable(
  'memberships',
  {
    userId: uuid().notNull(),
    role: varchar({ length: 20, enum: MEMBERSHIP_ROLES }).notNull().default('member'),
    joinedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('memberships', t.tenantId, t.userId, users, 'cascade'),
    uniqueIndex('memberships_tenant_id_user_id_key').on(t.tenantId, t.userId),
    enumCheck('memberships', t.role, MEMBERSHIP_ROLES),
    check('memberships_revoked_at_check', sql`${t.revokedAt} is null or ${t.revokedAt} >= ${t.joinedAt}`),
  ],
);

/**
 * Teams: named groups of users inside a tenant.
 *
 * @example
 * ```ts
 * import { teams } from '@stocksync/db/schema';
 * const rows = await db.select().from(teams).limit(10);
 * ```
 */
export const teams = tenantTable(
  'teams',
  {
    name: varchar({ length: 255 }).notNull(),
    description: text().notNull().default(''),
    ...timestamps(),
  },
  (t) => [uniqueIndex('teams_tenant_id_name_key').on(t.tenantId, t.name)],
);

/**
 * Team members: which users belong to which team, and as what.
 *
 * @example
 * ```ts
 * import { teamMembers } from '@stocksync/db/schema';
 * const rows = await db.select().from(teamMembers).limit(10);
 * ```
 */
export const teamMembers = tenantTable(
  'team_members',
  {
    teamId: uuid().notNull(),
    userId: uuid().notNull(),
    role: varchar({ length: 20, enum: TEAM_MEMBER_ROLES }).notNull().default('member'),
    ...timestamps(),
  },
  (t) => [
    tenantRef('team_members', t.tenantId, t.teamId, teams, 'cascade'),
    tenantRef('team_members', t.tenantId, t.userId, users, 'cascade'),
    uniqueIndex('team_members_tenant_id_team_id_user_id_key').on(t.tenantId, t.teamId, t.userId),
    index('team_members_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    enumCheck('team_members', t.role, TEAM_MEMBER_ROLES),
  ],
);

/**
 * Sessions (seed 002): one sign-in from start to end, with what the user did meanwhile.
 *
 * @example
 * ```ts
 * import { sessions } from '@stocksync/db/schema';
 * const rows = await db.select().from(sessions).limit(10);
 * ```
 */
export const sessions = tenantTable(
  'sessions',
  {
    userId: uuid().notNull(),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true, mode: 'date' }),
    activityData: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ipAddress: inet(),
    userAgent: varchar({ length: 500 }).notNull().default(''),
    ...timestamps(),
  },
  (t) => [
    tenantRef('sessions', t.tenantId, t.userId, users, 'cascade'),
    index('sessions_tenant_id_user_id_started_at_idx').on(t.tenantId, t.userId, t.startedAt.desc()),
    index('sessions_tenant_id_started_at_open_idx').on(t.tenantId, t.startedAt).where(sql`${t.endedAt} is null`),
    check('sessions_ended_at_check', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);

/** A user row as read from the database. */
export type User = typeof users.$inferSelect;
/** A user row to insert (`tenantId` and `id` may be left to the scoped builder and the default). */
export type NewUser = typeof users.$inferInsert;
/** A membership row. */
export type Membership = typeof memberships.$inferSelect;
/** A membership row to insert. */
export type NewMembership = typeof memberships.$inferInsert;
/** A team row. */
export type Team = typeof teams.$inferSelect;
/** A team row to insert. */
export type NewTeam = typeof teams.$inferInsert;
/** A team member row. */
export type TeamMember = typeof teamMembers.$inferSelect;
/** A team member row to insert. */
export type NewTeamMember = typeof teamMembers.$inferInsert;
/** A session row. */
export type Session = typeof sessions.$inferSelect;
/** A session row to insert. */
export type NewSession = typeof sessions.$inferInsert;

/** Relations of users. */
export const usersRelations = relations(users, ({ one, many }) => ({
  tenant: one(tenants, { fields: [users.tenantId], references: [tenants.id] }),
  memberships: many(memberships),
  teamMembers: many(teamMembers),
  sessions: many(sessions),
}));
/** Relations of memberships. */
export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.tenantId, memberships.userId], references: [users.tenantId, users.id] }),
}));
/** Relations of teams. */
export const teamsRelations = relations(teams, ({ many }) => ({ members: many(teamMembers) }));
/** Relations of team_members. */
export const teamMembersRelations = relations(teamMembers, ({ one }) => ({
  team: one(teams, { fields: [teamMembers.tenantId, teamMembers.teamId], references: [teams.tenantId, teams.id] }),
  user: one(users, { fields: [teamMembers.tenantId, teamMembers.userId], references: [users.tenantId, users.id] }),
}));
/** Relations of sessions. */
export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.tenantId, sessions.userId], references: [users.tenantId, users.id] }),
}));
