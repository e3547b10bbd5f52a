#!/usr/bin/env node
// Fails when package-lock.json lacks another platform's optional package. npm writes a lock from
// the packages it installed, so a lock written by `npm install` on one platform can miss the
// others' optional packages (@rollup/rollup-darwin-arm64, @esbuild/win32-x64, ...), and `npm ci`
// then refuses it on every machine. Plain Node, no dependencies: CI runs it before `npm ci`.
// Usage: node scripts/check-lock.mjs [path/to/package-lock.json]
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'package-lock.json';
let lock;
try {
  lock = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  console.error(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const packages = lock.packages ?? {};
// An optional dependency resolves to the nearest node_modules/<name> above its dependent.
const has = (from, name) => {
  let base = from;
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
};
const missing = [];
for (const [at, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!has(at, name)) missing.push(`${name} (optional dependency of ${at || 'the root'})`);
  }
}
if (missing.length > 0) {
  console.error(
    `${path} lacks ${missing.length} optional package(s), so \`npm ci\` fails on some platforms:\n` +
      missing.slice(0, 20).map((m) => `  ${m}`).join('\n') +
      (missing.length > 20 ? `\n  ... and ${missing.length - 20} more` : '') +
      '\nRegenerate it with every platform\'s entries: rm package-lock.json && npm install --package-lock-only',
  );
  process.exit(1);
}
console.log(`${path}: every optional package of every platform is locked (${Object.keys(packages).length} entries).`);
