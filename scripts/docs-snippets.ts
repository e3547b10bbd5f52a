// Type-checks every TypeScript code block of README.md and docs/ against the sources: each block
// becomes a module, with a prelude that declares (typed) the few context names a snippet may use
// without defining them (db, tenantId, req...). Any other error fails, with the doc file and line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'node_modules/.cache/docs-snippets');

/** The names a snippet may use without declaring them, and their types. */
const CONTEXT: Record<string, string> = {
  db: '__Database',
  otherDb: '__Database',
  tenantId: 'string',
  tenantA: 'string',
  tenantB: 'string',
  userId: 'string',
  id: 'string',
  requestId: 'string',
  key: 'string', // a tenant export's signing key
  req: "__Request & { user?: __Actor }",
  res: '__Response',
  app: '__Express',
  hono: '__Hono',
};
const PRELUDE_IMPORTS = [
  "import type { Database as __Database } from '@stocksync/db';",
  "import type { Actor as __Actor } from '@stocksync/db/tenancy';",
  "import type { Express as __Express, Request as __Request, Response as __Response } from 'express';",
  "import type { Hono as __Hono } from 'hono';",
];

interface Snippet {
  doc: string;
  line: number;
  code: string;
}

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f));
  return ['README.md', ...docs.sort()];
}

function snippetsOf(doc: string): Snippet[] {
  const lines = readFileSync(join(root, doc), 'utf8').split('\n');
  const found: Snippet[] = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    if (start < 0 && /^```(ts|typescript)\s*$/.test(lines[i]!)) start = i;
    else if (start >= 0 && /^```\s*$/.test(lines[i]!)) {
      found.push({ doc, line: start + 2, code: lines.slice(start + 1, i).join('\n') });
      start = -1;
    }
  }
  return found;
}

// Top-level names the snippet declares or imports itself (the prelude must not redeclare them).
function declaredNames(code: string): Set<string> {
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

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const snippets = markdownFiles().flatMap(snippetsOf);
const origin = new Map<string, Snippet & { offset: number }>();
snippets.forEach((snippet, n) => {
  const declared = declaredNames(snippet.code);
  const context = Object.entries(CONTEXT)
    .filter(([name]) => !declared.has(name))
    .map(([name, type]) => `declare const ${name}: ${type};`);
  const prelude = [...PRELUDE_IMPORTS, ...context];
  const name = `snippet-${String(n).padStart(3, '0')}.ts`;
  writeFileSync(join(out, name), `${prelude.join('\n')}\n${snippet.code}\nexport {};\n`);
  origin.set(name, { ...snippet, offset: prelude.length });
});
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'DOM'],
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      // Snippets show one call each: values they compute and do not use are fine.
      noUnusedLocals: false,
      paths: { '@stocksync/db': [join(root, 'src/index.ts')], '@stocksync/db/*': [join(root, 'src/*/index.ts')] },
    },
    include: ['snippet-*.ts'],
  }),
);

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', out, '--pretty', 'false'], { encoding: 'utf8', cwd: out });
const errors = `${run.stdout}${run.stderr}`
  .split('\n')
  .filter((l) => /error TS\d+/.test(l))
  .map((line) => {
    const match = /(snippet-\d+\.ts)\((\d+),(\d+)\): (.*)$/.exec(line);
    const source = match ? origin.get(match[1]!) : undefined;
    if (!match || !source) return line.replace(out, '<snippets>');
    return `${source.doc}:${source.line + Number(match[2]) - 1 - source.offset}: ${match[4]}`;
  });
for (const error of errors) console.log(error);
console.log(`docs snippets: ${snippets.length} TypeScript blocks in README.md and docs/, ${errors.length} error(s)`);
process.exit(errors.length === 0 && run.status === 0 ? 0 : 1);
