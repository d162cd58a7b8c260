import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';

/** WORKERS: how many processes serve (default: the number of CPUs). */
export function workerCountFromEnv(env: NodeJS.ProcessEnv): { ok: true; count: number } | { ok: false; message: string } {
  if (env.WORKERS === undefined || env.WORKERS === '') return { ok: true, count: availableParallelism() };
  const n = Number(env.WORKERS);
  if (!Number.isInteger(n) || n < 1 || n > 256) return { ok: false, message: `WORKERS must be a whole number from 1 to 256, got "${env.WORKERS}"` };
  return { ok: true, count: n };
}

/** A worker that dies this soon after starting counts towards a crash loop. */
const EARLY_DEATH_MS = 5_000;
const MAX_EARLY_DEATHS = 5;

/**
 * Run the service under Node's cluster module: the primary forks `count`
 * workers sharing the port, replaces one that dies, and on SIGTERM/SIGINT
 * asks every worker to drain its in-flight requests and exits when all have.
 */
export function runCluster(count: number, startWorker: () => void, logger: Logger): void {
  if (!cluster.isPrimary) {
    startWorker();
    return;
  }
  let stopping = false;
  let earlyDeaths = 0;
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(), Date.now());
  for (let i = 0; i < count; i++) fork();
  logger.info({ workers: count }, 'cluster started');

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'worker died');
    if (lived < EARLY_DEATH_MS && ++earlyDeaths >= MAX_EARLY_DEATHS) {
      logger.fatal(`${MAX_EARLY_DEATHS} workers died within ${EARLY_DEATH_MS} ms of starting: giving up`);
      process.exit(1);
    }
    fork();
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'cluster shutting down: workers drain in-flight requests');
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000) + 1_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
