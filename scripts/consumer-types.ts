// Compiles test/consumer (strict, skipLibCheck: false) against the BUILT package in dist/, and a
// control project with the same third-party imports but without the package. Passes when the
// consumer has no error in its own files or in dist/, and every third-party declaration error it
// has also shows up in the control (that is, the package adds none). Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'test/consumer');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

if (!existsSync(join(root, 'dist/index.d.ts'))) {
  console.error('dist/index.d.ts is missing: run `npm run build` first (the consumer compiles against the built package).');
  process.exit(1);
}

interface Diagnostic {
  file: string;
  line: string;
}

function compile(project: string): Diagnostic[] {
  const run = spawnSync(process.execPath, [tsc, '-p', join(dir, project), '--pretty', 'false'], { encoding: 'utf8', cwd: dir });
  if (run.error) throw run.error;
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter((l) => /error TS\d+/.test(l));
  return lines.map((line) => ({ file: resolve(dir, line.replace(/\(\d+,\d+\).*$/, '')), line }));
}

const thirdParty = (d: Diagnostic) => d.file.includes(`${join('node_modules', '')}`) && !d.file.startsWith(join(root, 'dist'));
// A third-party error is identified by file and message (positions are the same declaration files).
const key = (d: Diagnostic) => relative(root, d.line.replace(/^([^(]+)\(\d+,\d+\)/, '$1'));

const consumer = compile('tsconfig.json');
const control = compile('tsconfig.control.json');
const controlKeys = new Set(control.filter(thirdParty).map((d) => key(d)));
const own = consumer.filter((d) => !thirdParty(d));
const added = consumer.filter((d) => thirdParty(d) && !controlKeys.has(key(d)));

for (const d of own) console.log(`consumer/dist error: ${relative(root, d.line)}`);
for (const d of added) console.log(`third-party error the package brings in: ${relative(root, d.line)}`);
console.log(
  `consumer types: ${own.length} error(s) in test/consumer and dist, ${added.length} third-party error(s) beyond the control ` +
    `(${consumer.length - own.length} third-party declaration errors in total, all present without the package too)`,
);
process.exit(own.length === 0 && added.length === 0 ? 0 : 1);
