// How `migrate up` and `down` show a run: one line per migration, a progress bar (rows/s, ETA) for
// batched data migrations on a terminal, and a data migration's report.
import type { BatchProgress, MigrationEvent } from '@stocksync/db/migrations';
import { color, print, secs } from '../output.js';

/** Progress printer for runs: one line per migration, a bar with rows/s and ETA for batched data migrations. */
export function reporter(json: boolean | undefined) {
  let bar: { update(value: number, payload?: object): void; stop(): void; setTotal(n: number): void } | undefined;
  let barStep = '';
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };
  // Events arrive faster than the module loads: draw them in order on one chain.
  const enabled = !json && Boolean(process.stderr.isTTY);
  const loading = enabled ? import('cli-progress') : undefined;
  let chain = Promise.resolve();
  const progress = (p: BatchProgress) => {
    if (!loading) return;
    chain = chain.then(() => draw(p)).catch(() => {});
  };
  const draw = async (p: BatchProgress) => {
    const key = `${p.migration}:${p.step}`;
    if (!bar || barStep !== key) {
      stopBar();
      const { default: cliProgress } = await loading!;
      const created = new cliProgress.SingleBar(
        {
          format: `  ${p.step} [{bar}] {percentage}% {value}/{total} rows | {rate} rows/s | ETA {eta_text}`,
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );
      created.start(p.total, p.done, { rate: 0, eta_text: '…' });
      bar = created as unknown as typeof bar;
      barStep = key;
    }
    bar!.update(p.done, { rate: p.rowsPerSecond.toLocaleString('en-US'), eta_text: p.etaMs === null ? '…' : secs(p.etaMs) });
  };
  const onEvent = (event: MigrationEvent) => {
    if (json) return;
    if (event.type === 'lock-wait') process.stderr.write(color.yellow('waiting for another migration runner to release the lock…\n'));
    else if (event.type === 'start') {
      const mode = event.transaction ? '' : color.yellow(' (outside a transaction)');
      process.stderr.write(color.dim(`${event.direction === 'up' ? '↑' : '↓'} ${event.name} (${event.kind})${mode}\n`));
    } else if (event.type === 'progress') progress(event.progress);
    else if (event.type === 'log') {
      stopBar();
      print(`  ${event.message}`);
    } else if (event.type === 'done') {
      stopBar();
      print(`${color.green(event.direction === 'up' ? '✓ applied ' : '✓ reverted')} ${event.name} ${color.dim(`${event.durationMs} ms`)}`);
    } else if (event.type === 'failed') stopBar();
  };
  return { onEvent, stop: stopBar };
}

/** A data migration's report: scalars and counts on one line, a quarantine list one row per line. */
export function printReport(name: string, report: unknown): void {
  if (!report || typeof report !== 'object') return print(`${color.bold(name)}: ${String(report)}`);
  const { quarantine, ...rest } = report as { quarantine?: Array<Record<string, unknown>> } & Record<string, unknown>;
  print(`${color.bold(name)}: ${JSON.stringify(rest)}`);
  for (const row of quarantine ?? []) {
    print(color.yellow(`  quarantined ${String(row.sourceTable)} #${String(row.legacyId)} (tenant_id ${JSON.stringify(row.tenantRef)}): ${String(row.reason)}`));
  }
}
