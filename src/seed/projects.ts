// Seeds project management: projects with milestones, consecutive sprints, boards, task trees
// (walked through the allowed status transitions after insert), comments, attachments and activity.
import {
  boards,
  milestones,
  projects,
  sprints,
  taskActivities,
  taskAttachments,
  taskComments,
  tasks,
  STORY_POINTS,
  TASK_STATUSES,
  type NewMilestone,
  type NewProject,
  type NewSprint,
  type NewTask,
  type NewTaskActivity,
  type NewTaskAttachment,
  type NewTaskComment,
} from '../schema/index.js';
import { activeUsers, type TenantSeedContext } from './context.js';
import { addDays, DAY_MS, SEED_EPOCH, type Random } from './random.js';
import { PROJECT_NAMES, sentences, TAGS, TASK_OBJECTS, TASK_VERBS } from './words.js';

type Status = (typeof TASK_STATUSES)[number];

// Statuses a task passes through after being created in `todo` (the database allows one step at a time).
const WALKS: Record<Status, Status[]> = {
  backlog: [],
  todo: [],
  in_progress: ['in_progress'],
  in_review: ['in_progress', 'in_review'],
  done: ['in_progress', 'in_review', 'done'],
  cancelled: ['cancelled'],
};

/**
 * A 64-character hex digest drawn from the generator (stands in for a file's SHA-256).
 *
 * @example
 * ```ts
 * import { fakeSha256 } from '@stocksync/db/seed';
 * fakeSha256(Random.from('42')); // 64 lowercase hex characters
 * ```
 */
export function fakeSha256(rng: Random): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += rng.next().toString(16).padStart(8, '0');
  return out;
}

/**
 * The date, or the seed epoch when it would lie after it (seeded data never lies in the future).
 *
 * @example
 * ```ts
 * import { capped } from '@stocksync/db/seed';
 * capped(new Date('2030-01-01')); // the seed epoch
 * ```
 */
