// Public entry of @stocksync/db/tenancy: tenant context, the scoped builder, and their errors.
export {
  withTenant,
  runTenantStatement,
  currentTenant,
  requireTenant,
  currentTransaction,
  tenantContextSql,
  tenantIdOf,
  quoteLiteral,
  tenantStatusCache,
  TenantStatusCache,
  TENANT_NOT_FOUND_SQLSTATE,
  TENANT_UNAVAILABLE_SQLSTATE,
  CONTEXT_REENTERED_SQLSTATE,
  PRIVILEGED_SESSION_SQLSTATE,
  allowPrivilegedSession,
  checkActor,
  MAX_REQUEST_ID_LENGTH,
  MAX_USER_AGENT_LENGTH,
  type Actor,
  type ActorRole,
  type AnyPgDatabase,
  type ContextMode,
  type TenantContext,
  type TenantRef,
  type TransactionOf,
  type WithTenantOptions,
} from './context/index.js';
export { contextModeOf } from './context/context-mode.js';
export {
  tenantDb,
  isTenantTable,
  type TenantDatabase,
  type TenantDbOptions,
  type TenantInsertBuilder,
  type TenantInsertValue,
  type TenantScopedTable,
  type TenantUpdateBuilder,
  type TenantUpdateSet,
} from './tenant-db.js';
export {
  ROLE_RULES,
  WRITER_ROLES,
  ADMIN_ROLES,
  ACTOR_ROLE_SQL,
  STATEMENT_BREAKPOINT,
  globalTablesReadOnlySql,
  tenantTableNames,
  isRlsTenantTable,
  type MigrationSql,
  type RoleRule,
} from './policies.js';
export {
  AUDIT_OPT_OUT,
  AUDIT_FUNCTION,
  AUDIT_FUNCTION_SQL,
  auditTriggerNames,
  auditTriggersSql,
  AUDIT_EVENT_FUNCTION,
  AUDIT_EVENT_FUNCTION_SQL,
  auditEventSql,
  recordAuditEvent,
  type AuditEvent,
  type AuditOptOut,
} from './audit.js';
export { SLUG_PATTERN, RESERVED_SLUGS, slugProblem, assertValidSlug } from './slug.js';
export {
  addTenantDomain,
  changeTenantSlug,
  domainChallenge,
  listTenantDomains,
  normalizeHostname,
  removeTenantDomain,
  verifyTenantDomain,
  DOMAIN_CHALLENGE_PREFIX,
  type AddedTenantDomain,
  type ChangedTenantSlug,
  type DomainChallenge,
  type TenantNameOptions,
  type TxtResolver,
  type VerifyTenantDomainOptions,
} from './domains.js';
export {
  resolveTenant,
  requestHost,
  tenantResolutionCache,
  TenantResolutionCache,
  type HeadersLike,
  type ResolvableRequest,
  type ResolvedTenant,
  type ResolutionStrategy,
  type ResolveTenantOptions,
} from './resolve.js';
export {
  expressTenantMiddleware,
  tenantErrorBody,
  type ExpressLikeRequest,
  type ExpressLikeResponse,
  type ExpressTenantOptions,
} from './middleware/express.js';
export {
  honoTenantMiddleware,
  type HonoLikeContext,
  type HonoTenantOptions,
  type TenantVariables,
} from './middleware/hono.js';
export {
  tenantSettingsSchema,
  defaultTenantSettings,
  parseTenantSettings,
  mergeSettings,
  getTenantSettings,
  updateTenantSettings,
  type TenantSettings,
  type TenantSettingsPatch,
  type UpdateTenantSettingsOptions,
  type VersionedSettings,
} from './settings.js';
export {
  checkCreateTenantInput,
  createTenant,
  suspendTenant,
  reactivateTenant,
  softDeleteTenant,
  purgeTenant,
  type CreateTenantInput,
  type CreateTenantOptions,
  type CreatedTenant,
  type LifecycleOptions,
  type PurgeReport,
} from './lifecycle.js';
export { tenantTablesInDatabase, type CatalogTable } from './catalog.js';
export { exportTenant, type ExportTenantOptions, type TenantTransferProgress } from './export.js';
export {
  verifyTenantExport,
  signManifest,
  EXPORT_FORMAT,
  type ExportManifest,
  type ExportedTable,
  type TenantImportLimits,
} from './export-manifest.js';
export { importTenant, type ImportTenantOptions, type ImportTenantResult } from './import.js';
export {
  TenantContextError,
  ActorContextError,
  PrivilegedSessionError,
  DeploymentUnsafeError,
  TenantContextMissingError,
  TenantNotFoundError,
  TenantNotIdentifiedError,
  TenantScopeError,
  TenantUnavailableError,
  TenantLifecycleError,
  TenantImportError,
  PermissionDeniedError,
  VersionConflictError,
} from '../errors.js';
export { checkDeployment, assertDeploymentSafe, type CheckDeploymentOptions, type DeploymentFinding } from './deployment.js';
