// `npm run erd` writes a Mermaid ER diagram per schema domain file into docs/erd/<domain>.md, generated
// from the drizzle tables; `npm run erd -- --check` exits 1 when a diagram is missing or stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderErd, schemaDomains } from '../src/schema/_erd.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const schemaDir = join(root, 'src/schema');
const outIndex = process.argv.indexOf('--out');
// --out <dir> writes/checks another folder (the tests use it); default docs/erd.
const outDir = outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1]! : join(root, 'docs/erd');

/** Domain files: every `src/schema/*.ts` except helpers (`_*.ts`) and the barrel. */
function domainFiles(): string[] {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && f !== 'index.ts')
    .sort();
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const domains = schemaDomains();
  const files = domainFiles().map((f) => basename(f, '.ts'));
  const unregistered = files.filter((d) => !(d in domains));
  if (unregistered.length) {
    process.stderr.write(`Schema files missing from src/schema/_erd.ts MODULES: ${unregistered.join(', ')}\n`);
    process.exitCode = 1;
    return;
  }
  const stale: string[] = [];
  const expected = new Set<string>();
  for (const [domain, tables] of Object.entries(domains)) {
    const target = join(outDir, `${domain}.md`);
    expected.add(`${domain}.md`);
    const content = renderErd(domain, tables);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === content) continue;
    if (check) {
      stale.push(`docs/erd/${domain}.md`);
    } else {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(target, content);
      process.stdout.write(`wrote docs/erd/${domain}.md\n`);
    }
  }
  if (existsSync(outDir)) {
    for (const f of readdirSync(outDir)) if (f.endsWith('.md') && !expected.has(f)) stale.push(`docs/erd/${f} (no such domain)`);
  }
  if (stale.length) {
    process.stderr.write(`Stale ERD files (run npm run erd):\n${stale.map((s) => `  ${s}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

await main();
