// The rules migration of each core domain, generated from the schema and the TypeScript constants
// (limits, state machines), so the checked-in migrations can be compared with what the code says now.
// This file holds the registry and the small tenancy and identity rules; each larger domain has its own file.
import { memberships, sessions, teamMembers, teams } from '../identity.js';
import { tenantDomains, tenantSettings } from '../tenancy.js';
import { auditRulesSql } from './audit-rules.js';
import { citusRulesSql } from './citus-rules.js';
import { conventionsSql, type RulesSql } from './conventions.js';
import { documentsRulesSql } from './documents-rules.js';
import { projectsRulesSql } from './projects-rules.js';
import { workflowsRulesSql } from './workflows-rules.js';

export { fileSizeFunctionsSql } from './file-size.js';
export { taskHierarchySql, sprintOverlapSql, projectsRulesSql } from './projects-rules.js';
export { folderPathSql, documentVersionNumberSql, documentsRulesSql } from './documents-rules.js';
export { workflowGraphSql, workflowsRulesSql } from './workflows-rules.js';
export { auditImmutabilitySql, auditRulesSql } from './audit-rules.js';

/** Tenancy tables: tenant_domains, tenant_settings. */
export function tenancyRulesSql(): RulesSql {
  return conventionsSql([tenantDomains, tenantSettings]);
}

/** Identity tables other than users (which 0002 covers): memberships, teams, team members, sessions. */
export function identityRulesSql(): RulesSql {
  return conventionsSql([memberships, teams, teamMembers, sessions]);
}

/**
 * Every core-domain rules migration by its name suffix, for the drift test and `scripts/rules-sql.ts`.
 *
 * @example
 * ```ts
 * import { CORE_RULES } from '@stocksync/db/schema';
 * const { up } = CORE_RULES.projects_rules();
 * ```
 */
export const CORE_RULES: Record<string, () => RulesSql> = {
  core_tenancy_rules: tenancyRulesSql,
  identity_rules: identityRulesSql,
  projects_rules: projectsRulesSql,
  documents_rules: documentsRulesSql,
  workflows_rules: workflowsRulesSql,
  audit_rules: auditRulesSql,
  citus_rules: citusRulesSql,
};
