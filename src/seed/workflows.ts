// Seeds workflows: valid node/edge definitions, executions in every state, their step runs and approvals.
import {
  workflowApprovals,
  workflowExecutions,
  workflows,
  workflowSteps,
  type NewWorkflow,
  type NewWorkflowApproval,
  type NewWorkflowExecution,
  type NewWorkflowStep,
  type WorkflowDefinition,
} from '../schema/index.js';
import { activeUsers, type TenantSeedContext } from './context.js';
import { capped } from './projects.js';
import { addDays, SEED_EPOCH } from './random.js';
import { sentences, WORKFLOW_NAMES } from './words.js';

const MINUTE = 60_000;

/** A linear approval workflow: start -> task -> approval -> action -> end. */
function definition(name: string): WorkflowDefinition {
  return {
    nodes: [
      { id: 'start', type: 'start', name: 'Start' },
      { id: 'prepare', type: 'task', name: `Prepare ${name.toLowerCase()}` },
      { id: 'approve', type: 'approval', name: 'Manager approval', config: { approvers: 'role:admin' } },
      { id: 'apply', type: 'action', name: 'Apply', config: { action: 'notify' } },
      { id: 'end', type: 'end', name: 'Done' },
    ],
    edges: [
      { from: 'start', to: 'prepare' },
      { from: 'prepare', to: 'approve' },
      { from: 'approve', to: 'apply', condition: 'approved' },
      { from: 'apply', to: 'end' },
    ],
  };
}

const ORDER = ['start', 'prepare', 'approve', 'apply', 'end'] as const;

/**
 * Seeds 2-4 workflows (one may be a draft), 4-12 executions of each active one with their step
 * runs, and an approval for every execution that reached the approval step.
 *
 * @example
 * ```ts
 * import { seedWorkflows } from '@stocksync/db/seed';
 * ```
 */
export function seedWorkflows(ctx: TenantSeedContext): void {
  const rng = ctx.rng('workflows');
  const { tenantId } = ctx;
  const people = activeUsers(ctx);
  const admins = people.filter((u) => u.role === 'owner' || u.role === 'admin');
  const projectRefs = (ctx.refs.projects as Array<{ id: string }> | undefined) ?? [];
  const flows: NewWorkflow[] = [];
  const runs: NewWorkflowExecution[] = [];
  const steps: NewWorkflowStep[] = [];
  const approvals: NewWorkflowApproval[] = [];
  for (const name of rng.sample(WORKFLOW_NAMES, rng.int(2, 4))) {
    const at = rng.between(addDays(ctx.tenant.createdAt, 10), addDays(new Date(SEED_EPOCH), -60));
    const id = rng.uuid(at);
    const status = rng.weighted([['active', 6], ['draft', 1], ['paused', 1]] as const);
    const ttl = rng.pick([3, 7, 14]);
    flows.push({
      tenantId,
      id,
      projectId: projectRefs.length && rng.chance(0.4) ? rng.pick(projectRefs).id : null,
      name,
      description: sentences(rng, 1, 1),
      workflowType: rng.pick(['approval', 'automation', 'review'] as const),
      version: 1,
      status,
      definition: definition(name),
      triggers: [{ type: 'manual' }],
      approvalTtlDays: ttl,
      createdBy: rng.pick(admins.length ? admins : people).id,
      publishedAt: status === 'draft' ? null : addDays(at, 1),
      createdAt: at,
      updatedAt: addDays(at, 1),
    });
    if (status === 'draft') continue;
    for (let n = rng.int(4, 12); n > 0; n--) {
      const started = rng.between(addDays(at, 2), addDays(new Date(SEED_EPOCH), -1));
      const outcome = rng.weighted([['completed', 6], ['running', 2], ['failed', 1], ['cancelled', 1]] as const);
      // How far the run got: completed runs pass every node; others stop partway.
      const reached = outcome === 'completed' ? ORDER.length : rng.int(2, 3);
      const execId = rng.uuid(started);
      let clock = started.getTime();
      const stepTimes: Array<{ node: string; start: Date; end: Date | null; status: NewWorkflowStep['status'] }> = [];
      for (let s = 0; s < reached; s++) {
        const begin = new Date(clock);
        clock += rng.int(1, s === 2 ? 2000 : 120) * MINUTE;
        const last = s === reached - 1;
        const open = last && outcome === 'running';
        const failed = last && outcome === 'failed';
        stepTimes.push({
          node: ORDER[s]!,
          start: begin,
          end: open ? null : capped(new Date(clock)),
          status: open ? (ORDER[s] === 'approve' ? 'waiting' : 'running') : failed ? 'failed' : last && outcome === 'cancelled' ? 'skipped' : 'completed',
        });
      }
      const finished = outcome === 'running' ? null : stepTimes[stepTimes.length - 1]!.end ?? capped(new Date(clock));
      const trigger = rng.pick(people);
      runs.push({
        tenantId,
        id: execId,
        workflowId: id,
        triggeredBy: trigger.id,
        triggerType: rng.pick(['manual', 'manual', 'event', 'scheduled'] as const),
        status: outcome,
        currentStep: stepTimes[stepTimes.length - 1]!.node,
        startedAt: started,
        completedAt: finished,
        errorMessage: outcome === 'failed' ? 'Supplier API timed out after 3 retries.' : null,
        contextData: { amountCents: rng.int(1_000, 500_000), requestedBy: trigger.email },
        createdAt: started,
        updatedAt: finished ?? started,
      });
      for (const st of stepTimes) {
        const stepId = rng.uuid(st.start);
        steps.push({
          tenantId,
          id: stepId,
          executionId: execId,
          nodeId: st.node,
          name: st.node,
          status: st.status,
          attempt: 1,
          input: {},
          output: st.status === 'completed' ? { ok: true } : {},
          errorMessage: st.status === 'failed' ? 'Supplier API timed out after 3 retries.' : null,
          startedAt: st.start,
          completedAt: st.end,
          createdAt: st.start,
          updatedAt: st.end ?? st.start,
        });
        if (st.node === 'approve') {
          const waiting = st.status === 'waiting';
          const decided = !waiting && st.status === 'completed';
          approvals.push({
            tenantId,
            id: rng.uuid(st.start),
            executionId: execId,
            stepId,
            approverId: rng.pick(admins.length ? admins : people).id,
            requestedBy: trigger.id,
            // A request older than the workflow's TTL has expired (what the reaper would have recorded).
            status: waiting ? (st.start.getTime() + ttl * 86_400_000 < SEED_EPOCH ? 'expired' : 'pending') : decided ? 'approved' : 'cancelled',
            comment: decided ? rng.pick(['Looks good.', 'Approved within budget.', 'OK']) : '',
            requestedAt: st.start,
            // What the expiry trigger stamps on insert (the same value, so a trusted load matches).
            expiresAt: addDays(st.start, ttl),
            decidedAt: decided ? st.end : null,
            createdAt: st.start,
            updatedAt: st.end ?? st.start,
          });
        }
      }
    }
  }
  ctx.batch.push(workflows, flows);
  ctx.batch.push(workflowExecutions, runs);
  ctx.batch.push(workflowSteps, steps);
  ctx.batch.push(workflowApprovals, approvals);
}
