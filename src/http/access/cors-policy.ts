import cors from 'cors';
import type { RequestHandler } from 'express';
import type { AccessConfig } from './access-config';

/** Headers a storefront's browser code sends to /quote; each must be allowed in the preflight (Fetch standard, CORS protocol). */
export const CORS_ALLOWED_HEADERS = ['Content-Type', 'Accept-Language', 'Authorization', 'X-Api-Key', 'Idempotency-Key'];
/** Response headers browser code may read: rate-limit state and the replay marker. */
export const CORS_EXPOSED_HEADERS = ['Retry-After', 'RateLimit', 'RateLimit-Policy', 'Idempotent-Replayed'];

/**
 * CORS for the quote routes: only the configured origins get
 * Access-Control-Allow-Origin; others get no CORS headers, so the browser
 * blocks the answer. No credentials: keys travel in headers, never cookies.
 * Preflights (OPTIONS) are answered here, before the key guard, because
 * browsers send them without the key.
 */
export function corsPolicy(config: AccessConfig): RequestHandler | undefined {
  if (config.corsOrigins.length === 0) return undefined;
  return cors({
    origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  });
}
