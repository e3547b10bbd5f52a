// The TypeScript code blocks of README.md and docs/, with the marker that says whether the docs
// test runs them: shared by the type-check (scripts/docs-snippets.ts) and the run
// (test/integration/docs/snippets.test.ts). The convention is in docs/architecture.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');

/** The names a snippet may use without declaring them, and their types (the test binds real values). */
export const CONTEXT: Record<string, string> = {
  db: '__Database',
  otherDb: '__Database',
  tenantId: 'string',
  tenantA: 'string',
  tenantB: 'string',
  userId: 'string',
  id: 'string',
  requestId: 'string',
  key: 'string', // a tenant export's signing key
  dir: 'string', // a directory a snippet may write to
  req: "__Request & { user?: __Actor }",
  res: '__Response',
  app: '__Express',
  hono: '__Hono',
};

/** Imports of the types named in {@link CONTEXT}. */
export const PRELUDE_IMPORTS = [
  "import type { Database as __Database } from '@stocksync/db';",
  "import type { Actor as __Actor } from '@stocksync/db/tenancy';",
  "import type { Express as __Express, Request as __Request, Response as __Response } from 'express';",
  "import type { Hono as __Hono } from 'hono';",
];

/**
 * What the line before a block says: `<!-- snippet: run NAME -->` (the docs test runs it, NAME picks
 * its set-up and checks) or `<!-- snippet: not run: REASON -->`; none for a block that does not
 * import the package.
 */
export type SnippetMark = { run: string } | { notRun: string } | undefined;

/** One TypeScript block of a markdown file. */
export interface Snippet {
  doc: string;
  /** 1-based line of the block's first code line. */
  line: number;
  code: string;
  mark: SnippetMark;
}

const MARK = /^<!--\s*snippet:\s*(?:run\s+([a-z0-9-]+)|not run:\s*(.+?))\s*-->\s*$/;

/** README.md and every markdown file under docs/, in a stable order. */
export function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f));
  return ['README.md', ...docs.sort()];
}

/** The ```ts blocks of one markdown file (path relative to the root), with their marks. */
export function snippetsOf(doc: string): Snippet[] {
  const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n');
  const found: Snippet[] = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    if (start < 0 && /^```(ts|typescript)\s*$/.test(lines[i]!)) start = i;
    else if (start >= 0 && /^```\s*$/.test(lines[i]!)) {
      const m = MARK.exec(lines[start - 1]?.trim() ?? '');
      const mark: SnippetMark = m ? (m[1] ? { run: m[1] } : { notRun: m[2]! }) : undefined;
      found.push({ doc, line: start + 2, code: lines.slice(start + 1, i).join('\n'), mark });
      start = -1;
    }
  }
  return found;
}

/** Every block of README.md and docs/. */
export function allSnippets(): Snippet[] {
  return markdownFiles().flatMap(snippetsOf);
}

/** Whether a block imports the package (then it must be marked run or not run). */
export function importsPackage(code: string): boolean {
  return /from\s+['"]@stocksync\/db(\/[a-z-]+)?['"]/.test(code);
}

/** Top-level names the snippet declares or imports itself (a prelude must not redeclare them). */
export function declaredNames(code: string): Set<string> {
  const file = ts.createSourceFile('s.ts', code, ts.ScriptTarget.ES2022, false);
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add(el.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
  }
  return names;
}
