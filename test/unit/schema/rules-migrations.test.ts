// The checked-in rules migrations are exactly what the generators in src/schema/rules produce now,
// so the task status table, limits and conventions cannot drift from the database.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORE_RULES } from '../../../src/schema/rules/domain-rules.js';
import { TASK_STATUS_TRANSITIONS, TASK_STATUSES, taskStatusTriggerSql } from '../../../src/schema/rules/task-status.js';

const folder = fileURLToPath(new URL('../../../drizzle/', import.meta.url));
const files = readdirSync(folder);

function migrationFor(key: string): { up: string; down: string; tag: string } {
  const up = files.find((f) => f.endsWith(`_${key}.sql`) && !f.endsWith('.down.sql'));
  if (!up) throw new Error(`no migration drizzle/NNNN_${key}.sql`);
  const tag = up.replace(/\.sql$/, '');
  return { tag, up: readFileSync(folder + up, 'utf8'), down: readFileSync(folder + `${tag}.down.sql`, 'utf8') };
}

describe('rules migrations match their generators', () => {
  it.each(Object.keys(CORE_RULES))('%s (regenerate with: npx tsx scripts/rules-sql.ts drizzle/<file>.sql)', (key) => {
    const file = migrationFor(key);
    const { up, down } = CORE_RULES[key]!();
    expect(file.up.split('\n').slice(1).join('\n')).toBe(`${up}\n`);
    expect(file.down).toBe(`-- Reverts ${file.tag}.\n${down}\n`);
  });

  it('the projects rules migration carries the task status trigger generated from the transition table', () => {
    expect(migrationFor('projects_rules').up).toContain(taskStatusTriggerSql().up);
  });

  it('the trigger SQL lists exactly the allowed pairs of the table', () => {
    const { up } = taskStatusTriggerSql();
    const table = up.slice(up.indexOf('(OLD.status, NEW.status) NOT IN'));
    const pairs = [...table.matchAll(/\('([a-z_]+)', '([a-z_]+)'\)/g)].map((m) => `${m[1]}>${m[2]}`).sort();
    const expected = TASK_STATUSES.flatMap((from) => TASK_STATUS_TRANSITIONS[from].map((to) => `${from}>${to}`)).sort();
    expect(pairs).toEqual(expected);
  });
});
