import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { problem, sendProblem } from '../problem';
import { requestLocale } from '../request-locale';
import type { AccessConfig, ApiKey } from './access-config';
import { apiKeyOf, setApiKey } from './api-client';

/** The key from `Authorization: Bearer <key>` (RFC 6750 §2.1) or `X-Api-Key: <key>`. */
export function presentedKey(req: Request): string | undefined {
  const auth = req.get('Authorization');
  const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  if (bearer) return bearer;
  const header = req.get('X-Api-Key')?.trim();
  return header ? header : undefined;
}

/**
 * Compares the hash of the presented key with every configured hash in
 * constant time, and looks at all of them, so the answer time says nothing
 * about which hash came close.
 */
export function matchKey(keys: readonly ApiKey[], presented: string): ApiKey | undefined {
  const digest = createHash('sha256').update(presented, 'utf8').digest();
  let found: ApiKey | undefined;
  for (const k of keys) {
    if (timingSafeEqual(digest, Buffer.from(k.sha256, 'hex')) && !found) found = k;
  }
  return found;
}

/** Finds the configured key the request carries, if any, and keeps it for the middleware after; never answers. */
export function identifyApiKey(config: AccessConfig): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const presented = config.keys.length > 0 ? presentedKey(req) : undefined;
    const key = presented ? matchKey(config.keys, presented) : undefined;
    if (key) setApiKey(res, key);
    next();
  };
}

/** 401 problem+json unless `identifyApiKey` found a configured key; a no-op when no keys are configured. */
export function apiKeyGuard(config: AccessConfig): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (config.keys.length === 0 || apiKeyOf(res)) {
      next();
      return;
    }
    const es = requestLocale(req) === 'es';
    res.set('WWW-Authenticate', 'Bearer realm="frontera"');
    sendProblem(res, presentedKey(req)
      ? problem(401, 'API_KEY_INVALID', es ? 'Clave de API no válida' : 'Invalid API key',
        es ? 'La clave enviada no es una de las claves configuradas en este servicio.' : 'The key sent is not one of the keys configured on this service.')
      : problem(401, 'API_KEY_REQUIRED', es ? 'Falta la clave de API' : 'API key required',
        es ? 'Envíe su clave en "Authorization: Bearer <clave>" o en "X-Api-Key".' : 'Send your key as "Authorization: Bearer <key>" or in "X-Api-Key".'));
  };
}
