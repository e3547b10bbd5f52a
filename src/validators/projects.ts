// Project management validators: drizzle-zod schemas for every projects-domain table with the database
// rules mirrored (story points, initial status and transitions, task depth, sprint dates and overlap).
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import {
  boards,
  MAX_TASK_DEPTH,
  milestones,
  projects,
  sprints,
  STORY_POINTS,
  taskActivities,
  taskAttachments,
  taskComments,
  tasks,
  type Board,
  type Milestone,
  type Project,
  type Sprint,
  type Task,
  type TaskActivity,
  type TaskAttachment,
  type TaskComment,
} from '../schema/projects.js';
import { canTransitionTaskStatus, TASK_INITIAL_STATUSES, type TaskStatus } from '../schema/rules/task-status.js';
import { LICENSE_TIERS } from '../schema/tenancy.js';
import { fileSizeBytesFor, requireThat, sha256Hex, wireSchemaOf, type Paginated, type Wire } from './_shared.js';

const nonBlank = (s: z.ZodString) => s.trim().min(1, 'Must not be blank');

const projectRefine = { name: nonBlank };
/** Project: select schema. */
export const projectSelectSchema = createSelectSchema(projects);
/**
 * Project: insert schema (non-blank name).
 *
 * @example
 * ```ts
 * import { projectInsertSchema } from '@stocksync/db/validators';
 * projectInsertSchema.parse({ tenantId, name: 'Launch' });
 * ```
 */
export const projectInsertSchema = insertSchemaOf(projects, projectRefine);
/** Project: update schema. */
export const projectUpdateSchema = updateSchemaOf(projects, projectRefine);
/** Project: wire schema. */
export const projectWireSchema = wireSchemaOf(projects);
/** A project as JSON. */
export type ProjectWire = Wire<Project>;
/** A page of projects (the spec's ProjectListResponse). */
export type ProjectListResponse = Paginated<ProjectWire>;
/** A project with the detail counts of the spec's ProjectDetailResponse. */
export type ProjectDetailResponse = ProjectWire & { tasksCount?: number; documentsCount?: number };

/** Story points: empty, or a positive Fibonacci number from STORY_POINTS. */
export const storyPoints = z
  .number()
  .int()
  .refine((v) => (STORY_POINTS as readonly number[]).includes(v), {
    message: `Must be one of ${STORY_POINTS.join(', ')}`,
  });

const taskRefine = { title: nonBlank, storyPoints: () => storyPoints.nullable() };
/** Task: select schema. */
export const taskSelectSchema = createSelectSchema(tasks);
/**
 * Task: insert schema (Fibonacci story points, a starting status, not its own parent).
 *
 * @example
 * ```ts
 * import { taskInsertSchema } from '@stocksync/db/validators';
 * taskInsertSchema.parse({ tenantId, projectId, title: 'Write docs', storyPoints: 3 });
 * ```
 */
export const taskInsertSchema = insertSchemaOf(tasks, taskRefine).superRefine((v, ctx) => {
  requireThat(
    ctx,
    v.status === undefined || TASK_INITIAL_STATUSES.includes(v.status),
    ['status'],
    `A new task starts in ${TASK_INITIAL_STATUSES.join(' or ')}`,
  );
  requireThat(ctx, !v.id || !v.parentTaskId || v.id !== v.parentTaskId, ['parentTaskId'], 'A task cannot be its own parent');
});
/** Task: update schema without knowledge of the current row (status moves are checked by {@link taskUpdateSchemaFrom}). */
export const taskUpdateSchema = updateSchemaOf(tasks, taskRefine);

/**
 * Task update schema for a known current status: rejects a status move the transition table forbids.
 *
 * @example
 * ```ts
 * import { taskUpdateSchemaFrom } from '@stocksync/db/validators';
 * taskUpdateSchemaFrom({ status: 'backlog' }).safeParse({ status: 'done' }).success; // false, path ['status']
 * ```
 */
