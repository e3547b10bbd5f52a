// Schema-per-tenant isolation: a tenant's own schema holding the tenant tables, created, kept in step
// with the template (`public`) and listed from the catalog.
export { tenantSchemaName, listTenantSchemas, STAMP_PREFIX, type TenantSchemaStamp } from './stamp.js';
export { readTemplate, saveTemplate, loadTemplate, planSync, syncTenantSchema, type Template, type SyncPlan, type SyncResult, type SchemaChange } from './sync.js';
export { readStructure, structureDigest, type SchemaObject, type SchemaStructure, type SqlRunner, type TransactionRunner } from './structure.js';
export { migrateTenantSchemas, tenantSchemaStatus, type FleetOptions, type FleetReport, type FleetStatus, type SchemaOutcome } from './fleet.js';
export { moveTenant, MOVE_STEPS, type Isolation, type MoveOptions, type MoveReport, type MoveSession, type MoveStep, type MovedTable } from './move.js';
