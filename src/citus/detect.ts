// Is the database a Citus coordinator, and with how many workers: the one question every Citus step asks first.
import type { MigrationConnection } from '../migrations/adapter.js';

/** What {@link detectCitus} found. */
export interface CitusInfo {
  /** The installed extension version, e.g. `13.2-1`. */
  version: string;
  /** Active primary worker nodes (the coordinator excluded). */
  workers: number;
  /** True when the coordinator is registered in the node metadata (`citus_set_coordinator_host`). */
  coordinatorRegistered: boolean;
}

/** Anything that runs one statement and returns rows: a {@link MigrationConnection} or a thin wrapper. */
export type Queryable = Pick<MigrationConnection, 'query'>;

/**
 * The Citus extension in the current database, or null when it is not installed (plain Postgres, PGlite).
 *
 * @example
 * ```ts
 * import { detectCitus } from '@stocksync/db/citus';
 * const citus = await detectCitus(conn); // { version: '13.2-1', workers: 2, coordinatorRegistered: true }
 * ```
 */
export async function detectCitus(conn: Queryable): Promise<CitusInfo | null> {
  const ext = await conn.query<{ extversion: string }>(`select extversion from pg_extension where extname = 'citus'`);
  if (!ext[0]) return null;
  const nodes = await conn.query<{ workers: string | number; coordinator: boolean }>(
    `select count(*) filter (where groupid <> 0 and noderole = 'primary' and isactive) as workers,
            bool_or(groupid = 0) as coordinator
       from pg_dist_node`,
  );
  return {
    version: ext[0].extversion,
    workers: Number(nodes[0]?.workers ?? 0),
    coordinatorRegistered: nodes[0]?.coordinator === true,
  };
}