export function taskUpdateSchemaFrom(current: { status: TaskStatus }) {
  return taskUpdateSchema.superRefine((v, ctx) =>
    requireThat(
      ctx,
      v.status === undefined || canTransitionTaskStatus(current.status, v.status),
      ['status'],
      `Cannot move from ${current.status} to ${String(v.status)}`,
    ),
  );
}

/**
 * Where a task is placed in the hierarchy: the parent's project and depth (1 for a root task) and
 * the height of the task's own subtree (1 for a leaf). Mirrors the database's hierarchy trigger.
 *
 * @example
 * ```ts
 * import { taskPlacementSchema } from '@stocksync/db/validators';
 * taskPlacementSchema.parse({ projectId, parent: { projectId, depth: 2 }, subtreeHeight: 1 });
 * ```
 */
export const taskPlacementSchema = z
  .object({
    projectId: z.uuid(),
    parent: z.object({ projectId: z.uuid(), depth: z.number().int().min(1) }).nullable(),
    subtreeHeight: z.number().int().min(1).default(1),
  })
  .superRefine((v, ctx) => {
    if (!v.parent) return;
    requireThat(ctx, v.parent.projectId === v.projectId, ['parentTaskId'], 'The parent task belongs to another project');
    requireThat(
      ctx,
      v.parent.depth + v.subtreeHeight <= MAX_TASK_DEPTH,
      ['parentTaskId'],
      `Tasks nest at most ${MAX_TASK_DEPTH} levels deep`,
    );
  });
/** A task as JSON. */
export type TaskWire = Wire<Task>;
/** Task: wire schema. */
export const taskWireSchema = wireSchemaOf(tasks);
/** A page of tasks. */
export type TaskListResponse = Paginated<TaskWire>;

const sprintDates = (v: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx) =>
  requireThat(ctx, !v.startDate || !v.endDate || v.endDate > v.startDate, ['endDate'], 'Must be after startDate');
const dateString = z.iso.date();
const sprintRefine = { name: nonBlank, startDate: dateString, endDate: dateString };
/** Sprint: select schema. */
export const sprintSelectSchema = createSelectSchema(sprints);
/** Sprint: insert schema (endDate after startDate). */
export const sprintInsertSchema = insertSchemaOf(sprints, sprintRefine).superRefine(sprintDates);
/** Sprint: update schema (endDate after startDate when both are given). */
export const sprintUpdateSchema = updateSchemaOf(sprints, sprintRefine).superRefine(sprintDates);

