import type { RequestHandler } from 'express';
import type { AccessConfig } from './access-config';
import { apiKeyGuard, identifyApiKey } from './api-key-guard';
import { corsPolicy } from './cors-policy';
import { failedKeyRateLimit, perKeyRateLimit, type RateLimitStores } from './rate-limit';

/**
 * Which routes need a key (when keys are configured): POST /quote and
 * GET /quotes/:id, the routes that cost work or return a shop's data.
 * Public: GET / (the form), /healthz, /openapi.json, and the Shopify
 * callback, which Shopify cannot send a key to and which is authenticated
 * by its HMAC signature instead.
 */
export interface AccessMiddleware {
  /** Mounted on the quote routes before anything else, so preflights never need a key. */
  cors?: RequestHandler;
  /** Which key the request carries, the per-address limit on requests without a valid one, the key guard, the per-key limit. */
  protect: RequestHandler[];
}

export function accessMiddleware(config: AccessConfig | undefined, stores?: RateLimitStores): AccessMiddleware {
  if (!config) return { protect: [] };
  const cors = corsPolicy(config);
  const protect = config.keys.length > 0
    ? [identifyApiKey(config), failedKeyRateLimit(config, stores), apiKeyGuard(config), perKeyRateLimit(config, stores)]
    : [];
  return { ...(cors ? { cors } : {}), protect };
}
