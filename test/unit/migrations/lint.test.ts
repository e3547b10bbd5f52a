// Lint rules: each flags what it should, spares tables created in the same file, and honours waivers.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../../../src/migrations/index.js';

const rules = (sql: string) => lintSql('0009_x', sql).findings.map((f) => f.rule);

describe('migration lint', () => {
  it('flags destructive changes on existing tables with a safe alternative', () => {
    const { findings } = lintSql('0009_x', 'SET LOCAL lock_timeout = \'5s\';\nDROP TABLE "orders";\n--> statement-breakpoint\nALTER TABLE "users" DROP COLUMN "age";');
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['drop-table', 'error'],
      ['drop-column', 'error'],
    ]);
    expect(findings[0]!.fix).toContain('rename');
    expect(findings[1]!.fix).toContain('separate migration');
  });

  it('flags NOT NULL without default, SET NOT NULL, type rewrites and blocking index builds', () => {
    const sql = [
      "SET LOCAL lock_timeout = '5s';",
      'ALTER TABLE "users" ADD COLUMN "tier" text NOT NULL;',
      'ALTER TABLE "users" ADD COLUMN "plan" text DEFAULT \'free\' NOT NULL;',
      'ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;',
      'ALTER TABLE "users" ALTER COLUMN "age" SET DATA TYPE bigint;',
      'CREATE INDEX "users_age_idx" ON "users" USING btree ("age");',
      'CREATE INDEX CONCURRENTLY "users_tier_idx" ON "users" ("tier");',
    ].join('\n--> statement-breakpoint\n');
    expect(rules(sql)).toEqual(['not-null-without-default', 'set-not-null', 'column-type-rewrite', 'index-not-concurrent']);
  });

  it('spares tables created in the same file', () => {
    const sql = 'CREATE TABLE "notes" ("id" int NOT NULL);\n--> statement-breakpoint\nALTER TABLE "notes" ADD COLUMN "body" text NOT NULL;\n--> statement-breakpoint\nCREATE INDEX "notes_id_idx" ON "notes" ("id");';
    expect(rules(sql)).toEqual([]);
  });

  it('warns about a missing lock_timeout before strong locks on existing tables', () => {
    expect(rules('ALTER TABLE "users" FORCE ROW LEVEL SECURITY;')).toEqual(['missing-lock-timeout']);
    expect(rules('CREATE TRIGGER t BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION f();')).toEqual(['missing-lock-timeout']);
    expect(rules("SET lock_timeout = '2s';\nALTER TABLE \"users\" FORCE ROW LEVEL SECURITY;")).toEqual([]);
    expect(lintSql('x', 'ALTER TABLE "users" FORCE ROW LEVEL SECURITY;').findings[0]!.severity).toBe('warning');
  });

  it('does not read statements inside function bodies', () => {
    expect(rules('CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE users DROP COLUMN age; END $$;')).toEqual([]);
  });

  it('honours a waiver with a reason and rejects one without', () => {
    const waived = lintSql('0009_x', "-- lint-ignore drop-column: the column was unused since release 42\nSET LOCAL lock_timeout = '5s';\nALTER TABLE users DROP COLUMN age;");
    expect(waived.findings).toEqual([]);
    expect(waived.waived.map((w) => [w.rule, w.reason])).toEqual([['drop-column', 'the column was unused since release 42']]);
    expect(rules("-- lint-ignore drop-column\nSET LOCAL lock_timeout = '5s';\nALTER TABLE users DROP COLUMN age;")).toEqual(['drop-column', 'waiver-without-reason']);
  });
});
