// Workflow validators: the definition graph (unique node ids, edges between existing nodes, one start
// node), current step membership, approval expiry; drizzle-zod schemas for every workflow table.
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import {
  DEFAULT_APPROVAL_TTL_DAYS,
  WORKFLOW_NODE_TYPES,
  workflowApprovals,
  workflowExecutions,
  workflowSteps,
  workflows,
  type Workflow,
  type WorkflowApproval,
  type WorkflowDefinition,
  type WorkflowExecution,
  type WorkflowStep,
} from '../schema/workflows.js';
import { requireThat, wireSchemaOf, type Paginated, type Wire } from './_shared.js';

/**
 * A workflow definition checked as a graph, as the database's `workflows_definition` trigger does.
 * Issues name the offending element (`['nodes', 2, 'id']`, `['edges', 0, 'to']`).
 *
 * @example
 * ```ts
 * import { workflowDefinitionSchema } from '@stocksync/db/validators';
 * workflowDefinitionSchema.parse({ nodes: [{ id: 'start', type: 'start' }], edges: [] });
 * ```
 */
export const workflowDefinitionSchema = z
  .object({
    nodes: z
      .array(
        z.object({
          id: z.string().min(1, 'Must not be empty'),
          type: z.enum(WORKFLOW_NODE_TYPES),
          name: z.string().optional(),
          config: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .min(1, 'A definition needs at least one node'),
    edges: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        condition: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
      }),
    ),
    conditions: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.nodes.forEach((node, i) => {
      requireThat(ctx, !seen.has(node.id), ['nodes', i, 'id'], `Node id ${node.id} is used twice`);
      seen.add(node.id);
    });
    const starts = def.nodes.filter((n) => n.type === 'start').length;
    requireThat(ctx, starts === 1, ['nodes'], `A definition has exactly one start node, not ${starts}`);
    def.edges.forEach((edge, i) => {
      requireThat(ctx, seen.has(edge.from), ['edges', i, 'from'], `No node ${edge.from}`);
      requireThat(ctx, seen.has(edge.to), ['edges', i, 'to'], `No node ${edge.to}`);
    });
  }) satisfies z.ZodType<WorkflowDefinition>;

const workflowRefine = {
  name: (s: z.ZodString) => s.trim().min(1, 'Must not be blank'),
  definition: () => workflowDefinitionSchema,
  approvalTtlDays: (s: z.ZodNumber) => s.int().min(1).max(365),
};
/** Workflow: select schema. */
export const workflowSelectSchema = createSelectSchema(workflows);
/** Workflow: insert schema (definition validated as a graph; approval TTL 1-365 days). */
export const workflowInsertSchema = insertSchemaOf(workflows, workflowRefine);
/** Workflow: update schema. */
export const workflowUpdateSchema = updateSchemaOf(workflows, workflowRefine);
/** Workflow: wire schema. */
export const workflowWireSchema = wireSchemaOf(workflows);
/** A workflow as JSON. */
export type WorkflowWire = Wire<Workflow>;
/** A page of workflows. */
export type WorkflowListResponse = Paginated<WorkflowWire>;

const nodeIds = (definition: WorkflowDefinition) => new Set(definition.nodes.map((n) => n.id));

/** Workflow execution: select schema. */
export const workflowExecutionSelectSchema = createSelectSchema(workflowExecutions);
/** Workflow execution: insert schema (see {@link workflowExecutionSchemasFor} for the current step check). */
export const workflowExecutionInsertSchema = insertSchemaOf(workflowExecutions);
/** Workflow execution: update schema. */
export const workflowExecutionUpdateSchema = updateSchemaOf(workflowExecutions);

/**
 * Execution insert/update schemas for one workflow: `currentStep` must be a node id of its definition.
 *
 * @example
 * ```ts
 * import { workflowExecutionSchemasFor } from '@stocksync/db/validators';
 * workflowExecutionSchemasFor(workflow.definition).update.parse({ currentStep: 'review' });
 * ```
 */
