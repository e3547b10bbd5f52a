// A vitest global setup for services: one Postgres per test run, its migrated template built
// once; each test file (or test) then clones its own database with createTestDatabase().
import { ensureTemplate } from './test-database.js';
import { startPostgres, type StartPostgresOptions } from './start-postgres.js';

/** Options for {@link createGlobalSetup}. */
export interface GlobalSetupOptions extends Pick<StartPostgresOptions, 'log' | 'prefer'> {
  /** Migrations folder the template is built from (default: the package's drizzle/). */
  migrationsFolder?: string;
  /** How to migrate the template (default: the package's runner). */
  migrate?: (url: string, migrationsFolder: string) => Promise<unknown>;
}

/**
 * Builds a vitest `globalSetup` function: it starts one Postgres for the whole run
 * ({@link startPostgres}: TEST_DATABASE_URL when set, else a local cluster, else a container;
 * STOCKSYNC_TEST_BACKEND picks one), builds the migrated template once, and hands the server to
 * the test workers through STOCKSYNC_TEST_SERVER_URL, which createTestDatabase() reads. The
 * returned teardown stops what was started.
 *
 * @example
 * ```ts
 * // test/global-setup.ts (vitest.config.ts: test: { globalSetup: ['test/global-setup.ts'] })
 * import { createGlobalSetup } from '@stocksync/db/testing';
 * export default createGlobalSetup();
 * ```
 */
export function createGlobalSetup(options: GlobalSetupOptions = {}): () => Promise<() => Promise<void>> {
  return async () => {
    const server = await startPostgres({
      ...(options.log ? { log: options.log } : {}),
      ...(options.prefer ? { prefer: options.prefer } : {}),
    });
    const previous = process.env.STOCKSYNC_TEST_SERVER_URL;
    try {
      process.env.STOCKSYNC_TEST_SERVER_URL = server.url;
      await ensureTemplate(server.url, options.migrationsFolder, options.migrate);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return async () => {
      if (previous === undefined) delete process.env.STOCKSYNC_TEST_SERVER_URL;
      else process.env.STOCKSYNC_TEST_SERVER_URL = previous;
      await server.stop();
    };
  };
}
