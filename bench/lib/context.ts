// What every benchmark receives: a Postgres server, the run mode, and a place to log progress.
export interface BenchContext {
  /** Superuser URL of the benchmark server (its `postgres` database). */
  serverUrl: string;
  /** Short mode: fewer rounds and smaller data, for `--quick`. */
  quick: boolean;
  /** The command line's arguments after `npm run bench --`, for benchmarks' own options. */
  args: string[];
  log(message: string): void;
}
