import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import pino from 'pino';
import { checkHttpCarrierSettings } from './carriers/carrier-registry';
import { DataStore } from './data/data-store';
import { watchDataFolders } from './data/data-watcher';
import { defaultDataPaths } from './data/load-data';
import { countryTimeZone, createHolidayCalendar } from './domain/holiday-calendar';
import { createApp } from './http/app';
import { gracefulClose } from './http/graceful-close';
import { warmBundledHsSearch } from './http/web-routes';
import { liveFxConfigFromEnv } from './fx/live/live-fx-config';
import { LiveRates } from './fx/live/live-rates';
import { composeRates, loadRateLayers } from './fx/snapshot-loader';
import { formatProblem } from './schema/data-file';
import { accessConfigFromEnv } from './http/access/access-config';
import { shopifyConfigFromEnv } from './integrations/shopify/shopify-config';
import { openQuoteStore } from './store/open-quote-store';
import { QuoteResponseCache } from './http/quote-cache';
import cluster from 'node:cluster';
import { clusterShutdownStep, DRAIN, runCluster, STOP_ACCEPTING, STOPPED_ACCEPTING_MESSAGE, workerCountFromEnv, workerRateLimitStores } from './cluster';

/** Expired quotes are deleted this often; reads already ignore them, this only frees the space. */
const PURGE_EVERY_MS = 3_600_000;

/**
 * Composition root: load the data files into a hot-reloading store, watch
 * their folders, start the live exchange-rate feeds (on in production), build
 * the app, listen, shut down gracefully.
 */
async function main(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const root = resolve(process.env.FRONTERA_DATA_DIR ?? resolve(__dirname, '..'));
  const paths = defaultDataPaths(root);
  const fx = liveFxConfigFromEnv(process.env);
  const rateLayers = loadRateLayers(paths);
  // The store logs every file it loads or rejects, with file:line:column.
  const store = DataStore.open({ tariffsDir: paths.tariffsDir, carriersDir: paths.carriersDir, rates: composeRates(rateLayers), logger });
  const snapshot = store.snapshot();
  for (const p of checkHttpCarrierSettings(process.env)) logger.error({ variable: p.path }, `carrier setting rejected: ${formatProblem(p)}`);
  logger.info({ tariffs: [...snapshot.tariffs.keys()], carriers: snapshot.carriers.map((c) => c.id), fx: snapshot.rates.asOf }, 'data loaded');
  // The form's HS code search: indexed now, so the first suggestion does not wait for it.
  warmBundledHsSearch(logger);

  // Quotes start on the bundled tables; live feeds (on by default in production) swap them in when they answer.
  const live = new LiveRates(rateLayers, fx, { logger, onChange: (rates) => store.setRates(rates) });
  void live.start();
  const watcher = process.env.DATA_WATCH === 'off' ? undefined : watchDataFolders(store, { logger, debounceMs: Number(process.env.DATA_WATCH_DEBOUNCE_MS ?? 300) });

  // Checkout integration: a bad key, origin or catalogue stops the start-up rather than serving unprotected or wrong rates.
  const { store: quotes, where } = await openQuoteStore(process.env, root);
  logger.info({ store: where }, 'quote store open');
  const access = accessConfigFromEnv(process.env, (file) => readFileSync(resolve(root, file), 'utf8'));
  if (access.keys.length === 0) logger.warn('no API keys configured: POST /quote and GET /quotes/:id are open to anyone who can reach this port');
  const shopify = shopifyConfigFromEnv(process.env, root);
  if (shopify && !shopify.hmacSecret) logger.warn('SHOPIFY_HMAC_SECRET is not set: anyone can call POST /integrations/shopify/rates');
  if (shopify) logger.info({ products: shopify.catalogue.size, incoterm: shopify.incoterm, timeBudgetMs: shopify.timeBudgetMs, fallback: shopify.fallback !== undefined }, 'Shopify rates enabled');
  const purge = setInterval(() => {
    quotes.purgeExpired(new Date()).catch((err: unknown) => logger.error({ err }, 'purging expired quotes failed'));
  }, PURGE_EVERY_MS).unref();

  const rateLimitStores = workerRateLimitStores();
  const app = createApp({
    store: quotes,
    access,
    ...(shopify ? { shopify } : {}),
    data: () => store.snapshot(),
    dataStatus: () => ({ ...store.status(), exchangeRates: live.status() }),
    fxMaxAgeDays: fx.maxAgeDays,
    holidays: createHolidayCalendar(),
    timeZoneOf: countryTimeZone,
    clock: () => new Date(),
    newId: () => `q_${randomUUID().replace(/-/g, '')}`,
    logger,
    bodyLimit: process.env.BODY_LIMIT ?? '1mb',
    ...quoteCacheFromEnv(process.env),
    ...(rateLimitStores ? { rateLimitStores } : {}),
    ...trustProxyFromEnv(process.env),
  });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  // The port actually bound: PORT=0 asks the OS for a free one (tests start the service that way).
  const server: Server = app.listen(port, host, () => logger.info({ port: (server.address() as AddressInfo).port, host }, 'Frontera listening'));

  shutDownOnSignal(server, logger, () => {
    watcher?.close();
    live.stop();
    clearInterval(purge);
  }, () => quotes.close());
}

