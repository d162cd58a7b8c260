import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { problem, sendProblem } from '../problem';
import { requestLocale } from '../request-locale';
import type { AccessConfig } from './access-config';
import { apiKeyOf } from './api-client';

/**
 * Requests a minute per API key (express-rate-limit, fixed one-minute
 * window, counted in this process's memory: with N instances behind a load
 * balancer a key gets up to N times its limit). 429 problem+json with
 * Retry-After (RFC 9110 §10.2.3) and the RateLimit / RateLimit-Policy
 * headers of draft-ietf-httpapi-ratelimit-headers-07. Runs after the key
 * guard; a no-op when no keys are configured.
 */
export function perKeyRateLimit(config: AccessConfig): RequestHandler {
  if (config.keys.length === 0) return (_req, _res, next) => next();
  const limitOf = (res: Response) => apiKeyOf(res)?.ratePerMinute ?? config.ratePerMinute;
  return rateLimit({
    windowMs: 60_000,
    limit: (_req: Request, res: Response) => limitOf(res),
    keyGenerator: (_req: Request, res: Response) => apiKeyOf(res)?.name ?? '(none)',
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Keyed by API key, never by IP address: the library's IP and proxy checks do not apply.
    validate: false,
    handler: (req: Request, res: Response) => {
      const es = requestLocale(req) === 'es';
      const name = apiKeyOf(res)?.name ?? '';
      const retry = res.get('Retry-After') ?? '60';
      sendProblem(res, problem(429, 'RATE_LIMITED', es ? 'Demasiadas solicitudes' : 'Too many requests',
        es
          ? `La clave "${name}" pasó su límite de ${limitOf(res)} solicitudes por minuto; reintente en ${retry} s.`
          : `Key "${name}" is over its limit of ${limitOf(res)} requests a minute; retry in ${retry} s.`));
    },
  });
}
