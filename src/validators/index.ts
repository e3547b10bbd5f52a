// Public entry of @stocksync/db/validators: drizzle-zod schemas with the business rules, wire types, pagination.
export {
  fileSizeBytesFor,
  paginatedSchema,
  requireThat,
  sha256Hex,
  toWire,
  wireSchemaOf,
  type Paginated,
  type Wire,
} from './_shared.js';
export * from './tenancy.js';
export * from './identity.js';
export * from './projects.js';
export * from './documents.js';
export * from './workflows.js';
export * from './audit.js';
export {
  cents,
  countryCode,
  currencyCode,
  parseInput,
  positiveCents,
  positiveQuantity,
  stateCode,
  uuidString,
} from './_fields.js';
export * from './inventory.js';
export * from './billing.js';
export * from './licenses.js';
export * from './contacts.js';
export * from './messaging.js';
