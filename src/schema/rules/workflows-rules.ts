// The workflows rules migration: conventions and the workflow graph rules.
import { WORKFLOW_NODE_TYPES, workflowApprovals, workflowExecutions, workflowSteps, workflows } from '../workflows.js';
import { BREAKPOINT, conventionsSql, joinRulesSql, sqlLiteral, type RulesSql } from './conventions.js';

/** Workflow definition graph check, current_step / node_id membership, approval expiry. */
export function workflowGraphSql(): RulesSql {
  const types = WORKFLOW_NODE_TYPES.map(sqlLiteral).join(', ');
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
  return joinRulesSql([conventionsSql([workflows, workflowExecutions, workflowSteps, workflowApprovals]), workflowGraphSql()]);
}
