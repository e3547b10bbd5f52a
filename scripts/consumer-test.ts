// Packs the package, installs the tarball into a temporary project, and imports every subpath
// from ESM and from CJS, then runs the CLI bin. Prints one JSON line: { passed, failed, failures }.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
const work = mkdtempSync(join(tmpdir(), 'stocksync-consumer-'));
const results: Array<{ name: string; ok: boolean; detail?: string }> = [];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function check(name: string, fn: () => void) {
  try {
    fn();
    results.push({ name, ok: true });
  } catch (error) {
    const e = error as { stderr?: Buffer | string; message: string };
    results.push({ name, ok: false, detail: String(e.stderr ?? '') || e.message });
  }
}

try {
  const tarball = execFileSync(npm, ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
  const peers = ['drizzle-orm', 'zod', 'pg', 'postgres', '@electric-sql/pglite'].map((p) => `${p}@${pkg.devDependencies[p]}`);
  const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball), ...peers], {
    cwd: work,
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`npm install failed: ${install.stderr}`);

  const specifiers = subpaths.map((s) => (s === '.' ? '@stocksync/db' : `@stocksync/db/${s.slice(2)}`));
  writeFileSync(
    join(work, 'esm.mjs'),
    specifiers
      .map((s, i) => `import * as m${i} from '${s}';\nif (Object.keys(m${i}).length === 0) throw new Error('${s}: no exports');`)
      .join('\n'),
  );
  writeFileSync(
    join(work, 'cjs.cjs'),
    specifiers
      .map((s) => `{ const m = require('${s}'); if (Object.keys(m).length === 0) throw new Error('${s}: no exports'); }`)
      .join('\n'),
  );
  check('ESM import of every subpath', () => execFileSync(process.execPath, ['esm.mjs'], { cwd: work, stdio: 'pipe' }));
  check('CJS require of every subpath', () => execFileSync(process.execPath, ['cjs.cjs'], { cwd: work, stdio: 'pipe' }));
  check('tables are typed for consumers (tsc on a consumer file)', () => {
    writeFileSync(
      join(work, 'typed.ts'),
      `import { tenants, type Tenant } from '@stocksync/db';\nconst t: Tenant['slug'] = 'acme';\nvoid tenants; void t;\n`,
    );
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true } }),
    );
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', work], { cwd: work, stdio: 'pipe' });
  });
  check('stocksync-db bin answers --help', () => {
    const out = execFileSync(join(work, 'node_modules/.bin/stocksync-db'), ['--help'], { cwd: work, encoding: 'utf8' });
    if (!out.includes('Usage: stocksync-db')) throw new Error(`unexpected help output: ${out}`);
  });
} catch (error) {
  results.push({ name: 'pack and install', ok: false, detail: (error as Error).message });
} finally {
  rmSync(work, { recursive: true, force: true });
}

for (const r of results) process.stderr.write(`${r.ok ? 'ok  ' : 'FAIL'} consumer: ${r.name}${r.detail ? `\n${r.detail}` : ''}\n`);
const passed = results.filter((r) => r.ok).length;
process.stdout.write(`${JSON.stringify({ passed, failed: results.length - passed })}\n`);
process.exitCode = results.length - passed === 0 ? 0 : 1;
