// The audit trigger's own statements are planned sanely: it runs FOR EACH ROW (migration
// tenancy_audit_row_rules), so a bulk UPDATE of N rows runs N one-row audit INSERTs (no join of
// transition tables whose cost grew with N), and none of them is ever JIT-compiled (the old
// statement-level trigger planned without nested loops, which crossed jit_above_cost: ~250 ms).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants, teams } from '../../../src/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';

describe('audit trigger planning (node-postgres, auto_explain of nested statements)', () => {
  let test: TestDatabase;
  let client: pg.Client;
  const notices: string[] = [];
  const A = uuidv7();

  beforeAll(async () => {
    test = await createTestDatabase({ driver: 'pg', max: 1 });
    await test.db.insert(tenants).values({ id: A, name: 'A', slug: 'audit-planning', email: 'a@a.test' });
    await test.db.insert(teams).values(Array.from({ length: 300 }, (_, i) => ({ tenantId: A, name: `team-${i}` })));
    client = new pg.Client({ connectionString: test.url });
    await client.connect();
    client.on('notice', (msg) => notices.push(String(msg.message ?? '')));
    // The server's default JIT thresholds; plans of nested statements come back as notices.
    await client.query(`load 'auto_explain'`);
    await client.query(`set jit = on; set jit_above_cost = 100000; set client_min_messages = log;
      set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on; set auto_explain.log_analyze = on`);
  });
  afterAll(async () => {
    await client?.end();
    await test?.drop();
  });

  const plansOf = async (statement: string) => {
    notices.length = 0;
    await client.query(statement);
    return notices.filter((n) => n.includes('Query Text'));
  };

  it('an audited UPDATE never JIT-compiles the audit INSERT', async (ctx) => {
    // Control: this server can JIT at all (builds without LLVM cannot show the problem).
    const control = await plansOf(`begin; set local jit_above_cost = 0; select count(*) from teams; commit`);
    if (!control.some((p) => p.includes('JIT:'))) ctx.skip('this server has no JIT (no LLVM): nothing to observe');
    const one = await plansOf(`update teams set description = 'one' where tenant_id = '${A}' and name = 'team-1'`);
    const audit = one.filter((p) => p.includes('INSERT INTO public.audit_logs'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).not.toContain('JIT:');
    const bulk = await plansOf(`update teams set description = 'bulk' where tenant_id = '${A}'`);
    const bulkAudit = bulk.filter((p) => p.includes('INSERT INTO public.audit_logs'));
    // 300 changed rows give 300 audit INSERTs of one row each, none JIT-compiled.
    expect(bulkAudit).toHaveLength(300);
    expect(bulkAudit.filter((p) => p.includes('JIT:'))).toEqual([]);
    expect(bulkAudit.every((p) => /Insert on audit_logs/.test(p))).toBe(true);
    const [{ n }] = (await client.query(`select count(*)::int as n from audit_logs where action = 'teams.update' and changes->'after'->>'description' = 'bulk'`)).rows;
    expect(n).toBe(300);
  });
});
