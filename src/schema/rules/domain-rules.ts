// The rules migration of each core domain, generated from the schema and the TypeScript constants
// (limits, state machines), so the checked-in migrations can be compared with what the code says now.
import { auditLogs, auditReviews, complianceReports, contents } from '../audit.js';
import {
  documentActivities,
  documentPermissions,
  documentShares,
  documentVersions,
  documents,
  folders,
  MAX_FOLDER_DEPTH,
} from '../documents.js';
import { memberships, sessions, teamMembers, teams } from '../identity.js';
import {
  boards,
  MAX_TASK_DEPTH,
  milestones,
  projects,
  sprints,
  taskActivities,
  taskAttachments,
  taskComments,
  tasks,
} from '../projects.js';
import { LICENSE_TIERS, MAX_FILE_SIZE_BYTES, tenantDomains, tenantSettings } from '../tenancy.js';
import { WORKFLOW_NODE_TYPES, workflowApprovals, workflowExecutions, workflowSteps, workflows } from '../workflows.js';
import { APP_ROLE, RETENTION_ROLE } from '../_roles.js';
import { BREAKPOINT, conventionsSql, type RulesSql } from './conventions.js';
import { taskStatusTriggerSql } from './task-status.js';
import { citusRulesSql } from './citus-rules.js';

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function join(parts: RulesSql[]): RulesSql {
  return {
    up: parts.map((p) => p.up).filter(Boolean).join(BREAKPOINT),
    down: [...parts]
      .reverse()
      .map((p) => p.down)
      .filter(Boolean)
      .join(BREAKPOINT),
  };
}

/** `stocksync_max_file_size_bytes(tier)` and the trigger function that checks a row's `file_size_bytes`. */
export function fileSizeFunctionsSql(): RulesSql {
  const cases = LICENSE_TIERS.map((tier) => `WHEN ${literal(tier)} THEN ${MAX_FILE_SIZE_BYTES[tier]}`).join(' ');
  const up = [
    `CREATE OR REPLACE FUNCTION stocksync_max_file_size_bytes(p_tier text) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE p_tier ${cases} ELSE 0 END::bigint $$;`,
    `CREATE OR REPLACE FUNCTION stocksync_check_file_size() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_tier text;
  v_max bigint;
BEGIN
  SELECT t.license_tier INTO v_tier FROM tenants t WHERE t.id = NEW.tenant_id;
  v_max := stocksync_max_file_size_bytes(v_tier);
  IF NEW.file_size_bytes > v_max THEN
    RAISE EXCEPTION 'a file of % bytes exceeds the % tier limit of % bytes', NEW.file_size_bytes, v_tier, v_max
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_file_size_bytes_tier_check',
            HINT = 'Upgrade the license tier or upload a smaller file.';
  END IF;
  RETURN NEW;
END
$$;`,
  ];
  const down = ['DROP FUNCTION IF EXISTS stocksync_check_file_size();', 'DROP FUNCTION IF EXISTS stocksync_max_file_size_bytes(text);'];
  return { up: up.join(BREAKPOINT), down: down.join(BREAKPOINT) };
}

function fileSizeTriggerSql(table: string): RulesSql {
  return {
    up: `CREATE TRIGGER ${table}_file_size BEFORE INSERT OR UPDATE OF file_size_bytes ON "${table}"
  FOR EACH ROW EXECUTE FUNCTION stocksync_check_file_size();`,
    down: `DROP TRIGGER IF EXISTS ${table}_file_size ON "${table}";`,
  };
}

/** Tenancy tables: tenant_domains, tenant_settings. */
export function tenancyRulesSql(): RulesSql {
  return conventionsSql([tenantDomains, tenantSettings]);
}

/** Identity tables other than users (which 0002 covers): memberships, teams, team members, sessions. */
export function identityRulesSql(): RulesSql {
  return conventionsSql([memberships, teams, teamMembers, sessions]);
}

