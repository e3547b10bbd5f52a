// Architecture lint: reads every import of src/ (static, dynamic, type-only and re-exports) and fails
// when a module imports a higher layer, when the library imports src/testing, or when files import
// each other in a cycle. The layers and the rule are pictured in docs/architecture.md.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Layer of each room of src/ (the first folder, or the file name for top-level files). A module may
 * import its own room and lower layers only; rooms of one layer may import each other (no cycles).
 */
export const LAYERS: Readonly<Record<string, number>> = {
  errors: 0,
  uuid: 0,
  schema: 1,
  validators: 2,
  connection: 2,
  'database-error': 2,
  problem: 2,
  tenancy: 3,
  migrations: 3,
  'tenant-schemas': 3,
  seed: 3,
  operations: 4,
  citus: 4,
  index: 5,
  testing: 5,
  cli: 6,
};

/** Rooms no other room of the library may import (only the CLI and tests reach them). */
const ONLY_FROM_CLI = new Set(['testing']);

/** One import edge between two files of src/, as paths relative to the repository. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** A broken rule, said so a person can fix it. */
export interface ArchitectureProblem {
  kind: 'layer' | 'testing' | 'cycle' | 'unknown-room';
  message: string;
}

/** The room of a src/ file: `src/tenancy/x.ts` -> tenancy, `src/errors.ts` -> errors. */
export function roomOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.ts$/, '');
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

// '@stocksync/db/tenancy' -> src/tenancy/index.ts; './x.js' -> the .ts file beside it.
function resolveSpecifier(root: string, fromFile: string, specifier: string): string | undefined {
  const pkg = /^@stocksync\/db(?:\/([a-z-]+))?$/.exec(specifier);
  if (pkg) return pkg[1] ? `src/${pkg[1]}/index.ts` : 'src/index.ts';
  if (!specifier.startsWith('.')) return undefined;
  const abs = resolve(dirname(join(root, fromFile)), specifier).replace(/\.js$/, '.ts');
  const rel = relative(root, abs).split('\\').join('/');
  return rel.endsWith('.ts') ? rel : `${rel}/index.ts`;
}

// Every module specifier of a file: static imports and re-exports (type-only too), dynamic import(),
// import('x') types. Read from the syntax tree, so examples in comments do not count.
function importsOf(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * The import graph of `root`/src: every edge from one src/ file to another.
 *
 * @example
 * ```ts
 * const edges = importGraph(process.cwd());
 * ```
 */
export function importGraph(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const abs of listSources(join(root, 'src'))) {
    const from = relative(root, abs).split('\\').join('/');
    for (const specifier of importsOf(readFileSync(abs, 'utf8'))) {
      const to = resolveSpecifier(root, from, specifier);
      if (to && to !== from) edges.push({ from, to });
    }
  }
  return edges;
}

// Tarjan's strongly connected components: each component of two or more files is one cycle.
function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) connect(v);
  return found;
}

/**
 * Checks the import rule on a list of edges: layers only point down, the library never imports
 * src/testing, and no files import each other in a cycle.
 *
 * @example
 * ```ts
 * const problems = checkArchitecture(importGraph(process.cwd()));
 * ```
 */
export function checkArchitecture(edges: readonly ImportEdge[]): ArchitectureProblem[] {
  const problems: ArchitectureProblem[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    const [a, b] = [roomOf(edge.from), roomOf(edge.to)];
    for (const room of [a, b]) {
      if (LAYERS[room] === undefined && !seen.has(room)) {
        seen.add(room);
        problems.push({ kind: 'unknown-room', message: `src/${room} has no layer: add it to LAYERS in scripts/check-architecture.ts and to docs/architecture.md.` });
      }
    }
    if (a === b || LAYERS[a] === undefined || LAYERS[b] === undefined) continue;
    if (ONLY_FROM_CLI.has(b) && a !== 'cli') {
      problems.push({ kind: 'testing', message: `${edge.from} imports ${edge.to}: the library never depends on its test helpers (move what both need below them).` });
    } else if (LAYERS[b]! > LAYERS[a]!) {
      problems.push({ kind: 'layer', message: `${edge.from} (${a}, layer ${LAYERS[a]}) imports ${edge.to} (${b}, layer ${LAYERS[b]}): imports run ${Object.keys(LAYERS).join(' -> ')}, never upwards.` });
    }
  }
  for (const component of cycles(edges)) {
    problems.push({ kind: 'cycle', message: `import cycle: ${component.join(' <-> ')}: move what they share into a file both import.` });
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const edges = importGraph(root);
  const problems = checkArchitecture(edges);
  for (const problem of problems) process.stderr.write(`${problem.kind}: ${problem.message}\n`);
  process.stdout.write(`architecture: ${edges.length} imports between src/ files, ${problems.length} problem(s)\n`);
  process.exitCode = problems.length ? 1 : 0;
}
