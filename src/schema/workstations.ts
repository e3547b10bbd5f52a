// Workstations and repositories domains in the tenant foreign-key pattern (seed 001, Phase 5):
// the successors of the legacy Django tables in src/schema/legacy.ts, filled by a data migration.
import { index, integer, numeric, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { enumCheck, timestamps } from './_columns.js';
import { tenantRef, tenantTable } from './_tenant-table.js';

/** States of a workstation. */
export const WORKSTATION_STATUSES = ['online', 'offline', 'maintenance', 'retired'] as const;
/** Visibility of a Gitea organization. */
export const GITEA_VISIBILITIES = ['public', 'limited', 'private'] as const;

/** Workstations: a tenant's developer machines. */
export const workstations = tenantTable(
  'workstations',
  {
    name: varchar({ length: 255 }).notNull(),
    hostname: varchar({ length: 255 }),
    os: varchar({ length: 50 }),
    status: varchar({ length: 20, enum: WORKSTATION_STATUSES }).notNull().default('offline'),
    lastSeenAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [index('workstations_tenant_id_status_idx').on(t.tenantId, t.status), enumCheck('workstations', t.status, WORKSTATION_STATUSES)],
);

/** A user's session on a workstation. */
export const workstationSessions = tenantTable(
  'workstation_sessions',
  {
    workstationId: uuid().notNull(),
    userEmail: varchar({ length: 254 }).notNull(),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    tenantRef('workstation_sessions', t.tenantId, t.workstationId, workstations, 'cascade'),
    index('workstation_sessions_tenant_id_workstation_id_started_at_idx').on(t.tenantId, t.workstationId, t.startedAt),
  ],
);

/** Resource usage samples of a workstation. */
export const workstationMetrics = tenantTable(
  'workstation_metrics',
  {
    workstationId: uuid().notNull(),
    cpuPercent: numeric({ precision: 5, scale: 2 }).notNull(),
    memoryMb: integer().notNull(),
    recordedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    tenantRef('workstation_metrics', t.tenantId, t.workstationId, workstations, 'cascade'),
    index('workstation_metrics_tenant_id_workstation_id_recorded_at_idx').on(t.tenantId, t.workstationId, t.recordedAt),
  ],
);

/** Who a workstation is (or was) assigned to. */
export const workstationAssignments = tenantTable(
  'workstation_assignments',
  {
    workstationId: uuid().notNull(),
    userEmail: varchar({ length: 254 }).notNull(),
    assignedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    releasedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    tenantRef('workstation_assignments', t.tenantId, t.workstationId, workstations, 'cascade'),
    index('workstation_assignments_tenant_id_workstation_id_idx').on(t.tenantId, t.workstationId),
  ],
);

/** A tenant's organization on the Gitea server (repositories app). */
export const giteaOrganizations = tenantTable(
  'gitea_organizations',
  {
    giteaOrgId: integer().notNull(),
    name: varchar({ length: 255 }).notNull(),
    fullName: varchar({ length: 255 }),
    visibility: varchar({ length: 20, enum: GITEA_VISIBILITIES }).notNull().default('private'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('gitea_organizations_tenant_id_gitea_org_id_key').on(t.tenantId, t.giteaOrgId),
    enumCheck('gitea_organizations', t.visibility, GITEA_VISIBILITIES),
  ],
);

export type Workstation = typeof workstations.$inferSelect;
export type NewWorkstation = typeof workstations.$inferInsert;
export type WorkstationSession = typeof workstationSessions.$inferSelect;
export type NewWorkstationSession = typeof workstationSessions.$inferInsert;
export type WorkstationMetric = typeof workstationMetrics.$inferSelect;
export type NewWorkstationMetric = typeof workstationMetrics.$inferInsert;
export type WorkstationAssignment = typeof workstationAssignments.$inferSelect;
export type NewWorkstationAssignment = typeof workstationAssignments.$inferInsert;
export type GiteaOrganization = typeof giteaOrganizations.$inferSelect;
export type NewGiteaOrganization = typeof giteaOrganizations.$inferInsert;