export function workflowExecutionSchemasFor(definition: WorkflowDefinition) {
  const ids = nodeIds(definition);
  const check = (v: { currentStep?: string | null }, ctx: z.RefinementCtx) =>
    requireThat(ctx, !v.currentStep || ids.has(v.currentStep), ['currentStep'], `Not a node of the workflow: ${v.currentStep}`);
  return {
    insert: workflowExecutionInsertSchema.superRefine(check),
    update: workflowExecutionUpdateSchema.superRefine(check),
  };
}
/** Workflow execution: wire schema. */
export const workflowExecutionWireSchema = wireSchemaOf(workflowExecutions);
/** A workflow execution as JSON. */
export type WorkflowExecutionWire = Wire<WorkflowExecution>;
/** A page of workflow executions. */
export type WorkflowExecutionListResponse = Paginated<WorkflowExecutionWire>;

/** Workflow step: select schema. */
export const workflowStepSelectSchema = createSelectSchema(workflowSteps);
/** Workflow step: insert schema. */
export const workflowStepInsertSchema = insertSchemaOf(workflowSteps, { attempt: (s: z.ZodNumber) => s.int().min(1) });
/** Workflow step: update schema. */
export const workflowStepUpdateSchema = updateSchemaOf(workflowSteps);
/** Workflow step insert schema for one workflow: `nodeId` must be a node of its definition. */
export function workflowStepInsertSchemaFor(definition: WorkflowDefinition) {
  const ids = nodeIds(definition);
  return workflowStepInsertSchema.superRefine((v, ctx) =>
    requireThat(ctx, ids.has(v.nodeId), ['nodeId'], `Not a node of the workflow: ${v.nodeId}`),
  );
}
/** Workflow step: wire schema. */
export const workflowStepWireSchema = wireSchemaOf(workflowSteps);
/** A workflow step as JSON. */
export type WorkflowStepWire = Wire<WorkflowStep>;
/** A page of workflow steps. */
export type WorkflowStepListResponse = Paginated<WorkflowStepWire>;

/**
 * When an approval requested at `requestedAt` expires: after the workflow's `approvalTtlDays`
 * (7 by default), as the database trigger computes it.
 *
 * @example
 * ```ts
 * import { approvalExpiresAt } from '@stocksync/db/validators';
 * approvalExpiresAt(new Date('2026-01-01T00:00:00Z')); // 2026-01-08T00:00:00Z
 * ```
 */
export function approvalExpiresAt(requestedAt: Date, approvalTtlDays: number = DEFAULT_APPROVAL_TTL_DAYS): Date {
  return new Date(requestedAt.getTime() + approvalTtlDays * 86_400_000);
}

/** Workflow approval: select schema. */
export const workflowApprovalSelectSchema = createSelectSchema(workflowApprovals);
/** Workflow approval: insert schema (expiresAt is derived by the database, so it is not input). */
export const workflowApprovalInsertSchema = insertSchemaOf(workflowApprovals).omit({ expiresAt: true });
/** Workflow approval: update schema (a decision needs decidedAt; expiry and request time are permanent). */
export const workflowApprovalUpdateSchema = updateSchemaOf(workflowApprovals)
  .omit({ expiresAt: true, requestedAt: true })
  .superRefine((v, ctx) => {
    if (v.status === 'approved' || v.status === 'rejected') {
      requireThat(ctx, !!v.decidedAt, ['decidedAt'], 'Required when approving or rejecting');
    }
  });

/**
 * Update schema for a known approval: no decision after it expired.
 *
 * @example
 * ```ts
 * import { workflowApprovalUpdateSchemaFrom } from '@stocksync/db/validators';
 * workflowApprovalUpdateSchemaFrom(approval).parse({ status: 'approved', decidedAt: new Date() });
 * ```
 */
export function workflowApprovalUpdateSchemaFrom(current: Pick<WorkflowApproval, 'status' | 'expiresAt'>, now: () => Date = () => new Date()) {
  return workflowApprovalUpdateSchema.superRefine((v, ctx) => {
    const deciding = current.status === 'pending' && (v.status === 'approved' || v.status === 'rejected');
    requireThat(ctx, !deciding || now() < current.expiresAt, ['status'], `The approval expired at ${current.expiresAt.toISOString()}`);
  });
}
/** Workflow approval: wire schema. */
export const workflowApprovalWireSchema = wireSchemaOf(workflowApprovals);
/** A workflow approval as JSON. */
export type WorkflowApprovalWire = Wire<WorkflowApproval>;
/** A page of workflow approvals. */
export type WorkflowApprovalListResponse = Paginated<WorkflowApprovalWire>;
