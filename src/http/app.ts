import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from './app-deps';
import { dataStatusHandler } from './data-status-route';
import { buildOpenApiDocument } from './openapi';
import { problem, sendProblem } from './problem';
import { quoteHandler } from './quote-route';
import { requestLocale } from './request-locale';
import { webRoutes } from './web-routes';
import { quoteByIdHandler } from './quotes-by-id-route';
import { accessMiddleware } from './access/access-middleware';
import { shopifyRatesRoute } from '../integrations/shopify/shopify-rates-route';

/** The bytes of a JSON body, kept for the response cache's exact-request key. */
function keepRawBody(req: IncomingMessage, _res: ServerResponse, buf: Buffer): void {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = buf;
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Build the Express app from its dependencies; tests start it on port 0 with fixtures. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
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

  const access = accessMiddleware(deps.access);
  if (access.cors) app.use(['/quote', '/quotes'], access.cors);
  app.post('/quote', ...access.protect, express.json({ limit: deps.bodyLimit ?? '1mb', strict: true, type: ['application/json', 'application/*+json'], verify: keepRawBody }), quoteHandler(deps));
  app.get('/quotes/:id', ...access.protect, quoteByIdHandler(deps));
  if (deps.shopify) app.post('/integrations/shopify/rates', ...shopifyRatesRoute(deps, deps.shopify));

  app.use((req: Request, res: Response) => {
    const es = requestLocale(req) === 'es';
    sendProblem(res, problem(404, 'NOT_FOUND', es ? 'No encontrado' : 'Not found', es ? `No existe ${req.method} ${req.path}.` : `There is no ${req.method} ${req.path}.`));
  });

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const es = requestLocale(req) === 'es';
    const e = (err ?? {}) as BodyParserError;
    if (e.type === 'entity.parse.failed') {
      sendProblem(res, problem(400, 'MALFORMED_JSON', es ? 'JSON mal formado' : 'Malformed JSON', es ? 'El cuerpo no es JSON válido.' : 'The body is not valid JSON.', [{ path: '(body)', message: (err as Error).message }]));
      return;
    }
    if (e.type === 'entity.too.large') {
      sendProblem(res, problem(413, 'BODY_TOO_LARGE', es ? 'Cuerpo demasiado grande' : 'Body too large', es ? `El cuerpo supera el límite de ${deps.bodyLimit ?? '1mb'}.` : `The body is over the ${deps.bodyLimit ?? '1mb'} limit.`));
      return;
    }
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
      sendProblem(res, problem(415, 'UNSUPPORTED_ENCODING', es ? 'Codificación no admitida' : 'Unsupported encoding', es ? 'Use UTF-8 sin compresión desconocida.' : 'Use UTF-8 and a supported content encoding.'));
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      sendProblem(res, problem(e.status, 'BAD_REQUEST', es ? 'Solicitud incorrecta' : 'Bad request', (err as Error).message));
      return;
    }
    deps.logger.error({ err }, 'unhandled error');
    sendProblem(res, problem(500, 'INTERNAL', es ? 'Error interno' : 'Internal error', es ? 'Error inesperado; se registró para revisión.' : 'Unexpected error; it was logged for review.'));
  });
  return app;
}
