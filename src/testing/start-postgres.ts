// Picks a Postgres for tests: TEST_DATABASE_URL, else a throwaway local cluster, else a
// testcontainers container; STOCKSYNC_TEST_BACKEND picks one source only. Says how to fix it when
// none works.
import { PostgresUnavailableError } from '../errors.js';
import { DEFAULT_POSTGRES_IMAGE, probeContainerRuntime, startPostgresContainer } from './container.js';
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
  /**
   * Order of sources to try. Default: STOCKSYNC_TEST_BACKEND (`env`, `local` or `container`: that
   * source only, no fallback) when set, else env, local, container. A Docker engine that merely
   * runs never moves a run from local clusters to containers: ask for them.
   */
  prefer?: PostgresSource[];
  /** Receives one line per decision ("Docker not reachable: ..., using a local cluster"). */
  log?: (message: string) => void;
  /** Environment to read TEST_DATABASE_URL, STOCKSYNC_TEST_BACKEND and STOCKSYNC_TEST_POSTGRES_IMAGE from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

const SOURCES: readonly PostgresSource[] = ['env', 'local', 'container'];

/**
 * The sources {@link startPostgres} tries, in order, for an environment: the one named by
 * STOCKSYNC_TEST_BACKEND, else env, local, container.
 *
 * @example
 * ```ts
 * import { backendOrder } from '@stocksync/db/testing';
 * backendOrder({ STOCKSYNC_TEST_BACKEND: 'container' }); // ['container']
 * ```
 */
export function backendOrder(env: NodeJS.ProcessEnv = process.env): PostgresSource[] {
  const chosen = env.STOCKSYNC_TEST_BACKEND?.trim();
  if (!chosen) return [...SOURCES];
  if ((SOURCES as readonly string[]).includes(chosen)) return [chosen as PostgresSource];
  throw new PostgresUnavailableError(
    `STOCKSYNC_TEST_BACKEND is "${chosen}": set it to env (TEST_DATABASE_URL), local (a throwaway cluster ` +
      'from the Postgres binaries) or container (testcontainers), or unset it to try them in that order.',
  );
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
  const order = options.prefer ?? backendOrder(env);
  const failures: string[] = [];
  for (const [index, source] of order.entries()) {
    const next = index < order.length - 1 ? '; falling back.' : '.';
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
          const image = env.STOCKSYNC_TEST_POSTGRES_IMAGE || DEFAULT_POSTGRES_IMAGE;
          const container = await startPostgresContainer(image);
          log(`Started a Postgres container (${image}) with testcontainers.`);
          return { url: container.url, source, stop: container.stop };
        } catch (error) {
          failures.push(`container failed: ${error instanceof Error ? error.message : String(error)}`);
          log(`A Docker engine answered but the container failed (${failures.at(-1)})${next}`);
        }
      } else {
        failures.push(`no Docker engine: ${probe.reason}`);
        log(`Docker not reachable (${probe.reason})${next}`);
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
