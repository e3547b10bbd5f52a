// The drizzle relations of the core domains resolve through the composite (tenant_id, id) keys.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, documentVersions, folders, projects, tasks, users, workflowExecutions, workflows } from '../../../src/schema/index.js';
import { createTenant, openSchemaDatabase, sha, type SchemaDatabase } from './helpers.js';

let db: SchemaDatabase;

beforeAll(async () => {
  db = await openSchemaDatabase();
});
afterAll(() => db?.close());

describe('relations', () => {
  it('load a task with its project, assignee, parent and subtasks; a folder with its documents and versions', async () => {
    const orm = db.test.db;
    const { tenantId, userId } = await createTenant(db.pool, 'rel');
    const [project] = await orm.insert(projects).values({ tenantId, name: 'P' }).returning();
    const [parent] = await orm.insert(tasks).values({ tenantId, projectId: project!.id, title: 'parent', assigneeId: userId }).returning();
    await orm.insert(tasks).values({ tenantId, projectId: project!.id, title: 'child', parentTaskId: parent!.id });
    const loaded = await orm.query.tasks.findFirst({
      where: eq(tasks.id, parent!.id),
      with: { project: true, assignee: true, subtasks: true, parent: true },
    });
    expect(loaded!.project.name).toBe('P');
    expect(loaded!.assignee!.id).toBe(userId);
    expect(loaded!.parent).toBeNull();
    expect(loaded!.subtasks.map((t) => t.title)).toEqual(['child']);

    const [folder] = await orm.insert(folders).values({ tenantId, name: 'Root' }).returning();
    expect(folder!.path).toBe('/Root');
    const [doc] = await orm
      .insert(documents)
      .values({ tenantId, folderId: folder!.id, title: 'D', filePath: '/d', fileName: 'd', fileSizeBytes: 1, mimeType: 'text/plain', checksum: sha('d') })
      .returning();
    const [v1] = await orm.insert(documentVersions).values({ tenantId, documentId: doc!.id, filePath: '/d1', fileSizeBytes: 1, checksum: sha('d1') }).returning();
    expect(v1!.versionNumber).toBe(1);
    const tree = await orm.query.folders.findFirst({ where: eq(folders.id, folder!.id), with: { documents: { with: { versions: true } } } });
    expect(tree!.documents[0]!.versions.map((v) => v.versionNumber)).toEqual([1]);

    const [wf] = await orm
      .insert(workflows)
      .values({ tenantId, name: 'W', definition: { nodes: [{ id: 's', type: 'start' }], edges: [] } })
      .returning();
    await orm.insert(workflowExecutions).values({ tenantId, workflowId: wf!.id, currentStep: 's' });
    const withRuns = await orm.query.workflows.findFirst({ where: eq(workflows.id, wf!.id), with: { executions: true } });
    expect(withRuns!.executions.map((e) => e.currentStep)).toEqual(['s']);
    const user = await orm.query.users.findFirst({ where: eq(users.id, userId), with: { memberships: true } });
    expect(user!.memberships).toEqual([]);
  });
});
