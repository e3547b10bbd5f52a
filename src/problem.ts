// Turns any error into an RFC 9457 problem+json response (status, body), with a Hono error handler
// and an Express error middleware built on it. Driver errors are mapped first, so a raw unique or
// foreign-key violation never reaches the client with the values of the statement.
import { mapDatabaseError } from './database-error.js';
import {
  CheckViolationError,
  ConflictError,
  ForeignKeyError,
  InvalidValueError,
  NotFoundError,
  PermissionDeniedError,
  RuleViolationError,
  StocksyncError,
  TenantContextError,
  ActorContextError,
  TenantContextMissingError,
  TenantNotFoundError,
  TenantScopeError,
  TenantUnavailableError,
  TransactionConflictError,
  ValidationError,
  VersionConflictError,
} from './errors.js';

/** The media type of every body {@link problemOf} builds. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem details body, with the package's error `code` and what the error names. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The package's error code (`CONFLICT`, `FOREIGN_KEY`, `CHECK_VIOLATION`...). */
  code: string;
  /** The constraint or rule that refused the write. */
  constraint?: string;
  /** The fields the error is about (camelCase). */
  fields?: string[];
  /** Validation issues with their field paths. */
  issues?: Array<{ path: string[]; message: string }>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/**
 * The HTTP status of an error: 404 not found, 409 conflict (unique key, still-referenced row,
 * version, state rule, concurrent transaction), 422 invalid content (validation, check rule, missing
 * reference, bad value), 403 refused (RLS, role, suspended tenant, global table), 400 no tenant
 * context, 500 anything else.
 *
 * @example
 * ```ts
 * import { httpStatusOf, ConflictError } from '@stocksync/db';
 * httpStatusOf(new ConflictError('taken', 'users_email_key', { table: 'users', fields: ['email'] })); // 409
 * ```
 */
export function httpStatusOf(error: unknown): number {
  if (error instanceof NotFoundError || error instanceof TenantNotFoundError) return 404;
  if (error instanceof ForeignKeyError) return error.reason === 'still_referenced' ? 409 : 422;
  if (error instanceof ValidationError || error instanceof CheckViolationError || error instanceof InvalidValueError) return 422;
  if (
    error instanceof ConflictError ||
    error instanceof VersionConflictError ||
    error instanceof TransactionConflictError ||
    error instanceof RuleViolationError
  )
    return 409;
  if (
    error instanceof PermissionDeniedError ||
    error instanceof TenantUnavailableError ||
    error instanceof TenantScopeError
  )
    return 403;
  if (error instanceof TenantContextMissingError || error instanceof TenantContextError) return 400;
  return 500;
}

/**
 * Maps `error` (a package error, or a raw driver error, mapped first) to its status and problem+json
 * body. A 500 says only "Internal error" with the code, so nothing internal leaks; log the error
 * yourself (the handlers below take an `onError` callback for that).
 *
 * @example
 * ```ts
 * import { problemOf } from '@stocksync/db';
 * const { status, body } = problemOf(err);
 * ```
 */
export function problemOf(error: unknown): { status: number; body: ProblemDetails } {
  const mapped = mapDatabaseError(error);
  const status = httpStatusOf(mapped);
  const known = mapped instanceof StocksyncError && status !== 500;
  const code = mapped instanceof StocksyncError ? mapped.code : 'INTERNAL';
  const body: ProblemDetails = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail: known ? mapped.message : 'Internal error: the server logged the details.',
    code,
  };
  if (!known) return { status, body };
  if (mapped instanceof RuleViolationError && mapped.constraint) body.constraint = mapped.constraint;
  if (mapped instanceof ConflictError || mapped instanceof ForeignKeyError || mapped instanceof CheckViolationError) {
    if (mapped.target.fields.length > 0) body.fields = mapped.target.fields;
  }
  if (mapped instanceof ActorContextError) body.fields = [`actor.${mapped.field}`];
  if (mapped instanceof ValidationError) {
    body.issues = mapped.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  }
  return { status, body };
}

/** Options of {@link honoErrorHandler} and {@link expressErrorHandler}. */
export interface ProblemHandlerOptions {
  /** Called with every error that becomes a 500 (log it here: the response says nothing about it). */
  onError?: (error: unknown) => void;
}

/**
 * A Hono `onError` handler: every error becomes an `application/problem+json` response with the
 * status of {@link httpStatusOf}. Hono's own `HTTPException` keeps its response.
 *
 * @example
 * ```ts
 * import { honoErrorHandler } from '@stocksync/db';
 * app.onError(honoErrorHandler({ onError: (e) => logger.error(e) }));
 * ```
 */
export function honoErrorHandler(options: ProblemHandlerOptions = {}) {
  return (error: Error, _c: unknown): Response => {
    const own = (error as { getResponse?: unknown }).getResponse;
    if (!(error instanceof StocksyncError) && typeof own === 'function' && typeof (error as { status?: unknown }).status === 'number') {
      return (own as () => Response).call(error);
    }
    const { status, body } = problemOf(error);
    if (status === 500) options.onError?.(error);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
  };
}

/** The response methods the Express handler uses (an Express `Response` fits). */
export interface ExpressLikeErrorResponse {
  headersSent: boolean;
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/**
 * An Express error middleware (four arguments, register it last): every error becomes an
 * `application/problem+json` response with the status of {@link httpStatusOf}. When the response
 * has started already, the error goes to Express's default handler.
 *
 * @example
 * ```ts
 * import { expressErrorHandler } from '@stocksync/db';
 * app.use(expressErrorHandler({ onError: (e) => logger.error(e) }));
 * ```
 */
export function expressErrorHandler(options: ProblemHandlerOptions = {}) {
  return (error: unknown, _req: unknown, res: ExpressLikeErrorResponse, next: (error?: unknown) => void): void => {
    if (res.headersSent) return next(error);
    const { status, body } = problemOf(error);
    if (status === 500) options.onError?.(error);
    res.status(status);
    res.setHeader('content-type', PROBLEM_CONTENT_TYPE);
    res.end(JSON.stringify(body));
  };
}
