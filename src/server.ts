import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import pino from 'pino';
import { defaultDataPaths, loadDataSnapshot } from './data/load-data';
import { countryTimeZone, createHolidayCalendar } from './domain/holiday-calendar';
import { createApp } from './http/app';
import { formatProblem } from './schema/data-file';

/** Composition root: load the bundled data, build the app, listen, shut down gracefully. */
function main(): void {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const root = resolve(process.env.FRONTERA_DATA_DIR ?? resolve(__dirname, '..'));
  const { snapshot, problems } = loadDataSnapshot(defaultDataPaths(root));
  for (const p of problems) logger.error({ file: p.file, path: p.path }, `data file rejected: ${formatProblem(p)}`);
  logger.info({ tariffs: [...snapshot.tariffs.keys()], carriers: snapshot.carriers.map((c) => c.id), fx: snapshot.rates.asOf }, 'data loaded');

  const app = createApp({
    data: () => snapshot,
    holidays: createHolidayCalendar(),
    timeZoneOf: countryTimeZone,
    clock: () => new Date(),
    newId: () => `q_${randomUUID().replace(/-/g, '')}`,
    logger,
    bodyLimit: process.env.BODY_LIMIT ?? '1mb',
  });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  const server: Server = app.listen(port, host, () => logger.info({ port, host }, 'Frontera listening'));

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    server.close(() => {
      logger.info('closed');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000)).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();