/**
 * SIGTERM / SIGINT: stop the timers and watchers (`stopWork`), answer every
 * request already received and close (see gracefulClose), close the quote
 * store, exit 0; SHUTDOWN_TIMEOUT_MS (default 10 s) is the hard stop. Under
 * the cluster module the primary asks each worker to stop accepting first,
 * then to drain (src/cluster.ts).
 */
function shutDownOnSignal(server: Server, logger: pino.Logger, stopWork: () => void, closeStore: () => Promise<void>): void {
  const closing = gracefulClose(server);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: answering every request already received, then closing');
    stopWork();
    void closing.close().then(() => {
      logger.info('closed');
      void closeStore().finally(() => process.exit(0));
    });
    setTimeout(() => {
      logger.error('shutdown timeout: exiting with requests still open');
      process.exit(1);
    }, Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000)).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (!cluster.isWorker) return;
  process.on('message', (message: unknown) => {
    const step = clusterShutdownStep(message);
    if (step === STOP_ACCEPTING) {
      closing.stopAccepting();
      process.send?.(STOPPED_ACCEPTING_MESSAGE);
    } else if (step === DRAIN) {
      shutdown('cluster shutdown');
    }
  });
}

/** QUOTE_CACHE_TTL_SECONDS (default 60, 0 = off) and QUOTE_CACHE_MAX_ENTRIES (default 10000). */
function quoteCacheFromEnv(env: NodeJS.ProcessEnv): { quoteCache?: QuoteResponseCache } {
  const ttl = Number(env.QUOTE_CACHE_TTL_SECONDS ?? 60);
  const max = Number(env.QUOTE_CACHE_MAX_ENTRIES ?? 10_000);
  if (!Number.isInteger(ttl) || ttl < 0) throw new Error(`QUOTE_CACHE_TTL_SECONDS must be a whole number of seconds, got "${env.QUOTE_CACHE_TTL_SECONDS}"`);
  if (!Number.isInteger(max) || max < 1) throw new Error(`QUOTE_CACHE_MAX_ENTRIES must be a whole number of at least 1, got "${env.QUOTE_CACHE_MAX_ENTRIES}"`);
  return ttl === 0 ? {} : { quoteCache: new QuoteResponseCache(ttl, max) };
}

/**
 * TRUST_PROXY: Express's "trust proxy" (RFC 7239 hops whose X-Forwarded-For names the client), which the
 * per-address limit on failed keys keys on. Unset: none, the socket's address. "true", a hop count or addresses.
 */
function trustProxyFromEnv(env: NodeJS.ProcessEnv): { trustProxy?: boolean | number | string } {
  const value = env.TRUST_PROXY?.trim();
  if (!value) return {};
  if (value === 'true' || value === 'false') return { trustProxy: value === 'true' };
  return { trustProxy: /^\d+$/.test(value) ? Number(value) : value };
}

function startWorker(): void {
  main().catch((err: unknown) => {
    pino().fatal({ err }, `Frontera did not start: ${(err as Error).message}`);
    process.exit(1);
  });
}

const workers = workerCountFromEnv(process.env);
if (!workers.ok) {
  pino().fatal(workers.message);
  process.exit(1);
} else if (workers.count > 1) {
  runCluster(workers.count, startWorker, pino({ level: process.env.LOG_LEVEL ?? 'info' }));
} else {
  startWorker();
}
