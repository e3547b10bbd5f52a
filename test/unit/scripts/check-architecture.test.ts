// The architecture lint: each rule fails on an edge that breaks it, and the real tree passes.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, importGraph, roomOf, type ImportEdge } from '../../../scripts/check-architecture.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const edge = (from: string, to: string): ImportEdge => ({ from, to });

describe('check-architecture', () => {
  it('names the room of a file', () => {
    expect(roomOf('src/tenancy/resolve.ts')).toBe('tenancy');
    expect(roomOf('src/errors.ts')).toBe('errors');
  });

  it('refuses an upward import, naming both files and layers', () => {
    const problems = checkArchitecture([edge('src/schema/billing.ts', 'src/operations/billing.ts')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.kind).toBe('layer');
    expect(problems[0]!.message).toContain('src/schema/billing.ts (schema, layer 1) imports src/operations/billing.ts (operations, layer 4)');
  });

  it('refuses the library importing src/testing, allows the CLI', () => {
    expect(checkArchitecture([edge('src/migrations/verify.ts', 'src/testing/index.ts')]).map((p) => p.kind)).toEqual(['testing']);
    expect(checkArchitecture([edge('src/cli/commands/migrate.ts', 'src/testing/index.ts')])).toEqual([]);
  });

  it('allows peers of one layer and downward imports', () => {
    expect(
      checkArchitecture([
        edge('src/seed/seed.ts', 'src/tenancy/context.ts'),
        edge('src/operations/inventory.ts', 'src/schema/inventory.ts'),
        edge('src/testing/isolation.ts', 'src/tenancy/index.ts'),
      ]),
    ).toEqual([]);
  });

  it('finds a cycle within one room', () => {
    const problems = checkArchitecture([
      edge('src/schema/_tenant-table.ts', 'src/schema/tenancy.ts'),
      edge('src/schema/tenancy.ts', 'src/schema/_tenant-table.ts'),
    ]);
    expect(problems).toEqual([
      { kind: 'cycle', message: 'import cycle: src/schema/_tenant-table.ts <-> src/schema/tenancy.ts: move what they share into a file both import.' },
    ]);
  });

  it('asks for a layer for a room it does not know', () => {
    expect(checkArchitecture([edge('src/reports/x.ts', 'src/schema/index.ts')]).map((p) => p.kind)).toEqual(['unknown-room']);
  });

  it('passes on the tree as it is, reading package-name imports of the CLI too', () => {
    const edges = importGraph(root);
    expect(edges.some((e) => e.from.startsWith('src/cli/') && e.to === 'src/migrations/index.ts')).toBe(true);
    expect(edges.some((e) => e.from === 'src/schema/_tenant-table.ts' && e.to === 'src/schema/_tenants.ts')).toBe(true);
    expect(checkArchitecture(edges)).toEqual([]);
  }, 60_000);
});
