import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from './app-deps';
import { problem, sendProblem } from './problem';
import { requestLocale } from './request-locale';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Any path the app does not serve: 404 problem+json in the request's language. */
export function notFound(req: Request, res: Response): void {
  const es = requestLocale(req) === 'es';
  sendProblem(res, problem(404, 'NOT_FOUND', es ? 'No encontrado' : 'Not found', es ? `No existe ${req.method} ${req.path}.` : `There is no ${req.method} ${req.path}.`));
}

/**
 * The Shopify callback when SHOPIFY_CATALOGUE is not set: still 404 (the
 * route is not served), but saying how to turn it on, since the README's
 * "try it" call lands here on a default start.
 */
export function shopifyNotEnabled(req: Request, res: Response): void {
  const es = requestLocale(req) === 'es';
  sendProblem(
    res,
    problem(
      404,
      'SHOPIFY_NOT_ENABLED',
      es ? 'Integración con Shopify desactivada' : 'Shopify integration not enabled',
      es
        ? `No existe ${req.method} ${req.path}: la integración con Shopify se activa al definir SHOPIFY_CATALOGUE con el catálogo de productos (p. ej. SHOPIFY_CATALOGUE=data/catalogue.json) y reiniciar el servicio; vea "Shopify" en el README.`
        : `There is no ${req.method} ${req.path}: the Shopify integration is turned on by setting SHOPIFY_CATALOGUE to the product catalogue (e.g. SHOPIFY_CATALOGUE=data/catalogue.json) and restarting the service; see "Shopify" in the README.`,
    ),
  );
}

/**
 * Errors Express hands on: body-parser's (400 malformed JSON, 413 too large,
 * 415 encoding) and any other 4xx as problem+json; anything else is a 500
 * that is logged and says nothing about the inside (no stack, no path).
 */
export function errorHandler(deps: Pick<AppDeps, 'logger' | 'bodyLimit'>) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
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
  };
}
