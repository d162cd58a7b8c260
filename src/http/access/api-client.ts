import type { Response } from 'express';
import type { ApiKey } from './access-config';

/**
 * The API key that authenticated this request, kept in `res.locals` by the
 * key guard; undefined when the service runs without keys.
 */
export function apiKeyOf(res: Response): ApiKey | undefined {
  return (res.locals as { apiKey?: ApiKey }).apiKey;
}

export function apiClientOf(res: Response): string | undefined {
  return apiKeyOf(res)?.name;
}

export function setApiKey(res: Response, key: ApiKey): void {
  (res.locals as { apiKey?: ApiKey }).apiKey = key;
}