/** Task hierarchy: parent in the same project, no cycles, depth at most MAX_TASK_DEPTH (including the subtree moved). */
export function taskHierarchySql(): RulesSql {
  const up = `CREATE OR REPLACE FUNCTION stocksync_tasks_hierarchy() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_parent_project uuid;
  v_cursor uuid;
  v_depth integer := 1;
  v_height integer := 0;
BEGIN
  IF NEW.parent_task_id IS NOT NULL THEN
    SELECT p.project_id INTO v_parent_project FROM tasks p WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.parent_task_id;
    IF NOT FOUND THEN
      RETURN NEW; -- the foreign key reports the missing parent
    END IF;
    IF v_parent_project <> NEW.project_id THEN
      RAISE EXCEPTION 'the parent task belongs to another project'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_task_id_project_check',
              HINT = 'A subtask must be in the same project as its parent.';
    END IF;
    v_cursor := NEW.parent_task_id;
    WHILE v_cursor IS NOT NULL LOOP
      IF v_cursor = NEW.id THEN
        RAISE EXCEPTION 'task % would become its own ancestor', NEW.id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_task_id_cycle_check';
      END IF;
      v_depth := v_depth + 1;
      EXIT WHEN v_depth > ${MAX_TASK_DEPTH};
      SELECT p.parent_task_id INTO v_cursor FROM tasks p WHERE p.tenant_id = NEW.tenant_id AND p.id = v_cursor;
    END LOOP;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    WITH RECURSIVE below(id, level) AS (
      SELECT c.id, 1 FROM tasks c WHERE c.tenant_id = NEW.tenant_id AND c.parent_task_id = NEW.id
      UNION ALL
      SELECT c.id, b.level + 1 FROM tasks c JOIN below b ON c.tenant_id = NEW.tenant_id AND c.parent_task_id = b.id
      WHERE b.level < ${MAX_TASK_DEPTH}
    )
    SELECT coalesce(max(level), 0) INTO v_height FROM below;
    IF NEW.project_id <> OLD.project_id AND v_height > 0 THEN
      RAISE EXCEPTION 'a task with subtasks cannot move to another project'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_task_id_project_check',
              HINT = 'Move or detach its subtasks first.';
    END IF;
  END IF;
  IF v_depth + v_height > ${MAX_TASK_DEPTH} THEN
    RAISE EXCEPTION 'tasks nest at most ${MAX_TASK_DEPTH} levels deep (this change makes %)', v_depth + v_height
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_task_id_depth_check',
            HINT = 'Attach the task to a parent higher up the hierarchy.';
  END IF;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER tasks_hierarchy BEFORE INSERT OR UPDATE OF parent_task_id, project_id ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION stocksync_tasks_hierarchy();`;
  const down = `DROP TRIGGER IF EXISTS tasks_hierarchy ON "tasks";${BREAKPOINT}DROP FUNCTION IF EXISTS stocksync_tasks_hierarchy();`;
  return { up, down };
}

/** Sprints of a project never overlap (dates inclusive; cancelled sprints do not count). */
export function sprintOverlapSql(): RulesSql {
  return {
    up: `ALTER TABLE "sprints" ADD CONSTRAINT "sprints_tenant_id_project_id_dates_excl" EXCLUDE USING gist (
  "tenant_id" WITH =, "project_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&
) WHERE ("status" <> 'cancelled');`,
    down: `ALTER TABLE "sprints" DROP CONSTRAINT IF EXISTS "sprints_tenant_id_project_id_dates_excl";`,
  };
}

/** Projects domain: conventions, task hierarchy, task status transitions, sprint overlap, attachment size. */
export function projectsRulesSql(): RulesSql {
  return join([
    conventionsSql([projects, sprints, milestones, tasks, taskComments, taskAttachments, taskActivities, boards]),
    taskHierarchySql(),
    taskStatusTriggerSql(),
    sprintOverlapSql(),
    fileSizeFunctionsSql(),
    fileSizeTriggerSql('task_attachments'),
  ]);
}

