// Project management domain: projects, tasks, sprints, milestones, task comments, attachments, activities and boards.
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { checksumCheck, enumCheck, softDelete, timestamps } from './_columns.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { users } from './identity.js';
import { TASK_STATUSES } from './rules/task-status.js';

/** Kinds of task. */
export const TASK_TYPES = ['task', 'bug', 'feature', 'epic'] as const;
/** Task priorities. */
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
/** Allowed story point values: positive Fibonacci numbers. */
export const STORY_POINTS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89] as const;
/** Deepest task nesting: a task, its subtask and the subtask's subtask. */
export const MAX_TASK_DEPTH = 3;
/** Sprint states. */
export const SPRINT_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
/** Milestone states. */
export const MILESTONE_STATUSES = ['open', 'in_progress', 'completed', 'cancelled'] as const;
/** Kinds of task activity entry. */
export const TASK_ACTIVITY_ACTIONS = [
  'created',
  'updated',
  'status_changed',
  'assigned',
  'commented',
  'attachment_added',
  'attachment_removed',
  'moved',
  'deleted',
  'restored',
] as const;
/** Board layouts. */
export const BOARD_TYPES = ['kanban', 'scrum', 'list'] as const;

/**
 * Projects: the container of tasks, sprints, milestones and boards (soft-deleted).
 *
 * @example
 * ```ts
 * import { projects } from '@stocksync/db/schema';
 * const rows = await db.select().from(projects).limit(10);
 * ```
 */
