// The drizzle schema and the migrations folder agree: generating a migration now would produce nothing,
// and `drizzle-kit check` accepts the folder.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/schema/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function latestSnapshot(): Record<string, unknown> {
  const journal = JSON.parse(readFileSync(`${root}drizzle/meta/_journal.json`, 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
  const last = journal.entries.at(-1)!;
  const prefix = last.tag.split('_')[0];
  return JSON.parse(readFileSync(`${root}drizzle/meta/${prefix}_snapshot.json`, 'utf8')) as Record<string, unknown>;
}

describe('drizzle schema vs migrations', () => {
  it('has no pending diff (drizzle-kit generate would write an empty migration)', async () => {
    const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
    const prev = latestSnapshot();
    const cur = generateDrizzleJson(schema as unknown as Record<string, unknown>, prev.id as string, undefined, 'snake_case');
    const statements = await generateMigration(prev as never, cur as never);
    expect(statements).toEqual([]);
  });

  it('passes drizzle-kit check', () => {
    const result = spawnSync('npx', ['drizzle-kit', 'check'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/Everything's fine/);
  }, 90_000);
});
