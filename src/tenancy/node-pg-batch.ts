// One extended-protocol batch on a node-postgres client: several statements written at once and
// answered in one round trip (one Sync), so a tenant context travels with its statement. node-postgres
// has no pipelining of its own; this is a Submittable that writes Parse/Bind/Execute per statement.
import { createHash } from 'node:crypto';

/** One statement of a batch. */
export interface BatchStep {
  text: string;
  /** Bound parameters, prepared as node-postgres prepares them. */
  values?: readonly unknown[];
  /** Prepared once per connection under this name (else parsed unnamed each time). */
  name?: string;
  /** Prepared once per connection under a name the connection's statement cache gives its text. */
  prepare?: boolean;
}

/** How many statements of the scoped builder each connection keeps prepared (least recently used go first). */
export const PREPARED_STATEMENTS_PER_CONNECTION = 100;

/** What a batch needs from the caller: where its one result goes and how rows are parsed. */
export interface BatchOptions {
  /** Index of the step whose rows are returned (described and parsed); -1 for none. */
  resultIndex: number;
  rowMode?: 'array';
  types?: unknown;
  /** Receives the number of steps that completed, so a failure can be attributed to its step. */
  progress?: { completed: number };
  /** false: every step is parsed unnamed, whatever its `name` or `prepare` (for poolers that do not track prepared statements). */
  prepare?: boolean;
}

