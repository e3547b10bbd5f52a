// Workflow domain: workflow definitions (a validated node/edge graph), their executions, step runs and approvals.
import { relations, sql } from 'drizzle-orm';
import { check, index, integer, jsonb, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { enumCheck, timestamps } from './_columns.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { users } from './identity.js';
import { projects } from './projects.js';

/** Kinds of workflow. */
export const WORKFLOW_TYPES = ['approval', 'automation', 'review', 'deployment', 'custom'] as const;
/** Workflow states. */
export const WORKFLOW_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
/** Node types of a workflow definition; exactly one `start` node. */
export const WORKFLOW_NODE_TYPES = ['start', 'task', 'approval', 'condition', 'action', 'wait', 'end'] as const;
/** How an execution was started. */
export const WORKFLOW_TRIGGER_TYPES = ['manual', 'scheduled', 'webhook', 'event'] as const;
/** Execution states. */
export const WORKFLOW_EXECUTION_STATUSES = ['pending', 'running', 'paused', 'completed', 'failed', 'cancelled'] as const;
/** Step run states. */
export const WORKFLOW_STEP_STATUSES = ['pending', 'running', 'waiting', 'completed', 'failed', 'skipped'] as const;
/** Approval states. */
export const WORKFLOW_APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'cancelled'] as const;
/** Days an approval stays open when the workflow does not say otherwise. */
export const DEFAULT_APPROVAL_TTL_DAYS = 7;

/** A node of a workflow definition. */
export interface WorkflowNode {
  id: string;
  type: (typeof WORKFLOW_NODE_TYPES)[number];
  name?: string;
  config?: Record<string, unknown>;
}
/** An edge of a workflow definition, optionally guarded by a condition. */
export interface WorkflowEdge {
  from: string;
  to: string;
  condition?: string | Record<string, unknown>;
}
/** A workflow definition: a state machine of nodes and edges (checked as a graph by a trigger). */
export interface WorkflowDefinition {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  conditions?: Record<string, unknown>;
}

/**
 * Workflows: a versioned definition graph. `approval_ttl_days` (default 7) sets when its
 * approvals expire.
 *
 * @example
 * ```ts
 * import { workflows } from '@stocksync/db/schema';
 * const rows = await db.select().from(workflows).limit(10);
 * ```
 */
export const workflows = tenantTable(
  'workflows',
  {
    projectId: uuid(),
    name: varchar({ length: 255 }).notNull(),
    description: text().notNull().default(''),
    workflowType: varchar({ length: 50, enum: WORKFLOW_TYPES }).notNull().default('custom'),
    version: integer().notNull().default(1),
    status: varchar({ length: 20, enum: WORKFLOW_STATUSES }).notNull().default('draft'),
    definition: jsonb().$type<WorkflowDefinition>().notNull(),
    triggers: jsonb().$type<Array<Record<string, unknown>>>().notNull().default([]),
    approvalTtlDays: integer().notNull().default(DEFAULT_APPROVAL_TTL_DAYS),
    createdBy: uuid(),
    publishedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('workflows', t.tenantId, t.projectId, projects, 'set null'),
    tenantRef('workflows', t.tenantId, t.createdBy, users, 'set null'),
    uniqueIndex('workflows_tenant_id_name_version_key').on(t.tenantId, t.name, t.version),
    index('workflows_tenant_id_status_idx').on(t.tenantId, t.status),
    index('workflows_tenant_id_workflow_type_idx').on(t.tenantId, t.workflowType),
    index('workflows_tenant_id_project_id_idx').on(t.tenantId, t.projectId),
    enumCheck('workflows', t.workflowType, WORKFLOW_TYPES),
    enumCheck('workflows', t.status, WORKFLOW_STATUSES),
    check('workflows_version_check', sql`${t.version} >= 1`),
    check('workflows_approval_ttl_days_check', sql`${t.approvalTtlDays} between 1 and 365`),
    check('workflows_triggers_check', sql`jsonb_typeof(${t.triggers}) = 'array'`),
  ],
);

/**
 * Workflow executions: one run of a workflow; `current_step` must be a node id of its definition (trigger).
 *
 * @example
 * ```ts
 * import { workflowExecutions } from '@stocksync/db/schema';
 * const rows = await db.select().from(workflowExecutions).limit(10);
 * ```
 */
export const workflowExecutions = tenantTable(
  'workflow_executions',
  {
    workflowId: uuid().notNull(),
    triggeredBy: uuid(),
    triggerType: varchar({ length: 50, enum: WORKFLOW_TRIGGER_TYPES }).notNull().default('manual'),
    status: varchar({ length: 20, enum: WORKFLOW_EXECUTION_STATUSES }).notNull().default('pending'),
    currentStep: varchar({ length: 100 }),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true, mode: 'date' }),
    errorMessage: text(),
    contextData: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    tenantRef('workflow_executions', t.tenantId, t.workflowId, workflows, 'cascade'),
    tenantRef('workflow_executions', t.tenantId, t.triggeredBy, users, 'set null'),
    index('workflow_executions_tenant_id_workflow_id_started_at_idx').on(
      t.tenantId,
      t.workflowId,
      t.startedAt.desc(),
    ),
    index('workflow_executions_tenant_id_status_idx').on(t.tenantId, t.status),
    enumCheck('workflow_executions', t.triggerType, WORKFLOW_TRIGGER_TYPES),
    enumCheck('workflow_executions', t.status, WORKFLOW_EXECUTION_STATUSES),
    check(
      'workflow_executions_completed_at_check',
      sql`${t.completedAt} is null or ${t.completedAt} >= ${t.startedAt}`,
    ),
  ],
);

