// `stocksync-db erd`: Mermaid diagrams from the schema, printed, as JSON, or written to files.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('stocksync-db erd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stocksync-erd-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one domain with its tables and composite-key relationships', { timeout: 60_000 }, async () => {
    const result = await runCli(['erd', '--domain', 'projects'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# projects ERD');
    expect(result.stdout).toContain('tasks }o--|| projects : "project_id"');
    expect(result.stdout).not.toContain('# billing ERD');
  });

  it('writes every domain to --out and matches the committed docs/erd files', { timeout: 60_000 }, async () => {
    const result = await runCli(['erd', '--out', dir], { cwd: dir });
    expect(result.code).toBe(0);
    const written = readdirSync(dir).sort();
    expect(written).toEqual(expect.arrayContaining(['billing.md', 'inventory.md', 'projects.md', 'tenancy.md']));
    const committed = join(import.meta.dirname, '../../../docs/erd');
    for (const file of written) expect(readFileSync(join(dir, file), 'utf8')).toBe(readFileSync(join(committed, file), 'utf8'));
  });

  it('--json maps each domain to its Markdown; an unknown domain is a usage error (exit 2)', { timeout: 60_000 }, async () => {
    const json = await runCli(['--json', 'erd'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(Object.keys(JSON.parse(json.stdout))).toContain('licenses');
    const bad = await runCli(['erd', '--domain', 'nope'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown domain "nope": use one of/);
  });
});
