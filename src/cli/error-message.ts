// The one place the CLI turns an error into what it prints: connection failures (server not
// reachable, login refused, database or role missing, no answer) say what happened and what to
// change; every other error goes through describeError.
import { describeError } from './output.js';

type Node = { code?: unknown; message?: unknown; cause?: unknown; address?: unknown; port?: unknown; hostname?: unknown; errors?: unknown };

// The error chain: causes, and the attempts of an AggregateError (node tries IPv4 and IPv6).
function chain(error: unknown): Node[] {
  const out: Node[] = [];
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 8 || out.includes(e as Node)) return;
    out.push(e as Node);
    if (Array.isArray((e as Node).errors)) for (const inner of (e as Node).errors as unknown[]) visit(inner, depth + 1);
    visit((e as Node).cause, depth + 1);
  };
  visit(error, 0);
  return out;
}

const quotedName = (message: string) => /"([^"]+)"/.exec(message)?.[1];

/**
 * Says what went wrong when the error is a failed connection, or returns undefined. `where` is the
 * redacted URL the command connected to, `hint` where that URL comes from.
 *
 * @example
 * ```ts
 * connectionFailure(error, 'postgres://app:***@db:5432/app'); // 'Cannot connect to ...: connection refused ...'
 * ```
 */
export function connectionFailure(error: unknown, where: string | undefined, hint = 'in --url (or DATABASE_URL)'): string | undefined {
  const URL_HINT = hint;
  const nodes = chain(error);
  const at = where ? ` to ${where}` : '';
  for (const node of nodes) {
    const code = typeof node.code === 'string' ? node.code : '';
    const message = typeof node.message === 'string' ? node.message : '';
    const endpoint = typeof node.address === 'string' ? `${node.address}${node.port ? `:${String(node.port)}` : ''}` : undefined;
    if (code === 'ECONNREFUSED') {
      return `Cannot connect${at}: connection refused${endpoint ? ` at ${endpoint}` : ''} (no Postgres listens there). Start the server, or fix the host and port ${URL_HINT}.`;
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      const host = typeof node.hostname === 'string' ? node.hostname : undefined;
      return `Cannot connect${at}: the host ${host ? `"${host}" ` : ''}was not found (DNS). Fix the host name ${URL_HINT}.`;
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
      return `Cannot connect${at}: no route to ${endpoint ?? 'the host'}. Check the host ${URL_HINT} and the network between.`;
    }
    if (code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT' || /^timeout expired$|connection timeout|connect timeout/i.test(message)) {
      return `Cannot connect${at}: the server did not answer in time. Check the host and port ${URL_HINT} and any firewall between; PGCONNECT_TIMEOUT (seconds, default 10) sets how long to wait.`;
    }
    if (code === '57P03') {
      return `The server${where ? ` at ${where}` : ''} is not accepting connections (${message}): retry when it has started.`;
    }
    if (code === '28P01') {
      const user = quotedName(message);
      return `Authentication failed${user ? ` for user "${user}"` : ''}${where ? ` on ${where}` : ''}: check the user name and password ${URL_HINT}.`;
    }
    if (code === '3D000') {
      const db = quotedName(message);
      return `The database${db ? ` "${db}"` : ''} does not exist${where ? ` on ${where}` : ''}: create it (createdb${db ? ` ${db}` : ''}) or fix the database name ${URL_HINT}.`;
    }
    if (code === '28000') {
      const role = /role "([^"]+)" does not exist/.exec(message)?.[1];
      if (role) return `The role "${role}" does not exist${where ? ` on ${where}` : ''}: use an existing role ${URL_HINT}, or create it (CREATE ROLE "${role}" LOGIN).`;
      return `The server refused the connection${where ? ` from this client to ${where}` : ''}: ${message} (SQLSTATE 28000). Allow it in pg_hba.conf or connect as another role ${URL_HINT}.`;
    }
    if (code === '42P01') {
      const table = quotedName(message);
      return `The database${where ? ` at ${where}` : ''} has no table${table ? ` "${table}"` : ''}: it is not migrated. Run \`stocksync-db migrate up\` first, or fix the database name ${URL_HINT}.`;
    }
  }
  return undefined;
}

/**
 * What the CLI prints for an error: a connection failure in plain words, else describeError's
 * paragraph (the package's message, or the database's message with its SQLSTATE).
 *
 * @example
 * ```ts
 * printError(cliErrorMessage(error, target.display));
 * ```
 */
export function cliErrorMessage(error: unknown, where: string | undefined, hint?: string): string {
  return connectionFailure(error, where, hint) ?? describeError(error);
}
