import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { problem, sendProblem } from '../problem';
import { requestLocale } from '../request-locale';
import { DEFAULT_FAILED_KEY_ATTEMPTS_PER_MINUTE, type AccessConfig } from './access-config';
import { apiKeyOf } from './api-client';

/**
 * Where the counts live, by limiter name. Default: this process's memory.
 * Under the cluster module every worker must count in one place (the
 * primary, see server.ts), or a key would get WORKERS times its limit.
 */
export type RateLimitStores = (prefix: string) => Store;

/** The store for one limiter, or express-rate-limit's own memory store. */
function storeOption(stores: RateLimitStores | undefined, prefix: string): { store?: Store } {
  return stores ? { store: stores(prefix) } : {};
}

/** What both limiters share: a fixed one-minute window, RateLimit / RateLimit-Policy (draft-7) and Retry-After. */
const COMMON = {
  windowMs: 60_000,
  standardHeaders: 'draft-7' as const,
  legacyHeaders: false,
  // A store that cannot answer (the cluster primary busy past the worker's wait) must not turn requests into 500s.
  passOnStoreError: true,
};

/**
 * Requests a minute per API key (express-rate-limit, fixed one-minute
 * window). 429 problem+json with Retry-After (RFC 9110 §10.2.3) and the
 * RateLimit / RateLimit-Policy headers of
 * draft-ietf-httpapi-ratelimit-headers-07. Runs after the key guard; a
 * no-op when no keys are configured.
 */
export function perKeyRateLimit(config: AccessConfig, stores?: RateLimitStores): RequestHandler {
  if (config.keys.length === 0) return (_req, _res, next) => next();
  const limitOf = (res: Response) => apiKeyOf(res)?.ratePerMinute ?? config.ratePerMinute;
  return rateLimit({
    ...COMMON,
    ...storeOption(stores, 'per-key'),
    limit: (_req: Request, res: Response) => limitOf(res),
    keyGenerator: (_req: Request, res: Response) => apiKeyOf(res)?.name ?? '(none)',
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

/**
 * Requests without a valid key, a minute per client address (req.ip; see
 * TRUST_PROXY behind a proxy): each would be a 401, and past the limit the
 * address gets 429 instead, so keys cannot be guessed at speed and the 401
 * path cannot be used to load the service. A request with a valid key is
 * never counted nor refused here. Runs before the key guard.
 */
export function failedKeyRateLimit(config: AccessConfig, stores?: RateLimitStores): RequestHandler {
  if (config.keys.length === 0) return (_req, _res, next) => next();
  const limit = config.failedKeyAttemptsPerMinute ?? DEFAULT_FAILED_KEY_ATTEMPTS_PER_MINUTE;
  return rateLimit({
    ...COMMON,
    ...storeOption(stores, 'failed-key'),
    limit,
    skip: (_req: Request, res: Response) => apiKeyOf(res) !== undefined,
    // The default key is the client address (IPv6 by /56); X-Forwarded-For is only read when TRUST_PROXY says so.
    validate: { xForwardedForHeader: false, trustProxy: false },
    handler: (req: Request, res: Response) => {
      const es = requestLocale(req) === 'es';
      const retry = res.get('Retry-After') ?? '60';
      res.set('WWW-Authenticate', 'Bearer realm="frontera"');
      sendProblem(res, problem(429, 'TOO_MANY_FAILED_KEYS', es ? 'Demasiados intentos sin clave válida' : 'Too many attempts without a valid key',
        es
          ? `Esta dirección envió más de ${limit} solicitudes por minuto sin una clave válida; reintente en ${retry} s con una clave configurada.`
          : `This address sent more than ${limit} requests a minute without a valid key; retry in ${retry} s with a configured key.`));
    },
  });
}