export const projects = tenantTable(
  'projects',
  {
    name: varchar({ length: 255 }).notNull(),
    description: text().notNull().default(''),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    uniqueIndex('projects_tenant_id_name_key').on(t.tenantId, t.name).where(sql`${t.deletedAt} is null`),
    index('projects_tenant_id_created_at_live_idx')
      .on(t.tenantId, t.createdAt.desc())
      .where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * Sprints: time boxes of a project; no two live sprints of a project overlap (exclusion constraint).
 *
 * @example
 * ```ts
 * import { sprints } from '@stocksync/db/schema';
 * const rows = await db.select().from(sprints).limit(10);
 * ```
 */
export const sprints = tenantTable(
  'sprints',
  {
    projectId: uuid().notNull(),
    name: varchar({ length: 255 }).notNull(),
    goal: text().notNull().default(''),
    status: varchar({ length: 20, enum: SPRINT_STATUSES }).notNull().default('planned'),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    completedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('sprints', t.tenantId, t.projectId, projects, 'cascade'),
    uniqueIndex('sprints_tenant_id_project_id_name_key').on(t.tenantId, t.projectId, t.name),
    index('sprints_tenant_id_project_id_status_idx').on(t.tenantId, t.projectId, t.status),
    index('sprints_tenant_id_start_date_end_date_idx').on(t.tenantId, t.startDate, t.endDate),
    enumCheck('sprints', t.status, SPRINT_STATUSES),
    check('sprints_end_date_check', sql`${t.endDate} > ${t.startDate}`),
  ],
);

/**
 * Milestones: dated goals of a project.
 *
 * @example
 * ```ts
 * import { milestones } from '@stocksync/db/schema';
 * const rows = await db.select().from(milestones).limit(10);
 * ```
 */
export const milestones = tenantTable(
  'milestones',
  {
    projectId: uuid().notNull(),
    title: varchar({ length: 255 }).notNull(),
    description: text().notNull().default(''),
    status: varchar({ length: 20, enum: MILESTONE_STATUSES }).notNull().default('open'),
    dueDate: date({ mode: 'string' }),
    progressPercent: integer().notNull().default(0),
    completedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('milestones', t.tenantId, t.projectId, projects, 'cascade'),
    index('milestones_tenant_id_project_id_status_idx').on(t.tenantId, t.projectId, t.status),
    index('milestones_tenant_id_due_date_idx').on(t.tenantId, t.dueDate),
    enumCheck('milestones', t.status, MILESTONE_STATUSES),
    check('milestones_progress_percent_check', sql`${t.progressPercent} between 0 and 100`),
  ],
);

/**
 * Tasks: work items of a project, nested at most {@link MAX_TASK_DEPTH} deep inside one project
 * (trigger), with status moves limited by TASK_STATUS_TRANSITIONS (trigger), soft-deleted.
 *
 * @example
 * ```ts
 * import { tasks } from '@stocksync/db/schema';
 * const rows = await db.select().from(tasks).limit(10);
 * ```
 */
export const tasks = tenantTable(
  'tasks',
  {
    projectId: uuid().notNull(),
    title: varchar({ length: 500 }).notNull(),
    description: text().notNull().default(''),
    taskType: varchar({ length: 20, enum: TASK_TYPES }).notNull().default('task'),
    status: varchar({ length: 20, enum: TASK_STATUSES }).notNull().default('backlog'),
    priority: varchar({ length: 20, enum: TASK_PRIORITIES }).notNull().default('medium'),
    assigneeId: uuid(),
    reporterId: uuid(),
    sprintId: uuid(),
    milestoneId: uuid(),
    parentTaskId: uuid(),
    storyPoints: integer(),
    dueDate: timestamp({ withTimezone: true, mode: 'date' }),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }),
    completedAt: timestamp({ withTimezone: true, mode: 'date' }),
    tags: jsonb().$type<string[]>().notNull().default([]),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    tenantRef('tasks', t.tenantId, t.projectId, projects, 'cascade'),
    tenantRef('tasks', t.tenantId, t.assigneeId, users, 'set null'),
    tenantRef('tasks', t.tenantId, t.reporterId, users, 'set null'),
    tenantRef('tasks', t.tenantId, t.sprintId, sprints, 'set null'),
    tenantRef('tasks', t.tenantId, t.milestoneId, milestones, 'set null'),
    tenantRef('tasks', t.tenantId, t.parentTaskId, { tenantId: t.tenantId, id: t.id }, 'set null'),
    index('tasks_tenant_id_project_id_status_idx')
      .on(t.tenantId, t.projectId, t.status)
      .where(sql`${t.deletedAt} is null`),
    index('tasks_tenant_id_assignee_id_idx').on(t.tenantId, t.assigneeId).where(sql`${t.deletedAt} is null`),
    index('tasks_tenant_id_sprint_id_idx').on(t.tenantId, t.sprintId),
    index('tasks_tenant_id_milestone_id_idx').on(t.tenantId, t.milestoneId),
    index('tasks_tenant_id_parent_task_id_idx').on(t.tenantId, t.parentTaskId),
    index('tasks_tenant_id_due_date_idx')
      .on(t.tenantId, t.dueDate)
      .where(sql`${t.status} <> 'done' and ${t.deletedAt} is null`),
    // GIN over (tenant_id, tags) needs btree_gin for the uuid column (created in the extensions migration).
    index('tasks_tenant_id_tags_idx').using('gin', t.tenantId, t.tags),
    enumCheck('tasks', t.taskType, TASK_TYPES),
    enumCheck('tasks', t.status, TASK_STATUSES),
    enumCheck('tasks', t.priority, TASK_PRIORITIES),
    check(
      'tasks_story_points_check',
      sql`${t.storyPoints} is null or ${t.storyPoints} in (${sql.raw(STORY_POINTS.join(', '))})`,
    ),
    check('tasks_parent_task_id_check', sql`${t.parentTaskId} is null or ${t.parentTaskId} <> ${t.id}`),
    check('tasks_tags_check', sql`jsonb_typeof(${t.tags}) = 'array'`),
  ],
);

/**
 * Task comments.
 *
 * @example
 * ```ts
 * import { taskComments } from '@stocksync/db/schema';
 * const rows = await db.select().from(taskComments).limit(10);
 * ```
 */