/** Folder path and depth, maintained from the parent; moves and renames cascade to the subtree. */
export function folderPathSql(): RulesSql {
  const up = `CREATE OR REPLACE FUNCTION stocksync_folders_path() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_parent_path text;
  v_parent_depth integer;
  v_cursor uuid;
  v_steps integer := 0;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.name;
    NEW.depth := 1;
    RETURN NEW;
  END IF;
  SELECT p.path, p.depth INTO v_parent_path, v_parent_depth FROM folders p WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.parent_id;
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key reports the missing parent
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
    v_cursor := NEW.parent_id;
    WHILE v_cursor IS NOT NULL AND v_steps <= ${MAX_FOLDER_DEPTH} LOOP
      IF v_cursor = NEW.id THEN
        RAISE EXCEPTION 'folder % cannot move into its own subtree', NEW.id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'folders_parent_id_cycle_check';
      END IF;
      SELECT p.parent_id INTO v_cursor FROM folders p WHERE p.tenant_id = NEW.tenant_id AND p.id = v_cursor;
      v_steps := v_steps + 1;
    END LOOP;
  END IF;
  IF v_parent_depth + 1 > ${MAX_FOLDER_DEPTH} THEN
    RAISE EXCEPTION 'folders nest at most ${MAX_FOLDER_DEPTH} levels deep'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'folders_depth_check',
            HINT = 'Choose a parent folder higher up the tree.';
  END IF;
  NEW.depth := v_parent_depth + 1;
  NEW.path := v_parent_path || '/' || NEW.name;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER folders_path BEFORE INSERT OR UPDATE ON "folders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_folders_path();${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_folders_path_cascade() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Touching the children makes their BEFORE trigger recompute path and depth from this row.
  UPDATE folders c SET path = c.path WHERE c.tenant_id = NEW.tenant_id AND c.parent_id = NEW.id;
  RETURN NULL;
END
$$;${BREAKPOINT}CREATE TRIGGER folders_path_cascade AFTER UPDATE ON "folders"
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path OR OLD.depth IS DISTINCT FROM NEW.depth)
  EXECUTE FUNCTION stocksync_folders_path_cascade();`;
  const down = [
    'DROP TRIGGER IF EXISTS folders_path_cascade ON "folders";',
    'DROP FUNCTION IF EXISTS stocksync_folders_path_cascade();',
    'DROP TRIGGER IF EXISTS folders_path ON "folders";',
    'DROP FUNCTION IF EXISTS stocksync_folders_path();',
  ].join(BREAKPOINT);
  return { up, down };
}

/** Version numbers 1, 2, 3 ... per document (serialized on the document row), permanent, and mirrored in documents.version. */
export function documentVersionNumberSql(): RulesSql {
  const up = `CREATE OR REPLACE FUNCTION stocksync_document_versions_number() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_next integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.version_number IS DISTINCT FROM OLD.version_number OR NEW.document_id IS DISTINCT FROM OLD.document_id THEN
      RAISE EXCEPTION 'a document version keeps its document and number'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'document_versions_version_number_check';
    END IF;
    RETURN NEW;
  END IF;
  -- Lock the document so concurrent uploads get consecutive numbers.
  PERFORM 1 FROM documents d WHERE d.tenant_id = NEW.tenant_id AND d.id = NEW.document_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key reports the missing document
  END IF;
  SELECT coalesce(max(v.version_number), 0) + 1 INTO v_next
    FROM document_versions v WHERE v.tenant_id = NEW.tenant_id AND v.document_id = NEW.document_id;
  IF NEW.version_number IS NULL THEN
    NEW.version_number := v_next;
  ELSIF NEW.version_number <> v_next THEN
    RAISE EXCEPTION 'the next version of document % is %, not %', NEW.document_id, v_next, NEW.version_number
      USING ERRCODE = 'check_violation', CONSTRAINT = 'document_versions_version_number_check',
            HINT = 'Leave version_number out: it is assigned automatically.';
  END IF;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER document_versions_number BEFORE INSERT OR UPDATE ON "document_versions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_document_versions_number();${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_document_versions_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE documents d SET version = NEW.version_number
    WHERE d.tenant_id = NEW.tenant_id AND d.id = NEW.document_id AND d.version < NEW.version_number;
  RETURN NULL;
END
$$;${BREAKPOINT}CREATE TRIGGER document_versions_sync AFTER INSERT ON "document_versions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_document_versions_sync();`;
  const down = [
    'DROP TRIGGER IF EXISTS document_versions_sync ON "document_versions";',
    'DROP FUNCTION IF EXISTS stocksync_document_versions_sync();',
    'DROP TRIGGER IF EXISTS document_versions_number ON "document_versions";',
    'DROP FUNCTION IF EXISTS stocksync_document_versions_number();',
  ].join(BREAKPOINT);
  return { up, down };
}

/** Documents domain: conventions, folder paths, version numbering, size limits by tier. */
export function documentsRulesSql(): RulesSql {
  return join([
    conventionsSql([folders, documents, documentVersions, documentPermissions, documentShares, documentActivities]),
    folderPathSql(),
    documentVersionNumberSql(),
    fileSizeTriggerSql('documents'),
    fileSizeTriggerSql('document_versions'),
  ]);
}

