// Picks a Postgres for tests: TEST_DATABASE_URL, else a testcontainers container when Docker
// answers, else a throwaway local cluster; and says how to fix it when none works.
import { PostgresUnavailableError } from '../errors.js';
import { probeContainerRuntime, startPostgresContainer } from './container.js';
import { startLocalCluster } from './local-cluster.js';

/** Which source the server came from. */
export type PostgresSource = 'env' | 'container' | 'local';

/** A Postgres server for tests; `url` connects as a superuser to its `postgres` database. */
export interface TestPostgres {
  url: string;
  source: PostgresSource;
  /** Stops and removes what was started (a no-op for TEST_DATABASE_URL). */
  stop(): Promise<void>;
}

/** Options for {@link startPostgres}. */
export interface StartPostgresOptions {
  /** Order of sources to try; default env, container, local. */
  prefer?: PostgresSource[];
  /** Receives one line per decision ("Docker not reachable: ..., using a local cluster"). */
  log?: (message: string) => void;
  /** Environment to read TEST_DATABASE_URL from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts (or finds) a Postgres server for tests.
 *
 * @example
 * ```ts
 * import { startPostgres } from '@stocksync/db/testing';
 * const pg = await startPostgres({ log: (line) => logger.info(line) });
 * try { // use pg.url
 * } finally { await pg.stop(); }
 * ```
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const order = options.prefer ?? ['env', 'container', 'local'];
  const failures: string[] = [];
  for (const source of order) {
    if (source === 'env') {
      const url = env.TEST_DATABASE_URL;
      if (url) {
        log('Using TEST_DATABASE_URL.');
        return { url, source, stop: async () => {} };
      }
      failures.push('TEST_DATABASE_URL is not set');
    } else if (source === 'container') {
      const probe = await probeContainerRuntime();
      if (probe.available) {
        try {
          const container = await startPostgresContainer();
          log('Started a Postgres container with testcontainers.');
          return { url: container.url, source, stop: container.stop };
        } catch (error) {
          failures.push(`container failed: ${error instanceof Error ? error.message : String(error)}`);
          log(`A Docker engine answered but the container failed (${failures.at(-1)}); falling back.`);
        }
      } else {
        failures.push(`no Docker engine: ${probe.reason}`);
        log(`Docker not reachable (${probe.reason}); falling back to a local cluster.`);
      }
    } else {
      try {
        const cluster = await startLocalCluster();
        log(`Started a throwaway local Postgres cluster on port ${cluster.port}.`);
        return { url: cluster.url, source, stop: cluster.stop };
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  throw new PostgresUnavailableError(
    'No Postgres for tests. Fix one of: (1) set TEST_DATABASE_URL to a server where you may create databases; ' +
      '(2) start a Docker engine so testcontainers can run postgres; (3) install the Postgres server binaries ' +
      `(apt-get install postgresql, or set PG_BIN_DIR). Tried: ${failures.join('; ')}`,
  );
}
