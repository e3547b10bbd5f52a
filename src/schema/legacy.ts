// Legacy tables as the Django apps left them (seed 001, Phase 5): the workstations app's four
// models and the repositories app's GiteaOrganization kept a text `tenant_id` with no foreign key.
// They live in the `legacy` schema until the data migration moves their rows to the tenant
// foreign-key tables (src/schema/workstations.ts); rows it cannot place go to the quarantine.
// The spec names the models but not their fields: the fields here are plausible inventions.
import { foreignKey, index, integer, jsonb, numeric, pgSchema, primaryKey, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** The Postgres schema holding legacy tables and the Phase 5 bookkeeping. */
export const legacySchema = pgSchema('legacy');

const legacyTimestamps = () => ({
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Django `workstations.Workstation`: a developer machine (text tenant_id, no foreign key). */
export const legacyWorkstations = legacySchema.table('workstations_workstation', {
  id: serial().primaryKey(),
  tenantId: varchar({ length: 63 }).notNull(),
  name: varchar({ length: 255 }).notNull(),
  hostname: varchar({ length: 255 }),
  os: varchar({ length: 50 }),
  status: varchar({ length: 20 }).notNull().default('offline'),
  lastSeenAt: timestamp({ withTimezone: true, mode: 'date' }),
  ...legacyTimestamps(),
});

// Django kept real foreign keys inside the app; only the tenant had none.
const legacyWorkstationRef = (table: string, column: Parameters<typeof foreignKey>[0]['columns'][0]) =>
  foreignKey({ name: `${table}_workstation_id_fkey`, columns: [column], foreignColumns: [legacyWorkstations.id] }).onDelete('cascade');

/** Django `workstations.WorkstationSession`: a user's session on a workstation. */
export const legacyWorkstationSessions = legacySchema.table(
  'workstations_workstationsession',
  {
    id: serial().primaryKey(),
    tenantId: varchar({ length: 63 }).notNull(),
    workstationId: integer().notNull(),
    userEmail: varchar({ length: 254 }).notNull(),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [legacyWorkstationRef('workstations_workstationsession', t.workstationId)],
);

/** Django `workstations.WorkstationMetric`: a resource usage sample. */
export const legacyWorkstationMetrics = legacySchema.table(
  'workstations_workstationmetric',
  {
    id: serial().primaryKey(),
    tenantId: varchar({ length: 63 }).notNull(),
    workstationId: integer().notNull(),
    cpuPercent: numeric({ precision: 5, scale: 2 }).notNull(),
    memoryMb: integer().notNull(),
    recordedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [legacyWorkstationRef('workstations_workstationmetric', t.workstationId)],
);

/** Django `workstations.WorkstationAssignment`: who a workstation is assigned to. */
export const legacyWorkstationAssignments = legacySchema.table(
  'workstations_workstationassignment',
  {
    id: serial().primaryKey(),
    tenantId: varchar({ length: 63 }).notNull(),
    workstationId: integer().notNull(),
    userEmail: varchar({ length: 254 }).notNull(),
    assignedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    releasedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [legacyWorkstationRef('workstations_workstationassignment', t.workstationId)],
);

/** Django `repositories.GiteaOrganization`: a tenant's organization on the Gitea server. */
export const legacyGiteaOrganizations = legacySchema.table('repositories_giteaorganization', {
  id: serial().primaryKey(),
  tenantId: varchar({ length: 63 }).notNull(),
  giteaOrgId: integer().notNull(),
  name: varchar({ length: 255 }).notNull(),
  fullName: varchar({ length: 255 }),
  visibility: varchar({ length: 20 }).notNull().default('private'),
  ...legacyTimestamps(),
});

/**
 * Rows the Phase 5 migration moved: the legacy row as it was (to restore it on down) and the new
 * row it became. Global bookkeeping of a migration, not tenant data.
 */
export const legacyTenantMoves = legacySchema.table(
  'tenant_fk_moves',
  {
    sourceTable: text().notNull(),
    legacyId: integer().notNull(),
    targetTable: text().notNull(),
    targetId: uuid().notNull(),
    tenantId: uuid().notNull(),
    original: jsonb().$type<Record<string, unknown>>().notNull(),
    movedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'tenant_fk_moves_pkey', columns: [t.sourceTable, t.legacyId] }),
    index('tenant_fk_moves_tenant_id_idx').on(t.tenantId),
  ],
);

/** Legacy rows the Phase 5 migration could not place under a tenant, kept with the reason. */
export const legacyTenantQuarantine = legacySchema.table(
  'tenant_fk_quarantine',
  {
    sourceTable: text().notNull(),
    legacyId: integer().notNull(),
    tenantRef: varchar({ length: 63 }).notNull(),
    reason: text().notNull(),
    original: jsonb().$type<Record<string, unknown>>().notNull(),
    quarantinedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'tenant_fk_quarantine_pkey', columns: [t.sourceTable, t.legacyId] })],
);

export type LegacyWorkstation = typeof legacyWorkstations.$inferSelect;
export type NewLegacyWorkstation = typeof legacyWorkstations.$inferInsert;
export type LegacyWorkstationSession = typeof legacyWorkstationSessions.$inferSelect;
export type NewLegacyWorkstationSession = typeof legacyWorkstationSessions.$inferInsert;
export type LegacyWorkstationMetric = typeof legacyWorkstationMetrics.$inferSelect;
export type NewLegacyWorkstationMetric = typeof legacyWorkstationMetrics.$inferInsert;
export type LegacyWorkstationAssignment = typeof legacyWorkstationAssignments.$inferSelect;
export type NewLegacyWorkstationAssignment = typeof legacyWorkstationAssignments.$inferInsert;
export type LegacyGiteaOrganization = typeof legacyGiteaOrganizations.$inferSelect;
export type NewLegacyGiteaOrganization = typeof legacyGiteaOrganizations.$inferInsert;
export type LegacyTenantMove = typeof legacyTenantMoves.$inferSelect;
export type LegacyTenantQuarantineRow = typeof legacyTenantQuarantine.$inferSelect;
