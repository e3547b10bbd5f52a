// Public entry of `@stocksync/db/citus`: detect Citus, plan and run the distribution, verify the shards.
export { detectCitus, type CitusInfo, type Queryable } from './detect.js';
export { readCitusLayout, wantedKind, DISTRIBUTION_COLUMN, type CitusKind, type CitusTable } from './layout.js';
export {
  planCitusDistribution,
  SESSION_SETTINGS,
  SAVED_FOREIGN_KEYS,
  SAVED_PRIVILEGES,
  type CitusPlan,
  type CitusStep,
} from './plan.js';
export { distributeOnCitus, CitusDistributionError, type DistributeOptions, type DistributeResult } from './distribute.js';
export { verifyShards, type ShardMismatch } from './verify.js';
export { verifyContextBinding, planContextBinding, BIND_CONTEXT_SQL, type ContextFinding } from './context.js';
export {
  distributeTenantSchemas,
  listCitusTenantSchemas,
  tenantSchemaDdlSettings,
  TENANT_SCHEMA_STAMP,
  SCHEMA_DDL_SETTINGS,
  type CitusTenantSchema,
  type SchemaDistributionResult,
} from './schema-tenants.js';
