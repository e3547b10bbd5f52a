// Child process for the concurrency test: runs the migrator once on argv[2] (url) and argv[3] (folder).
import { migrateUp } from '../../../src/migrations/index.js';

const [url, folder] = process.argv.slice(2);
migrateUp({ url: url! }, { folder: folder!, lock: { mode: 'wait', timeoutMs: 120_000 } })
  .then((result) => {
    process.stdout.write(JSON.stringify(result.migrations.map((m) => m.name)));
  })
  .catch((error: unknown) => {
    process.stderr.write(String(error instanceof Error ? error.message : error));
    process.exitCode = 1;
  });
