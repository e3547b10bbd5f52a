// Public entry of @stocksync/db: every table and inferred type, the connection helper and errors.
export * from './schema/index.js';
export * from './errors.js';
export { mapDatabaseError, serverErrorOf, type ServerError } from './database-error.js';
export { uuidv7, isUuid } from './uuid.js';
export { openDatabase, redactUrl, type Database, type DatabaseHandle, type Driver, type OpenDatabaseOptions, type Schema } from './connection.js';
export {
  PROBLEM_CONTENT_TYPE,
  expressErrorHandler,
  honoErrorHandler,
  httpStatusOf,
  problemOf,
  type ExpressLikeErrorResponse,
  type ProblemDetails,
  type ProblemHandlerOptions,
} from './problem.js';
