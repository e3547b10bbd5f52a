// The SQL generators behind the tenancy rules migrations: one helper per concern, down reverts up.
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/schema/index.js';
import { AUDIT_OPT_OUT, auditTriggersSql } from '../../../src/tenancy/audit.js';
import { rolePolicies, rolePoliciesSql, STATEMENT_BREAKPOINT, tenantTableNames } from '../../../src/tenancy/policies.js';

describe('tenancy rules generators', () => {
  const tables = tenantTableNames(Object.values(schema));

  it('finds the tenant tables of the schema and leaves global tables out', () => {
    expect(tables).toContain('users');
    expect(tables).toContain('audit_logs');
    expect(tables).not.toContain('tenants');
    for (const g of schema.GLOBAL_TABLES) expect(tables).not.toContain(g.table);
  });

  it('gives every table the guest rule and the listed tables their read rule', () => {
    expect([...rolePolicies('teams').keys()]).toEqual(['teams_role_insert', 'teams_role_update', 'teams_role_delete']);
    const audit = rolePolicies('audit_logs');
    expect(audit.get('audit_logs_role_select')).toContain(`IN ('', 'owner', 'admin')`);
    expect(audit.get('audit_logs_role_insert')).toContain(`'guest'`);
    expect(rolePolicies('tenant_settings').get('tenant_settings_role_update')).not.toContain(`'member'`);
  });

  it('writes one DROP per CREATE, in reverse order', () => {
    const { up, down } = rolePoliciesSql(['teams', 'users']);
    const created = up.split(STATEMENT_BREAKPOINT).map((s) => /CREATE POLICY "([^"]+)"/.exec(s)![1]);
    const dropped = down.split(STATEMENT_BREAKPOINT).map((s) => /DROP POLICY IF EXISTS "([^"]+)"/.exec(s)![1]);
    expect(dropped).toEqual([...created].reverse());
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
