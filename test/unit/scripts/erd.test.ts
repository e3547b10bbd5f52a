// `npm run erd`: one Mermaid diagram per schema domain file; --check fails on a stale, missing or orphaned file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'stocksync-erd-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function erd(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/erd.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('erd script', () => {
  it('docs/erd is up to date (CI fails when it is stale)', () => {
    const result = erd('--check');
    expect(result.status, result.stderr).toBe(0);
  }, 90_000);

  it('writes a diagram per domain file, with tables, keys and relationships', () => {
    expect(erd('--out', out).status).toBe(0);
    const domains = readdirSync(join(root, 'src/schema'))
      .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, '.md'));
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['audit.md', 'documents.md', 'identity.md', 'projects.md', 'tenancy.md', 'workflows.md']));
    for (const f of readdirSync(out)) expect(domains).toContain(f);
    const projects = readFileSync(join(out, 'projects.md'), 'utf8');
    expect(projects).toContain('```mermaid\nerDiagram');
    expect(projects).toMatch(/ {2}tasks \{\n {4}uuid tenant_id PK,FK\n {4}uuid id PK\n/);
    expect(projects).toContain('tasks }o--o| users : "assignee_id"');
    expect(projects).toContain('tasks }o--|| projects : "project_id"');
  }, 90_000);

  it('--check exits 1 for a stale or orphaned file', () => {
    expect(erd('--check', '--out', out).status).toBe(0);
    writeFileSync(join(out, 'projects.md'), 'old');
    const stale = erd('--check', '--out', out);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('projects.md');
    expect(erd('--out', out).status).toBe(0);
    writeFileSync(join(out, 'gone.md'), 'x');
    expect(erd('--check', '--out', out).status).toBe(1);
  }, 120_000);
});
