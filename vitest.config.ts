// Vitest: `unit` (no database), `integration` and `security` (one Postgres per run, a database per file).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));
// The CLI imports the library by its public name; in tests that name means the sources.
const alias = [
  { find: /^@stocksync\/db$/, replacement: `${src}index.ts` },
  { find: /^@stocksync\/db\/(.*)$/, replacement: `${src}$1/index.ts` },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        resolve: { alias },
        test: {
          // Attacks replayed as an attacker would make them (issue 14), on a real server and PGlite.
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        resolve: { alias },
        test: {
          // A real Citus cluster through CITUS_DATABASE_URL (.ci/parts/70-citus.sh); skipped without it.
          name: 'citus',
          include: ['test/citus/**/*.test.ts'],
          // One cluster for every file, and context.test.ts migrates it down and up: one file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
