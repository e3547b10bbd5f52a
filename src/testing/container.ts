// The testcontainers path: a Postgres container when a Docker engine answers, else a clear "no".
import { PostgresUnavailableError } from '../errors.js';

/** A running Postgres container. */
export interface PostgresContainerHandle {
  url: string;
  stop(): Promise<void>;
}

/** Result of probing for a container runtime. */
export type ContainerProbe = { available: true } | { available: false; reason: string };

/**
 * Checks whether testcontainers can reach a Docker engine, without starting anything.
 *
 * @example
 * ```ts
 * import { probeContainerRuntime } from '@stocksync/db/testing';
 * const probe = await probeContainerRuntime();
 * ```
 */
export async function probeContainerRuntime(): Promise<ContainerProbe> {
  let tc: typeof import('testcontainers');
  try {
    tc = await import('testcontainers');
  } catch (error) {
    return { available: false, reason: `testcontainers is not installed or failed to load (${message(error)})` };
  }
  try {
    await tc.getContainerRuntimeClient();
    return { available: true };
  } catch (error) {
    return { available: false, reason: message(error) };
  }
}

/**
 * The image {@link startPostgresContainer} runs unless told otherwise (startPostgres reads
 * STOCKSYNC_TEST_POSTGRES_IMAGE first): Postgres 15, the major the full suite runs on.
 */
export const DEFAULT_POSTGRES_IMAGE = 'postgres:15-alpine';

/**
 * Starts a Postgres image (default {@link DEFAULT_POSTGRES_IMAGE}) with testcontainers; any image
 * with the official postgres image's contract works (POSTGRES_USER / POSTGRES_PASSWORD /
 * POSTGRES_DB, `postgres` as the command, `pg_isready` and `sh` inside).
 *
 * @example
 * ```ts
 * import { startPostgresContainer } from '@stocksync/db/testing';
 * const pg = await startPostgresContainer();
 * ```
 */
export async function startPostgresContainer(image: string = DEFAULT_POSTGRES_IMAGE): Promise<PostgresContainerHandle> {
  let mod: typeof import('@testcontainers/postgresql');
  try {
    mod = await import('@testcontainers/postgresql');
  } catch (error) {
    throw new PostgresUnavailableError(
      `@testcontainers/postgresql is not installed (${message(error)}): npm i -D testcontainers @testcontainers/postgresql`,
    );
  }
  const container = await new mod.PostgreSqlContainer(image)
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'])
    .start();
  // The container's superuser, so tests can create databases, roles and templates.
  const url = container.getConnectionUri().replace(/\/[^/?]*(\?|$)/, '/postgres$1');
  return { url, stop: async () => void (await container.stop()) };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
