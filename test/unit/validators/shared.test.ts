// Wire schemas (built generically from every table), toWire, pagination.
import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/schema/index.js';
import { paginatedSchema, projectWireSchema, taskWireSchema, toWire, wireSchemaOf } from '../../../src/validators/index.js';
import * as validators from '../../../src/validators/index.js';

const project = {
  tenantId: '0190a5b4-0000-7000-8000-000000000001',
  id: '0190a5b4-0000-7000-8000-000000000002',
  name: 'Launch',
  description: '',
  metadata: {},
  createdAt: new Date('2026-01-02T03:04:05.000Z'),
  updatedAt: new Date('2026-01-02T03:04:05.000Z'),
  deletedAt: null,
};

describe('wire schemas', () => {
  it('accept a row as JSON (dates as ISO strings) and reject Date objects', () => {
    const wire = toWire(project);
    expect(wire.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(projectWireSchema.parse(wire)).toEqual(wire);
    expect(projectWireSchema.parse(JSON.parse(JSON.stringify(project)))).toEqual(wire);
    const bad = projectWireSchema.safeParse(project);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['createdAt', 'updatedAt']);
  });

  it('keep nullable timestamps nullable and date columns as YYYY-MM-DD', () => {
    const result = taskWireSchema.safeParse({ dueDate: 'not a date' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((i) => i.path[0] === 'dueDate')).toBe(true);
  });

  it('cover every exported table column for column, and the core tables have all four schemas', () => {
    const tables = (Object.values(schema) as unknown[]).filter((v): v is Table => is(v, Table));
    const exported = new Set(Object.keys(validators));
    const missing: string[] = [];
    for (const table of tables) {
      const wire = wireSchemaOf(table) as unknown as { shape: Record<string, unknown> };
      expect(Object.keys(wire.shape).sort()).toEqual(Object.keys(getTableColumns(table)).sort());
      const name = getTableName(table);
      if (CORE_TABLES.has(name)) {
        const base = camel(singular(name));
        for (const kind of ['Select', 'Insert', 'Update', 'Wire']) {
          if (!exported.has(`${base}${kind}Schema`)) missing.push(`${base}${kind}Schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

const CORE_TABLES = new Set([
  'tenants', 'tenant_domains', 'tenant_settings', 'users', 'memberships', 'teams', 'team_members', 'sessions',
  'projects', 'tasks', 'sprints', 'milestones', 'task_comments', 'task_attachments', 'task_activities', 'boards',
  'folders', 'documents', 'document_versions', 'document_permissions', 'document_shares', 'document_activities',
  'workflows', 'workflow_steps', 'workflow_executions', 'workflow_approvals',
  'audit_logs', 'audit_reviews', 'compliance_reports', 'contents',
]);

function singular(name: string): string {
  if (name === 'tenant_settings') return name;
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  return name.replace(/s$/, '');
}
function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

describe('paginated lists', () => {
  it('have count, next, previous and results', () => {
    const page = paginatedSchema(projectWireSchema);
    const ok = { count: 1, next: null, previous: '/api/v1/projects/?page=1', results: [toWire(project)] };
    expect(page.parse(ok)).toEqual(ok);
    const bad = page.safeParse({ count: -1, next: null, previous: null, results: [] });
    expect(bad.error!.issues[0]!.path).toEqual(['count']);
  });
});
