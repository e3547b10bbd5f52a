// Identity validators: users, memberships, teams, team members and sessions (select, insert, update, wire).
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import {
  memberships,
  sessions,
  teamMembers,
  teams,
  users,
  type Membership,
  type Session,
  type Team,
  type TeamMember,
  type User,
} from '../schema/identity.js';
import { requireThat, wireSchemaOf, type Paginated, type Wire } from './_shared.js';

const userRefine = {
  email: (s: z.ZodString) => s.email(),
  avatarUrl: (s: z.ZodString) => s.url(),
};
/** User: select schema. */
export const userSelectSchema = createSelectSchema(users);
/**
 * User: insert schema (valid e-mail and avatar URL).
 *
 * @example
 * ```ts
 * import { userInsertSchema } from '@stocksync/db/validators';
 * userInsertSchema.parse({ tenantId, email: 'ada@acme.test' });
 * ```
 */
export const userInsertSchema = insertSchemaOf(users, userRefine);
/** User: update schema. */
export const userUpdateSchema = updateSchemaOf(users, userRefine);
/** User: wire schema. */
export const userWireSchema = wireSchemaOf(users);
/** A user as JSON. */
export type UserWire = Wire<User>;
/** A page of users. */
export type UserListResponse = Paginated<UserWire>;

const revokedAfterJoined = (v: { joinedAt?: Date; revokedAt?: Date | null }, ctx: z.RefinementCtx) =>
  requireThat(ctx, !v.revokedAt || !v.joinedAt || v.revokedAt >= v.joinedAt, ['revokedAt'], 'Must not be before joinedAt');
/** Membership: select schema. */
export const membershipSelectSchema = createSelectSchema(memberships);
/** Membership: insert schema (revokedAt not before joinedAt). */
export const membershipInsertSchema = insertSchemaOf(memberships).superRefine(revokedAfterJoined);
/** Membership: update schema. */
export const membershipUpdateSchema = updateSchemaOf(memberships).superRefine(revokedAfterJoined);
/** Membership: wire schema. */
export const membershipWireSchema = wireSchemaOf(memberships);
/** A membership as JSON. */
export type MembershipWire = Wire<Membership>;
/** A page of memberships. */
export type MembershipListResponse = Paginated<MembershipWire>;

const teamRefine = { name: (s: z.ZodString) => s.trim().min(1, 'Must not be blank') };
/** Team: select schema. */
export const teamSelectSchema = createSelectSchema(teams);
/** Team: insert schema (non-blank name). */
export const teamInsertSchema = insertSchemaOf(teams, teamRefine);
/** Team: update schema. */
export const teamUpdateSchema = updateSchemaOf(teams, teamRefine);
/** Team: wire schema. */
export const teamWireSchema = wireSchemaOf(teams);
/** A team as JSON. */
export type TeamWire = Wire<Team>;
/** A page of teams. */
export type TeamListResponse = Paginated<TeamWire>;

/** Team member: select schema. */
export const teamMemberSelectSchema = createSelectSchema(teamMembers);
/** Team member: insert schema. */
export const teamMemberInsertSchema = insertSchemaOf(teamMembers);
/** Team member: update schema. */
export const teamMemberUpdateSchema = updateSchemaOf(teamMembers);
/** Team member: wire schema. */
export const teamMemberWireSchema = wireSchemaOf(teamMembers);
/** A team member as JSON. */
export type TeamMemberWire = Wire<TeamMember>;
/** A page of team members. */
export type TeamMemberListResponse = Paginated<TeamMemberWire>;

const endedAfterStarted = (v: { startedAt?: Date; endedAt?: Date | null }, ctx: z.RefinementCtx) =>
  requireThat(ctx, !v.endedAt || !v.startedAt || v.endedAt >= v.startedAt, ['endedAt'], 'Must not be before startedAt');
/** Session: select schema. */
export const sessionSelectSchema = createSelectSchema(sessions);
/** Session: insert schema (endedAt not before startedAt). */
export const sessionInsertSchema = insertSchemaOf(sessions).superRefine(endedAfterStarted);
/** Session: update schema. */
export const sessionUpdateSchema = updateSchemaOf(sessions).superRefine(endedAfterStarted);
/** Session: wire schema. */
export const sessionWireSchema = wireSchemaOf(sessions);
/** A session as JSON. */
export type SessionWire = Wire<Session>;
/** A page of sessions. */
export type SessionListResponse = Paginated<SessionWire>;