/**
 * Workflow steps: the run of one definition node inside an execution (`node_id` must be a node, trigger).
 *
 * @example
 * ```ts
 * import { workflowSteps } from '@stocksync/db/schema';
 * const rows = await db.select().from(workflowSteps).limit(10);
 * ```
 */
export const workflowSteps = tenantTable(
  'workflow_steps',
  {
    executionId: uuid().notNull(),
    nodeId: varchar({ length: 100 }).notNull(),
    name: varchar({ length: 255 }).notNull().default(''),
    status: varchar({ length: 20, enum: WORKFLOW_STEP_STATUSES }).notNull().default('pending'),
    attempt: integer().notNull().default(1),
    input: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    output: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    errorMessage: text(),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }),
    completedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('workflow_steps', t.tenantId, t.executionId, workflowExecutions, 'cascade'),
    uniqueIndex('workflow_steps_tenant_id_execution_id_node_id_attempt_key').on(
      t.tenantId,
      t.executionId,
      t.nodeId,
      t.attempt,
    ),
    index('workflow_steps_tenant_id_status_idx').on(t.tenantId, t.status),
    enumCheck('workflow_steps', t.status, WORKFLOW_STEP_STATUSES),
    check('workflow_steps_attempt_check', sql`${t.attempt} >= 1`),
  ],
);

/**
 * Workflow approvals: a decision requested from a user. `expires_at` is set by a trigger to
 * `requested_at + workflow.approval_ttl_days` (7 by default); no decision after it.
 *
 * @example
 * ```ts
 * import { workflowApprovals } from '@stocksync/db/schema';
 * const rows = await db.select().from(workflowApprovals).limit(10);
 * ```
 */
export const workflowApprovals = tenantTable(
  'workflow_approvals',
  {
    executionId: uuid().notNull(),
    stepId: uuid(),
    approverId: uuid(),
    requestedBy: uuid(),
    status: varchar({ length: 20, enum: WORKFLOW_APPROVAL_STATUSES }).notNull().default('pending'),
    comment: text().notNull().default(''),
    requestedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // Derived by the trigger from the workflow; drizzle sends NULL so the trigger fills it in.
    expiresAt: timestamp({ withTimezone: true, mode: 'date' })
      .notNull()
      .$defaultFn(() => sql`null` as unknown as Date),
    decidedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('workflow_approvals', t.tenantId, t.executionId, workflowExecutions, 'cascade'),
    tenantRef('workflow_approvals', t.tenantId, t.stepId, workflowSteps, 'set null'),
    tenantRef('workflow_approvals', t.tenantId, t.approverId, users, 'set null'),
    tenantRef('workflow_approvals', t.tenantId, t.requestedBy, users, 'set null'),
    index('workflow_approvals_tenant_id_execution_id_idx').on(t.tenantId, t.executionId),
    index('workflow_approvals_tenant_id_approver_id_status_idx').on(t.tenantId, t.approverId, t.status),
    index('workflow_approvals_tenant_id_expires_at_pending_idx')
      .on(t.tenantId, t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
    enumCheck('workflow_approvals', t.status, WORKFLOW_APPROVAL_STATUSES),
    check('workflow_approvals_expires_at_check', sql`${t.expiresAt} > ${t.requestedAt}`),
    check(
      'workflow_approvals_decided_at_check',
      sql`(${t.status} in ('approved', 'rejected')) = (${t.decidedAt} is not null)`,
    ),
  ],
);

/** A workflow row. */
export type Workflow = typeof workflows.$inferSelect;
/** A workflow row to insert. */
export type NewWorkflow = typeof workflows.$inferInsert;
/** A workflow execution row. */
export type WorkflowExecution = typeof workflowExecutions.$inferSelect;
/** A workflow execution row to insert. */
export type NewWorkflowExecution = typeof workflowExecutions.$inferInsert;
/** A workflow step row. */
export type WorkflowStep = typeof workflowSteps.$inferSelect;
/** A workflow step row to insert. */
export type NewWorkflowStep = typeof workflowSteps.$inferInsert;
/** A workflow approval row. */
export type WorkflowApproval = typeof workflowApprovals.$inferSelect;
/** A workflow approval row to insert. */
export type NewWorkflowApproval = typeof workflowApprovals.$inferInsert;

/** Relations of workflows. */
export const workflowsRelations = relations(workflows, ({ one, many }) => ({
  project: one(projects, { fields: [workflows.tenantId, workflows.projectId], references: [projects.tenantId, projects.id] }),
  executions: many(workflowExecutions),
}));
/** Relations of workflow_executions. */
export const workflowExecutionsRelations = relations(workflowExecutions, ({ one, many }) => ({
  workflow: one(workflows, { fields: [workflowExecutions.tenantId, workflowExecutions.workflowId], references: [workflows.tenantId, workflows.id] }),
  steps: many(workflowSteps),
  approvals: many(workflowApprovals),
}));
/** Relations of workflow_steps. */
export const workflowStepsRelations = relations(workflowSteps, ({ one }) => ({
  execution: one(workflowExecutions, { fields: [workflowSteps.tenantId, workflowSteps.executionId], references: [workflowExecutions.tenantId, workflowExecutions.id] }),
}));
/** Relations of workflow_approvals. */
export const workflowApprovalsRelations = relations(workflowApprovals, ({ one }) => ({
  execution: one(workflowExecutions, { fields: [workflowApprovals.tenantId, workflowApprovals.executionId], references: [workflowExecutions.tenantId, workflowExecutions.id] }),
  approver: one(users, { fields: [workflowApprovals.tenantId, workflowApprovals.approverId], references: [users.tenantId, users.id] }),
}));