export const taskComments = tenantTable(
  'task_comments',
  {
    taskId: uuid().notNull(),
    authorId: uuid(),
    body: text().notNull(),
    editedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('task_comments', t.tenantId, t.taskId, tasks, 'cascade'),
    tenantRef('task_comments', t.tenantId, t.authorId, users, 'set null'),
    index('task_comments_tenant_id_task_id_created_at_idx').on(t.tenantId, t.taskId, t.createdAt),
  ],
);

/**
 * Files attached to a task (size limited by the tenant's tier, like documents).
 *
 * @example
 * ```ts
 * import { taskAttachments } from '@stocksync/db/schema';
 * const rows = await db.select().from(taskAttachments).limit(10);
 * ```
 */
export const taskAttachments = tenantTable(
  'task_attachments',
  {
    taskId: uuid().notNull(),
    uploadedBy: uuid(),
    fileName: varchar({ length: 255 }).notNull(),
    filePath: varchar({ length: 1000 }).notNull(),
    fileSizeBytes: bigint({ mode: 'number' }).notNull(),
    mimeType: varchar({ length: 100 }).notNull(),
    checksum: varchar({ length: 64 }).notNull(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('task_attachments', t.tenantId, t.taskId, tasks, 'cascade'),
    tenantRef('task_attachments', t.tenantId, t.uploadedBy, users, 'set null'),
    index('task_attachments_tenant_id_task_id_idx').on(t.tenantId, t.taskId),
    checksumCheck('task_attachments', t.checksum),
    check('task_attachments_file_size_bytes_check', sql`${t.fileSizeBytes} >= 0`),
  ],
);

/**
 * The activity stream of a task (who changed what).
 *
 * @example
 * ```ts
 * import { taskActivities } from '@stocksync/db/schema';
 * const rows = await db.select().from(taskActivities).limit(10);
 * ```
 */
export const taskActivities = tenantTable(
  'task_activities',
  {
    taskId: uuid().notNull(),
    actorId: uuid(),
    action: varchar({ length: 30, enum: TASK_ACTIVITY_ACTIONS }).notNull(),
    changes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    tenantRef('task_activities', t.tenantId, t.taskId, tasks, 'cascade'),
    tenantRef('task_activities', t.tenantId, t.actorId, users, 'set null'),
    index('task_activities_tenant_id_task_id_created_at_idx').on(t.tenantId, t.taskId, t.createdAt.desc()),
    enumCheck('task_activities', t.action, TASK_ACTIVITY_ACTIONS),
  ],
);

/**
 * Boards: saved views of a project's tasks (columns map to statuses).
 *
 * @example
 * ```ts
 * import { boards } from '@stocksync/db/schema';
 * const rows = await db.select().from(boards).limit(10);
 * ```
 */
export const boards = tenantTable(
  'boards',
  {
    projectId: uuid().notNull(),
    name: varchar({ length: 255 }).notNull(),
    boardType: varchar({ length: 20, enum: BOARD_TYPES }).notNull().default('kanban'),
    columns: jsonb().$type<Array<{ status: string; name: string; wipLimit?: number }>>().notNull().default([]),
    filters: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    isDefault: boolean().notNull().default(false),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('boards', t.tenantId, t.projectId, projects, 'cascade'),
    tenantRef('boards', t.tenantId, t.createdBy, users, 'set null'),
    uniqueIndex('boards_tenant_id_project_id_name_key').on(t.tenantId, t.projectId, t.name),
    uniqueIndex('boards_tenant_id_project_id_is_default_key')
      .on(t.tenantId, t.projectId)
      .where(sql`${t.isDefault}`),
    enumCheck('boards', t.boardType, BOARD_TYPES),
    check('boards_columns_check', sql`jsonb_typeof(${t.columns}) = 'array'`),
  ],
);

/** A project row. */
export type Project = typeof projects.$inferSelect;
/** A project row to insert. */
export type NewProject = typeof projects.$inferInsert;
/** A sprint row. */
export type Sprint = typeof sprints.$inferSelect;
/** A sprint row to insert. */
export type NewSprint = typeof sprints.$inferInsert;
/** A milestone row. */
export type Milestone = typeof milestones.$inferSelect;
/** A milestone row to insert. */
export type NewMilestone = typeof milestones.$inferInsert;
/** A task row. */
export type Task = typeof tasks.$inferSelect;
/** A task row to insert. */
export type NewTask = typeof tasks.$inferInsert;
/** A task comment row. */
export type TaskComment = typeof taskComments.$inferSelect;
/** A task comment row to insert. */
export type NewTaskComment = typeof taskComments.$inferInsert;
/** A task attachment row. */
export type TaskAttachment = typeof taskAttachments.$inferSelect;
/** A task attachment row to insert. */
export type NewTaskAttachment = typeof taskAttachments.$inferInsert;
/** A task activity row. */
export type TaskActivity = typeof taskActivities.$inferSelect;
/** A task activity row to insert. */
export type NewTaskActivity = typeof taskActivities.$inferInsert;
/** A board row. */
export type Board = typeof boards.$inferSelect;
/** A board row to insert. */
export type NewBoard = typeof boards.$inferInsert;

/** Relations of projects. */
export const projectsRelations = relations(projects, ({ many }) => ({
  tasks: many(tasks),
  sprints: many(sprints),
  milestones: many(milestones),
  boards: many(boards),
}));
/** Relations of sprints. */
export const sprintsRelations = relations(sprints, ({ one, many }) => ({
  project: one(projects, { fields: [sprints.tenantId, sprints.projectId], references: [projects.tenantId, projects.id] }),
  tasks: many(tasks),
}));
/** Relations of milestones. */
export const milestonesRelations = relations(milestones, ({ one, many }) => ({
  project: one(projects, { fields: [milestones.tenantId, milestones.projectId], references: [projects.tenantId, projects.id] }),
  tasks: many(tasks),
}));
/** Relations of tasks. */
export const tasksRelations = relations(tasks, ({ one, many }) => ({
  project: one(projects, { fields: [tasks.tenantId, tasks.projectId], references: [projects.tenantId, projects.id] }),
  sprint: one(sprints, { fields: [tasks.tenantId, tasks.sprintId], references: [sprints.tenantId, sprints.id] }),
  milestone: one(milestones, { fields: [tasks.tenantId, tasks.milestoneId], references: [milestones.tenantId, milestones.id] }),
  assignee: one(users, { fields: [tasks.tenantId, tasks.assigneeId], references: [users.tenantId, users.id], relationName: 'task_assignee' }),
  reporter: one(users, { fields: [tasks.tenantId, tasks.reporterId], references: [users.tenantId, users.id], relationName: 'task_reporter' }),
  parent: one(tasks, { fields: [tasks.tenantId, tasks.parentTaskId], references: [tasks.tenantId, tasks.id], relationName: 'task_parent' }),
  subtasks: many(tasks, { relationName: 'task_parent' }),
  comments: many(taskComments),
  attachments: many(taskAttachments),
  activities: many(taskActivities),
}));
/** Relations of task_comments. */
export const taskCommentsRelations = relations(taskComments, ({ one }) => ({
  task: one(tasks, { fields: [taskComments.tenantId, taskComments.taskId], references: [tasks.tenantId, tasks.id] }),
  author: one(users, { fields: [taskComments.tenantId, taskComments.authorId], references: [users.tenantId, users.id] }),
}));
/** Relations of task_attachments. */
export const taskAttachmentsRelations = relations(taskAttachments, ({ one }) => ({
  task: one(tasks, { fields: [taskAttachments.tenantId, taskAttachments.taskId], references: [tasks.tenantId, tasks.id] }),
}));
/** Relations of task_activities. */
export const taskActivitiesRelations = relations(taskActivities, ({ one }) => ({
  task: one(tasks, { fields: [taskActivities.tenantId, taskActivities.taskId], references: [tasks.tenantId, tasks.id] }),
}));
/** Relations of boards. */
export const boardsRelations = relations(boards, ({ one }) => ({
  project: one(projects, { fields: [boards.tenantId, boards.projectId], references: [projects.tenantId, projects.id] }),
}));
