import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ClusterMemoryStorePrimary, ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import type { Logger } from 'pino';
import type { RateLimitStores } from './http/access/rate-limit';

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
/** The longest the primary waits for every worker to stop accepting before telling them to drain anyway. */
const STOP_ACCEPTING_WAIT_MS = 2_000;

/** The shutdown steps the primary sends its workers, in this order. */
export const STOP_ACCEPTING = 'stop-accepting';
export const DRAIN = 'drain';
const STOPPED_ACCEPTING = 'stopped-accepting';
export const STOPPED_ACCEPTING_MESSAGE = { frontera: STOPPED_ACCEPTING };

/** The step a message from the primary asks for, if it is one of ours. */
export function clusterShutdownStep(message: unknown): string | undefined {
  const step = (message as { frontera?: unknown } | null)?.frontera;
  return typeof step === 'string' ? step : undefined;
}

/**
 * Rate-limit counts for a worker: kept by the primary (one count per key for
 * all workers, @express-rate-limit/cluster-memory-store), so a key gets its
 * limit on this machine, not WORKERS times it. Undefined outside a worker:
 * the app then counts in its own memory.
 */
export function workerRateLimitStores(): RateLimitStores | undefined {
  return cluster.isWorker ? (prefix) => new ClusterMemoryStoreWorker({ prefix }) : undefined;
}

/**
 * Run the service under Node's cluster module: the primary forks `count`
 * workers sharing the port, keeps the rate-limit counts for all of them,
 * replaces a worker that dies, and on SIGTERM/SIGINT shuts down in two steps
 * (see `shutDownWorkers`), exiting when every worker has.
 */
export function runCluster(count: number, startWorker: () => void, logger: Logger): void {
  if (!cluster.isPrimary) {
    startWorker();
    return;
  }
  new ClusterMemoryStorePrimary().init();
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
    logger.info({ signal }, 'cluster shutting down: workers stop accepting, then answer what they received');
    shutDownWorkers(logger);
    setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000) + 1_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * First every worker stops accepting, so the shared port closes; only then do
 * they drain (answers with `Connection: close`). Were a worker to drain while
 * another still accepted, a client told to reconnect would be handed to a
 * listener about to close, and reset.
 */
function shutDownWorkers(logger: Logger): void {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const waiting = new Set(workers.map((w) => w.id));
  let drained = false;
  const drainAll = () => {
    if (drained) return;
    drained = true;
    for (const w of workers) if (w.isConnected()) w.send({ frontera: DRAIN });
  };
  const settle = (worker: Worker) => {
    waiting.delete(worker.id);
    if (waiting.size === 0) drainAll();
  };
  cluster.on('message', (worker, message) => {
    if (clusterShutdownStep(message) === STOPPED_ACCEPTING) settle(worker);
  });
  cluster.on('exit', settle);
  for (const w of workers) w.send({ frontera: STOP_ACCEPTING });
  setTimeout(() => {
    if (!drained) logger.warn({ waiting: [...waiting] }, 'workers slow to stop accepting: draining anyway');
    drainAll();
  }, STOP_ACCEPTING_WAIT_MS).unref();
}