interface PgConnection {
  stream: { cork?: () => void; uncork?: () => void };
  parse(query: { text: string; name: string }): void;
  bind(config: { portal: string; statement: string; values: unknown[] }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(config: { portal: string }): void;
  close(msg: { type: 'S'; name: string }): void;
  sync(): void;
}

interface PgClientLike {
  query(submittable: object): unknown;
}

interface BatchState {
  completed: number;
  readonly parsed: string[];
  readonly used: string[];
  connection?: object;
}

type BatchClass = new (steps: BatchStep[], options: BatchOptions, done: (error: unknown, result?: unknown) => void) => BatchState;

/**
 * The prepared-statement name of a statement text: derived from the text alone, so one name means one
 * text on every server connection. Behind a pooler that hands a client's statements to other server
 * connections (PgBouncer in transaction mode without prepared-statement tracking), a name is then
 * either unknown there (26000, prepared again and retried) or the same statement, never another one.
 */
export function statementName(text: string): string {
  return `stocksync_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

// What is prepared on one connection (pg's Connection object): names confirmed by a batch that
// succeeded, and the names given to statement texts, least recently used first.
class StatementCache {
  readonly confirmed = new Set<string>();
  private readonly byText = new Map<string, string>();

  /** The name for a statement text, and the names evicted to make room (to close on the server). */
  nameFor(text: string): { name: string; evicted?: string } {
    const known = this.byText.get(text);
    if (known !== undefined) {
      this.byText.delete(text);
      this.byText.set(text, known);
      return { name: known };
    }
    const name = statementName(text);
    this.byText.set(text, name);
    if (this.byText.size <= PREPARED_STATEMENTS_PER_CONNECTION) return { name };
    const [oldestText, evicted] = this.byText.entries().next().value as [string, string];
    this.byText.delete(oldestText);
    this.confirmed.delete(evicted);
    return { name, evicted };
  }

  /** Forgets a name (the server may not have it): it is closed and parsed again on next use. */
  forget(name: string): void {
    this.confirmed.delete(name);
  }
}

const caches = new WeakMap<object, StatementCache>();

function cacheOf(connection: object): StatementCache {
  let cache = caches.get(connection);
  if (!cache) caches.set(connection, (cache = new StatementCache()));
  return cache;
}

// The server forgot a prepared statement (DISCARD ALL, a pooler) or a table changed under one.
const INVALID_STATEMENT_NAME = '26000';
const CACHED_PLAN_CHANGED = '0A000';

let batchClass: Promise<BatchClass> | undefined;

// node-postgres's Query (result handling) and value preparation (pg/lib/utils), loaded on first use
// because pg is an optional peer.
async function loadBatchClass(): Promise<BatchClass> {
  const utilsPath = 'pg/lib/utils.js'; // not in pg's type declarations
  const [utilsModule, pgModule] = await Promise.all([import(utilsPath), import('pg')]);
  // A CJS module: its module.exports is the default export (named-export detection varies by loader).
  const utils = (utilsModule.default ?? utilsModule) as { prepareValue(value: unknown): unknown };
  const pg = ((pgModule as { default?: unknown }).default ?? pgModule) as { Query: new (config: object) => object };
  type QueryBase = {
    handleRowDescription(msg: unknown): void;
    handleDataRow(msg: unknown): void;
    handleCommandComplete(msg: unknown, connection: unknown): void;
    handleEmptyQuery(connection: unknown): void;
    handleReadyForQuery(connection: unknown): void;
  };
  const Query = pg.Query as unknown as new (config: object) => QueryBase;

  class Batch extends Query {
    /** Steps that finished (CommandComplete or EmptyQueryResponse), to attribute a failure. */
    completed = 0;
    /** Names this batch parsed (confirmed once it succeeds) and every name it used. */
    readonly parsed: string[] = [];
    readonly used: string[] = [];
    connection?: PgConnection;
    private readonly values: unknown[][];

    constructor(
      private readonly steps: BatchStep[],
      private readonly options: BatchOptions,
      done: (error: unknown, result?: unknown) => void,
    ) {
      super({ rowMode: options.rowMode, types: options.types, callback: done });
      // Prepared before anything is written: a value that cannot be sent fails the call, not the connection.
      this.values = steps.map((step) => (step.values ?? []).map((value) => utils.prepareValue(value)));
    }

    override handleRowDescription(msg: unknown): void {
      if (this.completed === this.options.resultIndex) super.handleRowDescription(msg);
    }

    override handleDataRow(msg: unknown): void {
      if (this.completed === this.options.resultIndex) super.handleDataRow(msg);
    }

    override handleCommandComplete(msg: unknown, connection: unknown): void {
      if (this.completed === this.options.resultIndex) super.handleCommandComplete(msg, connection);
      this.completed++;
    }

    override handleEmptyQuery(connection: unknown): void {
      this.completed++;
      super.handleEmptyQuery(connection);
    }

    override handleReadyForQuery(connection: unknown): void {
      // Only reached without an error: the names parsed by this batch now exist on the server.
      if (this.connection) {
        const cache = cacheOf(this.connection);
        for (const name of this.parsed) cache.confirmed.add(name);
      }
      super.handleReadyForQuery(connection);
    }

    /** Called by the client when it is this batch's turn: writes every message, then one Sync. */
    submit(connection: PgConnection): null {
      this.connection = connection;
      const cache = cacheOf(connection);
      connection.stream.cork?.();
      try {
        const prepare = this.options.prepare !== false;
        this.steps.forEach((step, i) => {
          let name = prepare ? (step.name ?? '') : '';
          if (prepare && step.prepare && !name) {
            const given = cache.nameFor(step.text);
            name = given.name;
            if (given.evicted) connection.close({ type: 'S', name: given.evicted });
          }
          if (name) this.used.push(name);
          if (!name || !cache.confirmed.has(name)) {
            // Close first: a statement left by a failed batch would make Parse fail with 42P05.
            if (name) {
              connection.close({ type: 'S', name });
              this.parsed.push(name);
            }
            connection.parse({ text: step.text, name });
          }
          connection.bind({ portal: '', statement: name, values: this.values[i]! });
          if (i === this.options.resultIndex) connection.describe({ type: 'P', name: '' });
          connection.execute({ portal: '' });
        });
        connection.sync();
      } finally {
        connection.stream.uncork?.();
      }
      return null;
    }

  }
  return Batch;
}

/**
 * Sends `steps` as one extended-protocol batch on a node-postgres client (a checked-out pool client
 * or a Client) and resolves with the pg Result of `options.resultIndex` (undefined for -1). On failure it
 * rejects with the server's error and `options.progress.completed` tells how many steps finished. Without an explicit BEGIN the
 * steps run in one implicit transaction that ends at the Sync; an error skips the remaining steps
 * and rolls them back. A named statement the server no longer knows (DISCARD ALL, a pooler) is
 * prepared again and the batch retried once (so is one whose table changed under a prepared
 * statement, 0A000): the whole batch is one transaction, rolled back before the retry.
 * Internal to the tenancy module (withTenant and the scoped builder use it).
 */
export async function runBatch(client: object, steps: BatchStep[], options: BatchOptions): Promise<unknown> {
  batchClass ??= loadBatchClass();
  const Batch = await batchClass;
  for (let attempt = 0; ; attempt++) {
    let batch: BatchState | undefined;
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        batch = new Batch(steps, options, (error, res) => (error ? reject(error) : resolve(res)));
        void Promise.resolve((client as PgClientLike).query(batch as object)).catch(() => {});
      });
      if (options.progress) options.progress.completed = steps.length;
      return options.resultIndex < 0 ? undefined : result;
    } catch (error) {
      const completed = batch?.completed ?? 0;
      if (options.progress) options.progress.completed = completed;
      const cache = batch?.connection ? caches.get(batch.connection) : undefined;
      // Statements parsed by a failed batch may not exist: they are closed and parsed again next time.
      for (const name of batch?.parsed ?? []) cache?.forget(name);
      const state = (error as { code?: unknown } | null)?.code;
      const message = String((error as { message?: unknown } | null)?.message ?? '');
      const lost = state === INVALID_STATEMENT_NAME || (state === CACHED_PLAN_CHANGED && /cached plan/i.test(message));
      if (lost) {
        for (const name of batch?.used ?? []) cache?.forget(name);
        // The batch was one transaction and nothing of it stays: implicit ones end with the Sync,
        // an explicit BEGIN is rolled back here. Then it is sent again, with fresh statements.
        if (attempt === 0) {
          if (completed > 0 && /^begin\b/i.test(steps[0]?.text ?? '')) {
            await (client as { query(text: string): Promise<unknown> }).query('rollback');
          }
          continue;
        }
      }
      throw error;
    }
  }
}
