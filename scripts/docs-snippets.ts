// Type-checks every TypeScript code block of README.md and docs/ against the sources: each block
// becomes a module, with a prelude that declares (typed) the few context names a snippet may use
// without defining them (db, tenantId, req...). Any other error fails, with the doc file and line.
// Which blocks also run against a database: test/integration/docs/snippets.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allSnippets, CONTEXT, declaredNames, PRELUDE_IMPORTS, ROOT, type Snippet } from './docs-snippet-blocks.js';

const root = ROOT;
const out = join(root, 'node_modules/.cache/docs-snippets');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const snippets = allSnippets();
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
