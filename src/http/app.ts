import express from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from './app-deps';
import { dataStatusHandler } from './data-status-route';
import { buildOpenApiDocument } from './openapi';
import { quoteHandler } from './quote-route';
import { compareHandler } from './compare-route';
import { errorHandler, notFound, shopifyNotEnabled } from './error-handlers';
import { webRoutes } from './web-routes';
import { quoteByIdHandler } from './quotes-by-id-route';
import { accessMiddleware } from './access/access-middleware';
import { shopifyRatesRoute } from '../integrations/shopify/shopify-rates-route';

/** The bytes of a JSON body, kept for the response cache's exact-request key. */
function keepRawBody(req: IncomingMessage, _res: ServerResponse, buf: Buffer): void {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = buf;
}

/** Build the Express app from its dependencies; tests start it on port 0 with fixtures. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  const openapi = buildOpenApiDocument();

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      deps.logger.info({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
    });
    next();
  });
  // Security headers on every answer (nosniff, frame-ancestors, referrer policy, a strict CSP: the form
  // loads only its own files). The form's page sets its own CSP on top.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"] },
      },
    }),
  );

  app.get('/healthz', (_req, res) => {
    const data = deps.data();
    res.json({
      status: 'ok',
      tariffs: [...data.tariffs.keys()].sort(),
      carriers: data.carriers.map((c) => c.id),
      exchangeRatesAsOf: data.rates.asOf,
    });
  });
  if (deps.dataStatus) app.get('/data/status', dataStatusHandler(deps.dataStatus));
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(webRoutes(deps));

  const access = accessMiddleware(deps.access, deps.rateLimitStores);
  if (access.cors) app.use(['/quote', '/quotes', '/compare'], access.cors);
  app.post('/quote', ...access.protect, express.json({ limit: deps.bodyLimit ?? '1mb', strict: true, type: ['application/json', 'application/*+json'], verify: keepRawBody }), quoteHandler(deps));
  app.post('/compare', ...access.protect, express.json({ limit: deps.bodyLimit ?? '1mb', strict: true, type: ['application/json', 'application/*+json'] }), compareHandler(deps));
  app.get('/quotes/:id', ...access.protect, quoteByIdHandler(deps));
  if (deps.shopify) app.post('/integrations/shopify/rates', ...shopifyRatesRoute(deps, deps.shopify));
  else app.post('/integrations/shopify/rates', shopifyNotEnabled);

  app.use(notFound);
  app.use(errorHandler(deps));
  return app;
}