/** Whether two sprints' inclusive date ranges overlap (the exclusion constraint's test). */
export function sprintsOverlap(a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/**
 * Sprint insert schema that also rejects an overlap with the project's other live sprints.
 *
 * @example
 * ```ts
 * import { sprintInsertSchemaAgainst } from '@stocksync/db/validators';
 * sprintInsertSchemaAgainst(existingSprints).parse(input);
 * ```
 */
export function sprintInsertSchemaAgainst(
  existing: ReadonlyArray<Pick<Sprint, 'id' | 'projectId' | 'startDate' | 'endDate' | 'status'>>,
) {
  return sprintInsertSchema.superRefine((v, ctx) => {
    if (v.status === 'cancelled') return;
    const clash = existing.find(
      (s) => s.projectId === v.projectId && s.id !== v.id && s.status !== 'cancelled' && sprintsOverlap(s, v),
    );
    requireThat(ctx, !clash, ['startDate'], `Overlaps sprint ${clash?.id ?? ''} of the same project`);
  });
}
/** Sprint: wire schema. */
export const sprintWireSchema = wireSchemaOf(sprints);
/** A sprint as JSON. */
export type SprintWire = Wire<Sprint>;
/** A page of sprints. */
export type SprintListResponse = Paginated<SprintWire>;

const milestoneRefine = {
  title: nonBlank,
  dueDate: dateString,
  progressPercent: (s: z.ZodNumber) => s.int().min(0, 'Must be 0-100').max(100, 'Must be 0-100'),
};
/** Milestone: select schema. */
export const milestoneSelectSchema = createSelectSchema(milestones);
/** Milestone: insert schema (progress 0-100). */
export const milestoneInsertSchema = insertSchemaOf(milestones, milestoneRefine);
/** Milestone: update schema. */
export const milestoneUpdateSchema = updateSchemaOf(milestones, milestoneRefine);
/** Milestone: wire schema. */
export const milestoneWireSchema = wireSchemaOf(milestones);
/** A milestone as JSON. */
export type MilestoneWire = Wire<Milestone>;
/** A page of milestones. */
export type MilestoneListResponse = Paginated<MilestoneWire>;

const commentRefine = { body: nonBlank };
/** Task comment: select schema. */
export const taskCommentSelectSchema = createSelectSchema(taskComments);
/** Task comment: insert schema (non-blank body). */
export const taskCommentInsertSchema = insertSchemaOf(taskComments, commentRefine);
/** Task comment: update schema. */
export const taskCommentUpdateSchema = updateSchemaOf(taskComments, commentRefine);
/** Task comment: wire schema. */
export const taskCommentWireSchema = wireSchemaOf(taskComments);
/** A task comment as JSON. */
export type TaskCommentWire = Wire<TaskComment>;
/** A page of task comments. */
export type TaskCommentListResponse = Paginated<TaskCommentWire>;

const attachmentRefine = { checksum: sha256Hex, fileSizeBytes: (s: z.ZodNumber) => s.int().min(0) };
/** Task attachment: select schema. */
export const taskAttachmentSelectSchema = createSelectSchema(taskAttachments);
/** Task attachment: insert schema (SHA-256 checksum; size limit by tier: {@link taskAttachmentInsertSchemaFor}). */
export const taskAttachmentInsertSchema = insertSchemaOf(taskAttachments, attachmentRefine);
/** Task attachment: update schema. */
export const taskAttachmentUpdateSchema = updateSchemaOf(taskAttachments, attachmentRefine);
/**
 * Task attachment insert schema with the tenant tier's file size limit.
 *
 * @example
 * ```ts
 * import { taskAttachmentInsertSchemaFor } from '@stocksync/db/validators';
 * taskAttachmentInsertSchemaFor('starter').parse(input);
 * ```
 */
export function taskAttachmentInsertSchemaFor(tier: (typeof LICENSE_TIERS)[number]) {
  return insertSchemaOf(taskAttachments, { ...attachmentRefine, fileSizeBytes: () => fileSizeBytesFor(tier) });
}
/** Task attachment: wire schema. */
export const taskAttachmentWireSchema = wireSchemaOf(taskAttachments);
/** A task attachment as JSON. */
export type TaskAttachmentWire = Wire<TaskAttachment>;
/** A page of task attachments. */
export type TaskAttachmentListResponse = Paginated<TaskAttachmentWire>;

/** Task activity: select schema. */
export const taskActivitySelectSchema = createSelectSchema(taskActivities);
/** Task activity: insert schema. */
export const taskActivityInsertSchema = insertSchemaOf(taskActivities);
/** Task activity: update schema. */
export const taskActivityUpdateSchema = updateSchemaOf(taskActivities);
/** Task activity: wire schema. */
export const taskActivityWireSchema = wireSchemaOf(taskActivities);
/** A task activity as JSON. */
export type TaskActivityWire = Wire<TaskActivity>;
/** A page of task activities. */
export type TaskActivityListResponse = Paginated<TaskActivityWire>;

const boardColumns = z.array(
  z.object({ status: z.string().min(1), name: z.string().min(1), wipLimit: z.number().int().positive().optional() }),
);
const boardRefine = { name: nonBlank, columns: () => boardColumns };
/** Board: select schema. */
export const boardSelectSchema = createSelectSchema(boards);
/** Board: insert schema (columns as {status, name, wipLimit?}). */
export const boardInsertSchema = insertSchemaOf(boards, boardRefine);
/** Board: update schema. */
export const boardUpdateSchema = updateSchemaOf(boards, boardRefine);
/** Board: wire schema. */
export const boardWireSchema = wireSchemaOf(boards);
/** A board as JSON. */
export type BoardWire = Wire<Board>;
/** A page of boards. */
export type BoardListResponse = Paginated<BoardWire>;
