// Explicit barrel of every table, helper and inferred type of the schema.
export { id, tenantId, timestamps, createdAt, softDelete } from './_columns.js';
export { APP_ROLE, RETENTION_ROLE, appRole, retentionRole } from './_roles.js';
export {
  TENANT_PREDICATE,
  SET_NULL_REFERENCES,
  tenantIsolationPolicy,
  tenantRef,
  tenantTable,
  type TenantRefOnDelete,
} from './_tenant-table.js';
export { tenants, LICENSE_TIERS, TENANT_STATUSES, COMPANY_SIZES, type Tenant, type NewTenant } from './tenancy.js';
export { users, USER_ROLES, USER_STATUSES, type User, type NewUser } from './identity.js';
