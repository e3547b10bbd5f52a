// The schema changes that make every rule run on Citus shards as it runs on one Postgres: the
// `SET NULL (<column>)` keys as triggers, and the workflow node check as PL/pgSQL instead of a SQL function.
import * as audit from '../audit.js';
import * as billing from '../billing.js';
import * as contacts from '../contacts.js';
import * as documents from '../documents.js';
import * as identity from '../identity.js';
import * as inventory from '../inventory.js';
import * as licenses from '../licenses.js';
import * as messaging from '../messaging.js';
import * as projects from '../projects.js';
import * as tenancy from '../tenancy.js';
import * as workflows from '../workflows.js';
import * as workstations from '../workstations.js';
import { BREAKPOINT, type RulesSql } from './conventions.js';
import { setNullReferences, setNullTriggersSql } from './set-null.js';

const DOMAINS = [audit, billing, contacts, documents, identity, inventory, licenses, messaging, projects, tenancy, workflows, workstations];

/**
 * `stocksync_workflow_has_node` as PL/pgSQL: a SQL-language function with parameters, called by a
 * trigger on a Citus shard, fails there; the PL/pgSQL form reads the definition with one routed query.
 */
export function workflowHasNodePlpgsql(): RulesSql {
  const sqlBody = `CREATE OR REPLACE FUNCTION stocksync_workflow_has_node(p_tenant_id uuid, p_workflow_id uuid, p_node text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM workflows w, jsonb_array_elements(w.definition->'nodes') n
    WHERE w.tenant_id = p_tenant_id AND w.id = p_workflow_id AND n->>'id' = p_node
  )
$$;`;
  const up = `CREATE OR REPLACE FUNCTION stocksync_workflow_has_node(p_tenant_id uuid, p_workflow_id uuid, p_node text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_definition jsonb;
BEGIN
  SELECT w.definition INTO v_definition FROM workflows w WHERE w.tenant_id = p_tenant_id AND w.id = p_workflow_id;
  RETURN EXISTS (SELECT 1 FROM jsonb_array_elements(v_definition->'nodes') n WHERE n->>'id' = p_node);
END
$$;`;
  return { up, down: sqlBody };
}

/**
 * The Citus rules migration: every `'set null'` tenant reference of the schema as NO ACTION plus a
 * trigger, and the PL/pgSQL workflow node check.
 *
 * @example
 * ```ts
 * import { citusRulesSql } from '@stocksync/db/schema';
 * const { up, down } = citusRulesSql();
 * ```
 */
export function citusRulesSql(): RulesSql {
  const tables = DOMAINS.flatMap((m) => Object.values(m as Record<string, unknown>));
  const setNull = setNullTriggersSql(setNullReferences(tables));
  const workflow = workflowHasNodePlpgsql();
  return { up: `${setNull.up}${BREAKPOINT}${workflow.up}`, down: `${workflow.down}${BREAKPOINT}${setNull.down}` };
}
