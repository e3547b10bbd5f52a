// The business rules mirrored in the validators, with error paths that name the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canTransitionTaskStatus, MAX_FILE_SIZE_BYTES, TASK_STATUSES } from '../../../src/schema/index.js';
import {
  approvalExpiresAt,
  auditLogUpdateSchema,
  complianceReportInsertSchema,
  documentInsertSchemaFor,
  documentPermissionInsertSchema,
  documentShareInsertSchema,
  folderInsertSchema,
  folderPlacementSchema,
  hostname,
  sessionInsertSchema,
  sprintInsertSchema,
  sprintInsertSchemaAgainst,
  taskInsertSchema,
  taskPlacementSchema,
  taskUpdateSchemaFrom,
  tenantInsertSchema,
  workflowApprovalUpdateSchemaFrom,
  workflowDefinitionSchema,
  workflowExecutionSchemasFor,
  workflowInsertSchema,
  workflowStepInsertSchemaFor,
} from '../../../src/validators/index.js';

const T = '0190a5b4-0000-7000-8000-000000000001';
const P = '0190a5b4-0000-7000-8000-000000000002';
const Q = '0190a5b4-0000-7000-8000-000000000003';
const SHA = 'a'.repeat(64);

function paths(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('tasks', () => {
  it('story points are positive Fibonacci numbers', () => {
    for (const points of [1, 2, 3, 5, 8, 13, null]) expect(paths(taskInsertSchema, { tenantId: T, projectId: P, title: 't', storyPoints: points })).toEqual([]);
    for (const points of [0, -1, 4, 6, 1.5]) expect(paths(taskInsertSchema, { tenantId: T, projectId: P, title: 't', storyPoints: points })).toEqual(['storyPoints']);
  });

  it('a new task starts in backlog or todo', () => {
    expect(paths(taskInsertSchema, { tenantId: T, projectId: P, title: 't', status: 'done' })).toEqual(['status']);
    expect(paths(taskInsertSchema, { tenantId: T, projectId: P, title: 't', status: 'todo' })).toEqual([]);
  });

  it('status moves follow the transition table, pair by pair', () => {
    for (const from of TASK_STATUSES) {
      for (const to of TASK_STATUSES) {
        const issues = paths(taskUpdateSchemaFrom({ status: from }), { status: to });
        expect(issues).toEqual(canTransitionTaskStatus(from, to) ? [] : ['status']);
      }
    }
  });

  it('placement: same project, depth at most 3 including the subtree', () => {
    expect(paths(taskPlacementSchema, { projectId: P, parent: { projectId: P, depth: 2 } })).toEqual([]);
    expect(paths(taskPlacementSchema, { projectId: P, parent: { projectId: P, depth: 3 } })).toEqual(['parentTaskId']);
    expect(paths(taskPlacementSchema, { projectId: P, parent: { projectId: P, depth: 1 }, subtreeHeight: 3 })).toEqual(['parentTaskId']);
    expect(paths(taskPlacementSchema, { projectId: P, parent: { projectId: Q, depth: 1 } })).toEqual(['parentTaskId']);
  });
});

describe('sprints', () => {
  const sprint = { tenantId: T, projectId: P, name: 'S1', startDate: '2026-02-01', endDate: '2026-02-14' };
  it('end after start', () => {
    expect(paths(sprintInsertSchema, sprint)).toEqual([]);
    expect(paths(sprintInsertSchema, { ...sprint, endDate: '2026-02-01' })).toEqual(['endDate']);
  });
  it('no overlap with the project\'s live sprints (inclusive dates)', () => {
    const existing = [{ id: Q, projectId: P, startDate: '2026-01-20', endDate: '2026-02-01', status: 'active' as const }];
    expect(paths(sprintInsertSchemaAgainst(existing), sprint)).toEqual(['startDate']);
    expect(paths(sprintInsertSchemaAgainst([{ ...existing[0]!, status: 'cancelled' }]), sprint)).toEqual([]);
    expect(paths(sprintInsertSchemaAgainst(existing), { ...sprint, startDate: '2026-02-02' })).toEqual([]);
  });
});

describe('documents', () => {
  const doc = { tenantId: T, title: 'D', filePath: '/d', fileName: 'd.pdf', mimeType: 'application/pdf', checksum: SHA, fileSizeBytes: 1 };
  it('checksums are 64 lowercase hex characters', () => {
    expect(paths(documentInsertSchemaFor('trial'), doc)).toEqual([]);
    expect(paths(documentInsertSchemaFor('trial'), { ...doc, checksum: 'A'.repeat(64) })).toEqual(['checksum']);
    expect(paths(documentInsertSchemaFor('trial'), { ...doc, checksum: 'abc' })).toEqual(['checksum']);
  });
  it('file size is limited by tier', () => {
    expect(paths(documentInsertSchemaFor('starter'), { ...doc, fileSizeBytes: MAX_FILE_SIZE_BYTES.starter })).toEqual([]);
    expect(paths(documentInsertSchemaFor('starter'), { ...doc, fileSizeBytes: MAX_FILE_SIZE_BYTES.starter + 1 })).toEqual(['fileSizeBytes']);
    expect(paths(documentInsertSchemaFor('professional'), { ...doc, fileSizeBytes: 100 * 1024 * 1024 })).toEqual([]);
    expect(paths(documentInsertSchemaFor('enterprise'), { ...doc, fileSizeBytes: 1024 ** 3 + 1 })).toEqual(['fileSizeBytes']);
  });
  it('folders: no slash in names, depth at most 10', () => {
    expect(paths(folderInsertSchema, { tenantId: T, name: 'a/b' })).toEqual(['name']);
    expect(paths(folderPlacementSchema, { parentDepth: 9 })).toEqual([]);
    expect(paths(folderPlacementSchema, { parentDepth: 10 })).toEqual(['parentId']);
    expect(paths(folderPlacementSchema, { parentDepth: 8, subtreeHeight: 3 })).toEqual(['parentId']);
  });
  it('permissions have one target and one grantee; e-mail shares need an e-mail', () => {
    expect(paths(documentPermissionInsertSchema, { tenantId: T, documentId: P, folderId: Q, teamId: Q })).toEqual(['documentId']);
    expect(paths(documentPermissionInsertSchema, { tenantId: T, documentId: P })).toEqual(['userId']);
    expect(paths(documentShareInsertSchema, { tenantId: T, documentId: P, token: 'x'.repeat(32), shareType: 'email' })).toEqual(['sharedWithEmail']);
  });
});

describe('workflows', () => {
  const definition = {
    nodes: [{ id: 'start', type: 'start' }, { id: 'review', type: 'approval' }, { id: 'end', type: 'end' }],
    edges: [{ from: 'start', to: 'review' }, { from: 'review', to: 'end' }],
  } as const;
  it('definitions are graphs: unique ids, edges between nodes, one start', () => {
    expect(paths(workflowDefinitionSchema, definition)).toEqual([]);
    expect(paths(workflowDefinitionSchema, { ...definition, nodes: [...definition.nodes, { id: 'end', type: 'end' }] })).toEqual(['nodes.3.id']);
    expect(paths(workflowDefinitionSchema, { ...definition, edges: [{ from: 'start', to: 'nowhere' }] })).toEqual(['edges.0.to']);
    expect(paths(workflowDefinitionSchema, { nodes: [{ id: 'a', type: 'task' }], edges: [] })).toEqual(['nodes']);
    expect(paths(workflowInsertSchema, { tenantId: T, name: 'W', definition: { nodes: [], edges: [] } })).toEqual(['definition.nodes', 'definition.nodes']);
  });
  it('current step and step nodes belong to the definition', () => {
    const def = { nodes: [...definition.nodes], edges: [...definition.edges] };
    expect(paths(workflowExecutionSchemasFor(def).update, { currentStep: 'review' })).toEqual([]);
    expect(paths(workflowExecutionSchemasFor(def).update, { currentStep: 'deploy' })).toEqual(['currentStep']);
    expect(paths(workflowStepInsertSchemaFor(def), { tenantId: T, executionId: P, nodeId: 'ghost' })).toEqual(['nodeId']);
  });
  it('approvals expire after 7 days by default and cannot be decided afterwards', () => {
    const requested = new Date('2026-01-01T00:00:00Z');
    expect(approvalExpiresAt(requested).toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(approvalExpiresAt(requested, 2).toISOString()).toBe('2026-01-03T00:00:00.000Z');
    const current = { status: 'pending' as const, expiresAt: approvalExpiresAt(requested) };
    const decide = { status: 'approved', decidedAt: new Date() };
    expect(paths(workflowApprovalUpdateSchemaFrom(current, () => new Date('2026-01-07T00:00:00Z')), decide)).toEqual([]);
    expect(paths(workflowApprovalUpdateSchemaFrom(current, () => new Date('2026-01-09T00:00:00Z')), decide)).toEqual(['status']);
  });
});

describe('tenancy, identity, audit', () => {
  it('tenant slugs and host names', () => {
    expect(paths(tenantInsertSchema, { name: 'A', slug: 'Acme!', email: 'a@a.test' })).toEqual(['slug']);
    expect(hostname.safeParse('app.acme.test').success).toBe(true);
    expect(hostname.safeParse('App.acme.test').success).toBe(false);
  });
  it('sessions end after they start', () => {
    expect(paths(sessionInsertSchema, { tenantId: T, userId: P, startedAt: new Date(2), endedAt: new Date(1) })).toEqual(['endedAt']);
  });
  it('audit logs cannot be updated; report periods are ordered', () => {
    expect(auditLogUpdateSchema.safeParse({ action: 'x' }).success).toBe(false);
    expect(
      paths(complianceReportInsertSchema, { tenantId: T, reportType: 'soc2', title: 'Q1', periodStart: '2026-03-31', periodEnd: '2026-01-01' }),
    ).toEqual(['periodEnd']);
  });
});
