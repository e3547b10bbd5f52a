// Each public subpath, built as it is published (tsup, ESM, code splitting), imported in a fresh
// Node process: the test records every module the import loads (package files, and which source
// files each loaded chunk holds) and fails when a subpath loads a part it does not need. An eager
// import added anywhere on a subpath's path (zod into the schema, pg into the root, the runner into
// the seeders) shows up here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tsupConfig from '../../../tsup.config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const recorder = fileURLToPath(new URL('./record-loaded-modules.mjs', import.meta.url));
const exportsMap = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports as Record<string, { import?: { default: string } }>;

// Packages no subpath may load at import: drivers, the TypeScript loader, the CLI's and the test
// harness's dependencies (each is imported where it is used, when it is used).
const NEVER = ['pg', 'postgres', '@electric-sql/pglite', 'tsx', 'commander', 'testcontainers', '@testcontainers/postgresql', 'drizzle-kit', 'pg-copy-streams', 'cli-progress', '@inquirer/confirm'];
// The source folders of the package's parts.
const PARTS = ['schema', 'validators', 'tenancy', 'migrations', 'seed', 'operations', 'testing', 'citus', 'tenant-schemas', 'cli'];

/**
 * What each subpath may load: npm packages besides NEVER's, whole parts of src/, and single helper
 * files of other parts it uses (quoting, the inet check, the global tables list).
 */
const ALLOWED: Record<string, { packages: string[]; parts: string[]; files?: string[] }> = {
  '.': { packages: ['drizzle-orm'], parts: ['schema'] },
  './schema': { packages: ['drizzle-orm'], parts: ['schema'] },
  './validators': { packages: ['drizzle-orm', 'zod', 'drizzle-zod'], parts: ['schema', 'validators'] },
  './tenancy': { packages: ['drizzle-orm', 'zod'], parts: ['schema', 'tenancy'], files: ['src/migrations/sql.ts', 'src/validators/_inet.ts'] },
  './migrations': { packages: [], parts: ['migrations'] },
  './seed': { packages: ['drizzle-orm'], parts: ['schema', 'seed'] },
  './operations': { packages: ['drizzle-orm', 'zod', 'drizzle-zod'], parts: ['schema', 'validators', 'tenancy', 'operations'], files: ['src/migrations/sql.ts'] },
  './testing': { packages: ['drizzle-orm'], parts: ['schema', 'migrations', 'tenancy', 'testing'], files: ['src/validators/_inet.ts'] },
  './citus': { packages: [], parts: ['citus'], files: ['src/migrations/adapter.ts', 'src/schema/_global-tables.ts'] },
  './tenant-schemas': { packages: ['drizzle-orm'], parts: ['tenant-schemas'], files: ['src/schema/_global-tables.ts'] },
};

let outDir: string;
let scratch: string;

beforeAll(async () => {
  // Under node_modules so the built files resolve the package's dependencies as dist/ does.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'stocksync-subpaths-'));
  scratch = mkdtempSync(join(cache, 'stocksync-loaded-'));
  const library = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig])[0] as Options;
  await build({ ...library, format: ['esm'], dts: false, sourcemap: false, clean: false, silent: true, outDir, config: false });
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Loaded {
  packages: Set<string>;
  /** Source files (src/...) of the built chunks the import loaded. */
  sources: Set<string>;
}

function importInFreshNode(subpath: string): Loaded {
  const target = exportsMap[subpath]?.import?.default;
  if (!target) throw new Error(`package.json exports has no import entry for ${subpath}`);
  const file = join(outDir, relative('./dist', target));
  const list = join(scratch, `${subpath.replace(/\W/g, '_') || 'root'}.txt`);
  execFileSync(process.execPath, ['--import', recorder, '--input-type=module', '-e', `await import(${JSON.stringify(new URL(`file://${file}`).href)});`], {
    cwd: root,
    env: { ...process.env, STOCKSYNC_LOADED_MODULES: list },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const urls = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const loaded: Loaded = { packages: new Set(), sources: new Set() };
  for (const url of urls) {
    const path = fileURLToPath(url);
    if (path.startsWith(outDir)) {
      // esbuild marks each source file's part of a chunk with a `// src/...` line.
      for (const match of readFileSync(path, 'utf8').matchAll(/^\/\/ (src\/[^\s]+)$/gm)) loaded.sources.add(match[1]!);
      continue;
    }
    const inModules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (inModules) loaded.packages.add(inModules[1]!);
  }
  return loaded;
}

const partOf = (source: string) => /^src\/([^/]+)\//.exec(source)?.[1];

describe('subpath imports load only their part', () => {
  it('covers every subpath of package.json exports', () => {
    const published = Object.keys(exportsMap).filter((k) => exportsMap[k]?.import);
    expect(published.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  for (const [subpath, allowed] of Object.entries(ALLOWED)) {
    it(`import('@stocksync/db${subpath.slice(1)}') loads ${allowed.packages.join(', ') || 'no package'} and src/{${allowed.parts.join(',')}} only`, () => {
      const loaded = importInFreshNode(subpath);
      // The recorder saw the import: the subpath's own source files are there.
      expect(loaded.sources.size).toBeGreaterThan(0);
      const packages = [...loaded.packages].sort();
      expect(packages.filter((p) => NEVER.includes(p))).toEqual([]);
      expect(packages.filter((p) => !allowed.packages.includes(p))).toEqual([]);
      const foreign = [...loaded.sources].filter((source) => {
        const part = partOf(source);
        return part !== undefined && PARTS.includes(part) && !allowed.parts.includes(part) && !allowed.files?.includes(source);
      });
      expect(foreign.sort()).toEqual([]);
    });
  }
});
