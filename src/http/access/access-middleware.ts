import type { RequestHandler } from 'express';
import type { AccessConfig } from './access-config';
import { apiKeyGuard } from './api-key-guard';
import { corsPolicy } from './cors-policy';
import { perKeyRateLimit } from './rate-limit';

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
  /** Key guard, then the per-key rate limit. */
  protect: RequestHandler[];
}

export function accessMiddleware(config: AccessConfig | undefined): AccessMiddleware {
  if (!config) return { protect: [] };
  const cors = corsPolicy(config);
  return { ...(cors ? { cors } : {}), protect: config.keys.length > 0 ? [apiKeyGuard(config), perKeyRateLimit(config)] : [] };
}
