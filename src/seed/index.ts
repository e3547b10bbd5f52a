// Public entry of @stocksync/db/seed: deterministic seeding per domain, the orchestrator, bulk writers.
export { Random, SEED_EPOCH, DAY_MS, addDays } from './random.js';
export { SeedBatch, orderByForeignKeys, type UpdatePhase } from './batch.js';
export { writeBatch, defaultWriteMethod, type WriteMethod, type WriteBatchOptions } from './writer.js';
export { clientKind, mayLoadTrusted, type ClientKind } from './client.js';
export { copyPlan } from './copy-format.js';
export { tenantContext, activeUsers, type TenantSeedContext, type SeededUser } from './context.js';
export { tenantRow, seedIdentity, seedTenantRow, seedOrganization } from './identity.js';
export { seedProjects, fakeSha256, capped } from './projects.js';
export { seedDocuments } from './documents.js';
export { seedWorkflows } from './workflows.js';
export { seedAudit } from './audit.js';
export { seedInventory, type InventoryRefs } from './inventory.js';
export { seedBilling, type BillingRefs } from './billing.js';
export { seedLicenses } from './licenses.js';
export { seedContacts } from './contacts.js';
export { seedMessaging } from './messaging.js';
export { seedWorkstations } from './workstations.js';
export { ensureCatalog, catalogRows, defaultEnvironment, taxCents, type CatalogProduct, type SeedEnvironment } from './catalog.js';
export { updateRows, arrayLiteral, type UpdateColumn } from './sql.js';
export { foreignKeyChecks, derivedValueChecks, type VerificationCheck } from './verify.js';
export { DOMAIN_SEEDERS, countRowsByDomain, domainOfTable, type DomainName, type DomainSeeder } from './domains.js';
export {
  SCALES,
  DEFAULT_SEED,
  seedDatabase,
  seedTenant,
  generateTenant,
  tenantIdFor,
  tableChecksums,
  type ScaleName,
  type SeedMode,
  type SeedOptions,
  type SeedReport,
  type SeedTenantOptions,
} from './seed.js';
