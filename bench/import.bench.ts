// import_ms: cold `import('@stocksync/db')` of the built package in a fresh Node process, against
// a cold `import('drizzle-orm')`; a cold `import('drizzle-orm/pg-core')` in the same rounds is the
// floor of any module that defines Postgres tables (reported in the note). Needs `npm run build`
// first (the runner builds when dist is missing).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './lib/context.js';
import { ratioFigure, stats, type Figure } from './lib/measure.js';

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
  const pgCore: number[] = [];
  const steps = [
    () => subject.push(coldImport('@stocksync/db')),
    () => baseline.push(coldImport('drizzle-orm')),
    () => pgCore.push(coldImport('drizzle-orm/pg-core')),
  ];
  // Rotate the order so file-cache warmth favours no side.
  for (let i = 0; i < rounds; i++) for (let k = 0; k < steps.length; k++) steps[(i + k) % steps.length]!();
  const figure = ratioFigure('import_ms', "cold import('@stocksync/db') of the built package", { subject, baseline }, "cold import('drizzle-orm')", {
    max: 1.3,
    text: '<= 1.3',
  });
  const floor = stats(pgCore).median;
  figure.note =
    `median ${figure.subject.median.toFixed(1)} ms for @stocksync/db vs ${figure.baseline!.median.toFixed(1)} ms for drizzle-orm alone; ` +
    `drizzle-orm/pg-core alone (which any module defining Postgres tables loads) took ${floor.toFixed(1)} ms in the same rounds, ` +
    `${(floor / figure.baseline!.median).toFixed(2)}x drizzle-orm`;
  return [figure];
}
