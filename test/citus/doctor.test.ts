// `stocksync-db doctor` through a Citus coordinator: the signed context checked on every node, ok on the
// distributed cluster; a worker without the key table fails with a fix, and the fix (`citus distribute`) works.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../integration/cli/run-cli.js';

const url = process.env.CITUS_DATABASE_URL;
// Without a Citus coordinator there is nothing to test here: .ci/parts/70-citus.sh starts one.
const suite = url ? describe : describe.skip;

interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

async function doctor(): Promise<{ code: number | null; checks: Check[] }> {
  const result = await runCli(['doctor', '--url', url!, '--json']);
  return { code: result.code, checks: (JSON.parse(result.stdout) as { checks: Check[] }).checks };
}

let worker: pg.Client; // the superuser on the last worker, straight (not through the coordinator)
let workerNode: number;
let hidden = false;

// Moves the key table out of the way on that worker, or back; DDL propagation off: a local change only.
async function moveKeyTable(from: string, to: string): Promise<void> {
  await worker.query(`begin; set local citus.enable_ddl_propagation = off; alter table stocksync_private.${from} rename to ${to}; commit`);
}

suite('doctor on Citus', () => {
  beforeAll(async () => {
    const coordinator = new pg.Client({ connectionString: url });
    await coordinator.connect();
    const node = (
      await coordinator.query<{ nodeid: number; nodename: string; nodeport: number }>(
        `select nodeid, nodename, nodeport from pg_dist_node where groupid <> 0 and noderole = 'primary' order by groupid desc limit 1`,
      )
    ).rows[0]!;
    await coordinator.end();
    const target = new URL(url!);
    target.hostname = node.nodename;
    target.port = String(node.nodeport);
    worker = new pg.Client({ connectionString: target.toString() });
    await worker.connect();
    workerNode = node.nodeid;
  });
  afterAll(async () => {
    // Put the cluster back as it was whatever happened: the original key table, no leftover copy.
    if (worker && hidden) {
      await worker.query(`begin; set local citus.enable_ddl_propagation = off; drop table if exists stocksync_private.context_key; commit`);
      await moveKeyTable('context_key_hidden', 'context_key');
    }
    await worker?.end();
  });

  it('reports the context on every node as ok on the distributed cluster', async () => {
    const { code, checks } = await doctor();
    const context = checks.find((c) => c.name === 'citus context');
    expect(context?.status).toBe('ok');
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(code).toBe(0);
  });

  it('fails with the node and a fix when a worker lacks the key table, and the fix makes it pass again', async () => {
    await moveKeyTable('context_key', 'context_key_hidden');
    hidden = true;
    const broken = await doctor();
    const context = broken.checks.find((c) => c.name === 'citus context');
    expect(context?.status).toBe('fail');
    expect(context?.detail).toContain(`node ${workerNode}: key: no stocksync_private.context_key table`);
    expect(context?.fix).toMatch(/stocksync-db citus distribute/);
    expect(broken.code).toBe(1);

    const fixed = await runCli(['citus', 'distribute', '--url', url!]);
    expect(fixed.code, fixed.stderr).toBe(0);
    const after = await doctor();
    expect(after.checks.find((c) => c.name === 'citus context')?.status).toBe('ok');
    expect(after.code).toBe(0);
    // The key the fix copied is the coordinator's: the original table was the same key, so put it back.
    await worker.query(`begin; set local citus.enable_ddl_propagation = off; drop table stocksync_private.context_key; commit`);
    await moveKeyTable('context_key_hidden', 'context_key');
    hidden = false;
    expect((await doctor()).checks.find((c) => c.name === 'citus context')?.status).toBe('ok');
  });
});
