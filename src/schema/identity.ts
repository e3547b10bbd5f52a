// Identity domain: users (later: memberships, teams, team members, sessions).
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { timestamps } from './_columns.js';
import { tenantTable } from './_tenant-table.js';

/** Roles a user can hold inside a tenant. */
export const USER_ROLES = ['owner', 'admin', 'member', 'guest'] as const;
/** User account states (seed 002). */
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;

/** Users: people who sign in, each belonging to one tenant. */
export const users = tenantTable(
  'users',
  {
    email: varchar({ length: 254 }).notNull(),
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
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_tenant_id_email_key').on(t.tenantId, sql`lower(${t.email})`),
    index('users_tenant_id_oauth_provider_oauth_sub_idx').on(t.tenantId, t.oauthProvider, t.oauthSub),
    index('users_tenant_id_role_idx').on(t.tenantId, t.role),
  ],
);

/** A user row as read from the database. */
export type User = typeof users.$inferSelect;
/** A user row to insert (`tenantId` and `id` may be left to the scoped builder and the default). */
export type NewUser = typeof users.$inferInsert;
