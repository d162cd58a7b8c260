import type { Request } from 'express';
import type { Locale } from '../quote/quote-input';

/** The answer's language: the body's `locale`, else `Accept-Language` (es or en), else English. */
export function requestLocale(req: Request, body?: { locale?: Locale }): Locale {
  if (body?.locale) return body.locale;
  if (!req.headers['accept-language']) return 'en';
  const accepted = req.acceptsLanguages('es', 'en');
  return accepted === 'es' ? 'es' : 'en';
}
