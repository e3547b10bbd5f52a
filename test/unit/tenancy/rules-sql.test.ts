// The generators behind the tenancy rules: the per-command policies of a tenant table, the audit triggers.
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/schema/index.js';
import { AUDIT_OPT_OUT, auditTriggersSql } from '../../../src/tenancy/audit.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { ROLE_RULES, tenantTableNames } from '../../../src/tenancy/policies.js';
import { tenantPolicies } from '../../../src/schema/_access.js';

const getPolicyConfig = (p: ReturnType<typeof tenantPolicies>[number]) => ({
  name: p.name,
  as: p.as,
  for: p.for,
  using: p.using,
  withCheck: p.withCheck,
});

describe('tenancy rules generators', () => {
  const tables = tenantTableNames(Object.values(schema));

  it('finds the tenant tables of the schema and leaves global tables out', () => {
    expect(tables).toContain('users');
    expect(tables).toContain('audit_logs');
    expect(tables).not.toContain('tenants');
    for (const g of schema.GLOBAL_TABLES) expect(tables).not.toContain(g.table);
  });

  it('gives every table four permissive policies, the listed tables their access level', () => {
    const names = (table: string) => tenantPolicies(table).map((p) => getPolicyConfig(p));
    expect(names('teams').map((p) => [p.name, p.as, p.for])).toEqual([
      ['teams_select', 'permissive', 'select'],
      ['teams_insert', 'permissive', 'insert'],
      ['teams_update', 'permissive', 'update'],
      ['teams_delete', 'permissive', 'delete'],
    ]);
    const text = (table: string, i: number, key: 'using' | 'withCheck') => {
      const value = names(table)[i]![key];
      return value ? new PgDialect().sqlToQuery(value).sql : undefined;
    };
    expect(text('teams', 0, 'using')).toBe('tenant_id = stocksync_ctx_tenant()');
    expect(text('teams', 1, 'withCheck')).toBe('tenant_id = stocksync_ctx_writer_tenant()');
    expect(text('audit_logs', 0, 'using')).toBe('tenant_id = stocksync_ctx_admin_tenant()');
    expect(text('tenant_settings', 2, 'withCheck')).toBe('tenant_id = stocksync_ctx_admin_tenant()');
    expect(ROLE_RULES.find((r) => r.table === 'tenant_settings')?.write).not.toContain('member');
    expect(ROLE_RULES.find((r) => r.table === 'audit_logs')?.read).toEqual(['', 'owner', 'admin']);
  });

  it('attaches three row triggers per audited table and none to opted-out tables', () => {
    const { up, down } = auditTriggersSql(['teams', 'audit_logs', 'sessions'], { withFunction: false });
    expect(up.match(/CREATE TRIGGER/g)).toHaveLength(3);
    expect(up).toContain('CREATE TRIGGER teams_audit_update AFTER UPDATE ON "teams"');
    expect(up.match(/FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes\(\)/g)).toHaveLength(3);
    // Citus runs no transition tables on shards: the generator never emits them.
    expect(up).not.toMatch(/REFERENCING|FOR EACH STATEMENT/);
    expect(down.match(/DROP TRIGGER/g)).toHaveLength(3);
    const withFunction = auditTriggersSql(['teams']);
    expect(withFunction.up.startsWith('CREATE OR REPLACE FUNCTION stocksync_audit_changes()')).toBe(true);
    expect(withFunction.down.trim().endsWith('DROP FUNCTION IF EXISTS stocksync_audit_changes();')).toBe(true);
  });

  it('every opt-out names a tenant table of the schema and gives a reason', () => {
    for (const o of AUDIT_OPT_OUT) {
      expect(tables).toContain(o.table);
      expect(o.reason.length).toBeGreaterThan(20);
    }
  });
});
