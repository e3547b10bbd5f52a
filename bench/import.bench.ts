// import_ms: cold `import('@stocksync/db')` of the built package in a fresh Node process, against
// a cold `import('drizzle-orm')`. Needs `npm run build` first (the runner builds when dist is missing).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './lib/context.js';
import { ratioFigure, type Figure } from './lib/measure.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const keys = ['import_ms'];

function coldImport(specifier: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
}

export async function run(ctx: BenchContext): Promise<Figure[]> {
  if (!existsSync(join(root, 'dist/index.js'))) {
    ctx.log('import_ms: dist/ missing, running npm run build');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  }
  const rounds = ctx.quick ? 6 : 20;
  const subject: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate the order so file-cache warmth favours neither side.
    if (i % 2) {
      subject.push(coldImport('@stocksync/db'));
      baseline.push(coldImport('drizzle-orm'));
    } else {
      baseline.push(coldImport('drizzle-orm'));
      subject.push(coldImport('@stocksync/db'));
    }
  }
  const figure = ratioFigure('import_ms', "cold import('@stocksync/db') of the built package", { subject, baseline }, "cold import('drizzle-orm')");
  figure.note = `median ${figure.subject.median.toFixed(1)} ms for @stocksync/db vs ${figure.baseline!.median.toFixed(1)} ms for drizzle-orm alone`;
  return [figure];
}