/** Workflow definition graph check, current_step / node_id membership, approval expiry. */
export function workflowGraphSql(): RulesSql {
  const types = WORKFLOW_NODE_TYPES.map(literal).join(', ');
  const up = `CREATE OR REPLACE FUNCTION stocksync_workflow_definition_error(p jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v_bad text;
  v_starts integer;
BEGIN
  IF jsonb_typeof(p) IS DISTINCT FROM 'object' THEN
    RETURN 'definition must be an object with nodes and edges';
  END IF;
  IF jsonb_typeof(p->'nodes') IS DISTINCT FROM 'array' OR jsonb_array_length(p->'nodes') = 0 THEN
    RETURN 'definition.nodes must be a non-empty array';
  END IF;
  IF jsonb_typeof(p->'edges') IS DISTINCT FROM 'array' THEN
    RETURN 'definition.edges must be an array';
  END IF;
  IF EXISTS (
    SELECT 1 FROM jsonb_array_elements(p->'nodes') n
    WHERE jsonb_typeof(n) IS DISTINCT FROM 'object' OR jsonb_typeof(n->'id') IS DISTINCT FROM 'string' OR n->>'id' = ''
  ) THEN
    RETURN 'every node needs a non-empty string id';
  END IF;
  SELECT n->>'id' INTO v_bad FROM jsonb_array_elements(p->'nodes') n GROUP BY n->>'id' HAVING count(*) > 1 LIMIT 1;
  IF v_bad IS NOT NULL THEN
    RETURN format('node id %s is used twice', v_bad);
  END IF;
  SELECT coalesce(n->>'type', 'null') INTO v_bad FROM jsonb_array_elements(p->'nodes') n
    WHERE n->>'type' IS NULL OR n->>'type' NOT IN (${types}) LIMIT 1;
  IF v_bad IS NOT NULL THEN
    RETURN format('node type %s is not one of ${WORKFLOW_NODE_TYPES.join(', ')}', v_bad);
  END IF;
  SELECT count(*) INTO v_starts FROM jsonb_array_elements(p->'nodes') n WHERE n->>'type' = 'start';
  IF v_starts <> 1 THEN
    RETURN format('a definition has exactly one start node, not %s', v_starts);
  END IF;
  SELECT coalesce(e->>'from', 'null') || ' -> ' || coalesce(e->>'to', 'null') INTO v_bad
    FROM jsonb_array_elements(p->'edges') e
    WHERE jsonb_typeof(e) IS DISTINCT FROM 'object'
       OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p->'nodes') n WHERE n->>'id' = e->>'from')
       OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p->'nodes') n WHERE n->>'id' = e->>'to')
    LIMIT 1;
  IF v_bad IS NOT NULL THEN
    RETURN format('edge %s does not join two nodes of the definition', v_bad);
  END IF;
  RETURN NULL;
END
$$;${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_workflows_definition() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_error text := stocksync_workflow_definition_error(NEW.definition);
BEGIN
  IF v_error IS NOT NULL THEN
    RAISE EXCEPTION 'invalid workflow definition: %', v_error
      USING ERRCODE = 'check_violation', CONSTRAINT = 'workflows_definition_check';
  END IF;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER workflows_definition BEFORE INSERT OR UPDATE OF definition ON "workflows"
  FOR EACH ROW EXECUTE FUNCTION stocksync_workflows_definition();${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_workflow_has_node(p_tenant_id uuid, p_workflow_id uuid, p_node text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM workflows w, jsonb_array_elements(w.definition->'nodes') n
    WHERE w.tenant_id = p_tenant_id AND w.id = p_workflow_id AND n->>'id' = p_node
  )
$$;${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_workflow_executions_current_step() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.current_step IS NOT NULL AND NOT stocksync_workflow_has_node(NEW.tenant_id, NEW.workflow_id, NEW.current_step) THEN
    RAISE EXCEPTION 'step % is not a node of workflow %', NEW.current_step, NEW.workflow_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_executions_current_step_check';
  END IF;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER workflow_executions_current_step BEFORE INSERT OR UPDATE OF current_step, workflow_id ON "workflow_executions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_workflow_executions_current_step();${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_workflow_steps_node() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_workflow_id uuid;
BEGIN
  SELECT e.workflow_id INTO v_workflow_id FROM workflow_executions e WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.execution_id;
  IF FOUND AND NOT stocksync_workflow_has_node(NEW.tenant_id, v_workflow_id, NEW.node_id) THEN
    RAISE EXCEPTION 'step % is not a node of workflow %', NEW.node_id, v_workflow_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_steps_node_id_check';
  END IF;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER workflow_steps_node BEFORE INSERT OR UPDATE OF node_id, execution_id ON "workflow_steps"
  FOR EACH ROW EXECUTE FUNCTION stocksync_workflow_steps_node();${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_workflow_approvals_expiry() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_ttl integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT w.approval_ttl_days INTO v_ttl FROM workflow_executions e
      JOIN workflows w ON w.tenant_id = e.tenant_id AND w.id = e.workflow_id
      WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.execution_id;
    NEW.expires_at := NEW.requested_at + make_interval(days => coalesce(v_ttl, 7));
    RETURN NEW;
  END IF;
  IF NEW.expires_at IS DISTINCT FROM OLD.expires_at OR NEW.requested_at IS DISTINCT FROM OLD.requested_at THEN
    RAISE EXCEPTION 'an approval keeps its request time and expiry'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_approvals_expires_at_check';
  END IF;
  IF OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected') AND now() >= OLD.expires_at THEN
    RAISE EXCEPTION 'approval % expired at %', OLD.id, OLD.expires_at
      USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_approvals_expired_check',
            HINT = 'Request a new approval.';
  END IF;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER workflow_approvals_expiry BEFORE INSERT OR UPDATE ON "workflow_approvals"
  FOR EACH ROW EXECUTE FUNCTION stocksync_workflow_approvals_expiry();${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_expire_workflow_approvals() RETURNS integer
LANGUAGE sql VOLATILE AS $$
  WITH expired AS (
    UPDATE workflow_approvals SET status = 'expired' WHERE status = 'pending' AND expires_at <= now() RETURNING 1
  )
  SELECT count(*)::integer FROM expired
$$;`;
  const down = [
    'DROP FUNCTION IF EXISTS stocksync_expire_workflow_approvals();',
    'DROP TRIGGER IF EXISTS workflow_approvals_expiry ON "workflow_approvals";',
    'DROP FUNCTION IF EXISTS stocksync_workflow_approvals_expiry();',
    'DROP TRIGGER IF EXISTS workflow_steps_node ON "workflow_steps";',
    'DROP FUNCTION IF EXISTS stocksync_workflow_steps_node();',
    'DROP TRIGGER IF EXISTS workflow_executions_current_step ON "workflow_executions";',
    'DROP FUNCTION IF EXISTS stocksync_workflow_executions_current_step();',
    'DROP FUNCTION IF EXISTS stocksync_workflow_has_node(uuid, uuid, text);',
    'DROP TRIGGER IF EXISTS workflows_definition ON "workflows";',
    'DROP FUNCTION IF EXISTS stocksync_workflows_definition();',
    'DROP FUNCTION IF EXISTS stocksync_workflow_definition_error(jsonb);',
  ].join(BREAKPOINT);
  return { up, down };
}

