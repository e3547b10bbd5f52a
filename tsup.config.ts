// Build: ESM + CJS with declarations for every public subpath, and the CLI.
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'schema/index': 'src/schema/index.ts',
      'validators/index': 'src/validators/index.ts',
      'tenancy/index': 'src/tenancy/index.ts',
      'migrations/index': 'src/migrations/index.ts',
      'seed/index': 'src/seed/index.ts',
      'operations/index': 'src/operations/index.ts',
      'testing/index': 'src/testing/index.ts',
      'citus/index': 'src/citus/index.ts',
      'tenant-schemas/index': 'src/tenant-schemas/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    shims: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    shims: true,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // The CLI uses the library through its public package name, like any other consumer.
    external: [/^@stocksync\/db/],
  },
]);