export function capped(d: Date): Date {
  return d.getTime() > SEED_EPOCH ? new Date(SEED_EPOCH) : d;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

interface PlannedTask {
  row: NewTask & { id: string; createdAt: Date };
  final: Status;
  startedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
}

/**
 * Seeds 2-5 projects per tenant with milestones, sprints, boards and 15-35 top-level tasks each
 * (some with subtasks two levels deep), comments, attachments and activity. Publishes
 * `ctx.refs.projects`.
 *
 * @example
 * ```ts
 * import { seedProjects } from '@stocksync/db/seed';
 * ```
 */
export function seedProjects(ctx: TenantSeedContext): void {
  const rng = ctx.rng('projects');
  const { tenantId } = ctx;
  const people = activeUsers(ctx);
  const projectRows: NewProject[] = [];
  const planned: PlannedTask[] = [];
  const sprintRows: NewSprint[] = [];
  const milestoneRows: NewMilestone[] = [];
  const comments: NewTaskComment[] = [];
  const attachments: NewTaskAttachment[] = [];
  const activities: NewTaskActivity[] = [];
  const boardRows: Array<typeof boards.$inferInsert> = [];
  const names = rng.sample(PROJECT_NAMES, rng.int(2, 5));
  for (const name of names) {
    const createdAt = rng.between(addDays(ctx.tenant.createdAt, 7), new Date(SEED_EPOCH - 120 * DAY_MS));
    const projectId = rng.uuid(createdAt);
    const owner = rng.pick(people);
    projectRows.push({
      tenantId,
      id: projectId,
      name,
      description: `${name}: ${sentences(rng, 1, 2)}`,
      metadata: { color: rng.pick(['blue', 'green', 'orange', 'purple', 'teal']), ownerId: owner.id },
      createdAt,
      updatedAt: addDays(createdAt, rng.int(0, 30)),
      deletedAt: null,
    });
    // Milestones spread over the project's life.
    const ms: string[] = [];
    for (let m = 1; m <= 3; m++) {
      const due = addDays(createdAt, m * rng.int(25, 45));
      const past = due.getTime() < SEED_EPOCH;
      const status = past ? (rng.chance(0.85) ? 'completed' : 'in_progress') : m === 1 ? 'in_progress' : 'open';
      const id = rng.uuid(createdAt);
      ms.push(id);
      milestoneRows.push({
        tenantId,
        id,
        projectId,
        title: `M${m}: ${rng.pick(['Pilot', 'Beta', 'Rollout', 'Launch', 'Hardening', 'Review'])}`,
        description: sentences(rng, 1, 1),
        status,
        dueDate: isoDate(due),
        progressPercent: status === 'completed' ? 100 : status === 'in_progress' ? rng.int(10, 90) : 0,
        completedAt: status === 'completed' ? due : null,
        createdAt,
        updatedAt: status === 'completed' ? due : createdAt,
      });
    }
    // Consecutive two-week sprints ending with the active one and one planned.
    const sprintIds: string[] = [];
    const sprintCount = rng.int(3, 5);
    for (let s = 0; s < sprintCount; s++) {
      // The active sprint (second to last) spans the seed epoch; the last one is planned.
      const start = addDays(new Date(SEED_EPOCH), -7 + 14 * (s - (sprintCount - 2)));
      const end = addDays(start, 13);
      const status = s < sprintCount - 2 ? 'completed' : s === sprintCount - 2 ? 'active' : 'planned';
      const at = start < createdAt ? createdAt : addDays(start, -3);
      const id = rng.uuid(at);
      sprintIds.push(id);
      sprintRows.push({
        tenantId,
        id,
        projectId,
        name: `Sprint ${s + 1}`,
        goal: `${rng.pick(TASK_VERBS)} ${rng.pick(TASK_OBJECTS)}`,
        status,
        startDate: isoDate(start),
        endDate: isoDate(end),
        completedAt: status === 'completed' ? addDays(end, 0) : null,
        createdAt: at,
        updatedAt: at,
      });
    }
    boardRows.push({
      tenantId,
      id: rng.uuid(createdAt),
      projectId,
      name: 'Main board',
      boardType: 'kanban',
      columns: [
        { status: 'todo', name: 'To do' },
        { status: 'in_progress', name: 'In progress', wipLimit: 5 },
        { status: 'in_review', name: 'Review', wipLimit: 3 },
        { status: 'done', name: 'Done' },
      ],
      filters: {},
      isDefault: true,
      createdBy: owner.id,
      createdAt,
      updatedAt: createdAt,
    });
    if (rng.chance(0.5)) {
      boardRows.push({
        tenantId,
        id: rng.uuid(createdAt),
        projectId,
        name: 'Bugs',
        boardType: 'list',
        columns: [],
        filters: { taskType: 'bug' },
        isDefault: false,
        createdBy: owner.id,
        createdAt,
        updatedAt: createdAt,
      });
    }
    const makeTask = (parent: PlannedTask | null, depth: number) => {
      const base = parent ? parent.row.createdAt : createdAt;
      const at = rng.between(base, new Date(Math.min(SEED_EPOCH - DAY_MS, base.getTime() + 200 * DAY_MS)));
      const final = rng.weighted<Status>([
        ['backlog', 2],
        ['todo', 3],
        ['in_progress', 2],
        ['in_review', 1],
        ['done', 5],
        ['cancelled', 1],
      ]);
      const assignee = rng.chance(0.85) ? rng.pick(people) : null;
      const started = WALKS[final].includes('in_progress') ? rng.between(at, capped(addDays(at, 10))) : null;
      const completed = final === 'done' && started ? rng.between(started, capped(addDays(started, 20))) : null;
      const lastChange = completed ?? started ?? at;
      const id = rng.uuid(at);
      const row: PlannedTask['row'] = {
        tenantId,
        id,
        projectId,
        title: `${rng.pick(TASK_VERBS)} ${rng.pick(TASK_OBJECTS)}`,
        description: sentences(rng, 1, 3),
        taskType: parent ? rng.pick(['task', 'bug'] as const) : rng.weighted([['task', 5], ['bug', 2], ['feature', 2], ['epic', 1]] as const),
        status: final === 'backlog' ? 'backlog' : 'todo',
        priority: rng.weighted([['low', 2], ['medium', 5], ['high', 2], ['urgent', 1]] as const),
        assigneeId: assignee?.id ?? null,
        reporterId: rng.pick(people).id,
        sprintId: final === 'backlog' ? null : rng.pick(sprintIds),
        milestoneId: rng.chance(0.5) ? rng.pick(ms) : null,
        parentTaskId: parent?.row.id ?? null,
        storyPoints: rng.chance(0.7) ? rng.pick(STORY_POINTS.slice(0, 6)) : null,
        dueDate: rng.chance(0.5) ? addDays(at, rng.int(7, 60)) : null,
        startedAt: null,
        completedAt: null,
        tags: rng.sample(TAGS, rng.int(0, 3)),
        customFields: rng.chance(0.3) ? { estimateHours: rng.int(1, 40) } : {},
        createdAt: at,
        updatedAt: at,
        deletedAt: rng.chance(0.03) ? capped(addDays(lastChange, 1)) : null,
      };
      const plan: PlannedTask = { row, final, startedAt: started, completedAt: completed, updatedAt: lastChange };
      planned.push(plan);
      activities.push({ tenantId, id: rng.uuid(at), taskId: id, actorId: row.reporterId, action: 'created', changes: { status: row.status }, createdAt: at, updatedAt: at });
      if (final !== row.status) {
        activities.push({
          tenantId,
          id: rng.uuid(lastChange),
          taskId: id,
          actorId: assignee?.id ?? row.reporterId,
          action: 'status_changed',
          changes: { from: row.status, to: final },
          createdAt: lastChange,
          updatedAt: lastChange,
        });
      }
      for (let c = rng.weighted([[0, 4], [1, 3], [2, 2], [3, 1]] as const); c > 0; c--) {
        const when = rng.between(at, new Date(SEED_EPOCH - 60_000));
        const author = rng.pick(people);
        comments.push({
          tenantId,
          id: rng.uuid(when),
          taskId: id,
          authorId: author.id,
          body: sentences(rng, 1, 2),
          editedAt: rng.chance(0.1) ? capped(addDays(when, 0.1)) : null,
          createdAt: when,
          updatedAt: when,
        });
      }
      if (rng.chance(0.12)) {
        const kind = rng.pick([['png', 'image/png'], ['pdf', 'application/pdf'], ['log', 'text/plain']] as const);
        const fileName = `${row.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${kind[0]}`;
        const aid = rng.uuid(at);
        attachments.push({
          tenantId,
          id: aid,
          taskId: id,
          uploadedBy: row.reporterId,
          fileName,
          filePath: `tenants/${tenantId}/tasks/${id}/${aid}/${fileName}`,
          fileSizeBytes: rng.int(2_000, 3_000_000),
          mimeType: kind[1],
          checksum: fakeSha256(rng),
          createdAt: at,
          updatedAt: at,
        });
      }
      if (depth < 3 && rng.chance(depth === 1 ? 0.3 : 0.2)) {
        for (let k = rng.int(1, 3); k > 0; k--) makeTask(plan, depth + 1);
      }
    };
    for (let i = rng.int(12, 30); i > 0; i--) makeTask(null, 1);
  }
  ctx.batch.push(projects, projectRows);
  ctx.batch.push(milestones, milestoneRows);
  ctx.batch.push(sprints, sprintRows);
  ctx.batch.push(boards, boardRows);
  ctx.batch.push(
    tasks,
    planned.map((p) => p.row),
  );
  ctx.batch.push(taskComments, comments);
  ctx.batch.push(taskAttachments, attachments);
  ctx.batch.push(taskActivities, activities);
  // Walk each task to its final status one allowed step at a time, stamping started/completed.
  for (let step = 0; step < 3; step++) {
    const moving = planned.filter((p) => WALKS[p.final].length > step);
    if (!moving.length) continue;
    ctx.batch.update(
      `tasks:status:${step}`,
      'after',
      'tasks',
      [
        { name: 'status', type: 'text' },
        { name: 'started_at', type: 'timestamptz' },
        { name: 'completed_at', type: 'timestamptz' },
      ],
      moving.map((p) => ({
          tenantId,
          id: p.row.id,
          values: [WALKS[p.final][step]!, p.startedAt, WALKS[p.final][step] === 'done' ? p.completedAt : null],
      })),
    );
  }
  const touched = planned.filter((p) => WALKS[p.final].length > 0);
  if (touched.length) {
    ctx.batch.update(
      'tasks:updated_at',
      'fixup',
      'tasks',
      [{ name: 'updated_at', type: 'timestamptz' }],
      touched.map((p) => ({ tenantId, id: p.row.id, values: [p.updatedAt] })),
    );
  }
  ctx.refs.projects = projectRows.map((p) => ({ id: p.id!, createdAt: p.createdAt! }));
}