/** Workflows domain: conventions and the graph rules. */
export function workflowsRulesSql(): RulesSql {
  return join([conventionsSql([workflows, workflowExecutions, workflowSteps, workflowApprovals]), workflowGraphSql()]);
}

/** Audit log immutability: no UPDATE or TRUNCATE; DELETE only by the retention role past retention, or with the tenant. */
export function auditImmutabilitySql(): RulesSql {
  const up = [
    `REVOKE UPDATE, DELETE, TRUNCATE ON "audit_logs" FROM ${APP_ROLE};`,
    `GRANT USAGE ON SCHEMA public TO ${RETENTION_ROLE};`,
    `GRANT SELECT, DELETE ON "audit_logs" TO ${RETENTION_ROLE};`,
    `CREATE OR REPLACE FUNCTION stocksync_audit_logs_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_user = '${RETENTION_ROLE}' AND OLD.created_at < now() - stocksync_audit_retention() THEN
      RETURN OLD;
    END IF;
    -- Rows go with their tenant: a tenant purge cascades here after the tenant row is gone.
    IF NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = OLD.tenant_id) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Only ${RETENTION_ROLE} may delete, and only rows older than stocksync_audit_retention().';
END
$$;`,
    `CREATE TRIGGER audit_logs_immutable BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_logs_immutable();`,
    `CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_logs_immutable();`,
  ];
  const down = [
    'DROP TRIGGER IF EXISTS audit_logs_no_truncate ON "audit_logs";',
    'DROP TRIGGER IF EXISTS audit_logs_immutable ON "audit_logs";',
    'DROP FUNCTION IF EXISTS stocksync_audit_logs_immutable();',
    `REVOKE SELECT, DELETE ON "audit_logs" FROM ${RETENTION_ROLE};`,
    `REVOKE USAGE ON SCHEMA public FROM ${RETENTION_ROLE};`,
    `GRANT UPDATE, DELETE ON "audit_logs" TO ${APP_ROLE};`,
  ];
  return { up: up.join(BREAKPOINT), down: down.join(BREAKPOINT) };
}

/** Audit domain: conventions, audit log immutability, compliance report checksums. */
export function auditRulesSql(): RulesSql {
  return join([conventionsSql([auditLogs, auditReviews, complianceReports, contents]), auditImmutabilitySql()]);
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
