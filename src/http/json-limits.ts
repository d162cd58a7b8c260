import type { FieldError } from '../quote/quote-error';
import type { Locale } from '../quote/quote-input';

/**
 * Bounds on the shape of a parsed JSON body, checked before the schema reads
 * it, so that no field, read or ignored, can make validation, error messages
 * or the idempotency hash recurse deeply or copy huge strings (README
 * "Limits"). The deepest field a `/quote` body needs is 4 levels down
 * (`items[0].unitPrice.amount`); a Shopify rate request 5 plus its free-form
 * `properties`.
 */
export const MAX_JSON_DEPTH = 16;
/** Longest string anywhere in a `/quote` body: the longest field it reads, `description`, takes 500. */
export const MAX_QUOTE_STRING_LENGTH = 1_000;
/** Longest string in a Shopify rate request: line-item `properties` carry the buyer's own text. */
export const MAX_SHOPIFY_STRING_LENGTH = 10_000;
/** Longest array anywhere: `items` takes up to 1,000 lines. */
export const MAX_JSON_ARRAY_LENGTH = 1_000;

export interface JsonLimits {
  maxDepth: number;
  maxStringLength: number;
  maxArrayLength: number;
}

export const QUOTE_JSON_LIMITS: JsonLimits = { maxDepth: MAX_JSON_DEPTH, maxStringLength: MAX_QUOTE_STRING_LENGTH, maxArrayLength: MAX_JSON_ARRAY_LENGTH };
export const SHOPIFY_JSON_LIMITS: JsonLimits = { maxDepth: MAX_JSON_DEPTH, maxStringLength: MAX_SHOPIFY_STRING_LENGTH, maxArrayLength: MAX_JSON_ARRAY_LENGTH };

/** Keys and lengths quoted in an error are cut to this, so an error never echoes a long input. */
const MAX_QUOTED_KEY = 40;

interface Pending {
  value: unknown;
  path: string[];
}

/**
 * The first place where a parsed JSON value breaks the limits, as a field
 * error naming its path in the request's language; undefined when it keeps
 * them. Walks with an explicit stack (never recursion), so the depth of the
 * input cannot exhaust the call stack.
 */
export function jsonLimitProblem(value: unknown, limits: JsonLimits, locale: Locale): FieldError | undefined {
  const stack: Pending[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop() as Pending;
    const where = path.length === 0 ? '(body)' : path.join('.');
    if (typeof v === 'string' && v.length > limits.maxStringLength) {
      return { path: where, message: locale === 'es' ? `texto de ${v.length} caracteres; el máximo es ${limits.maxStringLength}` : `a text of ${v.length} characters; at most ${limits.maxStringLength} are accepted` };
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= limits.maxDepth) {
      return { path: where, message: locale === 'es' ? `anidado a más de ${limits.maxDepth} niveles; el cuerpo admite ${limits.maxDepth}` : `nested more than ${limits.maxDepth} levels deep; the body accepts ${limits.maxDepth}` };
    }
    if (Array.isArray(v)) {
      if (v.length > limits.maxArrayLength) {
        return { path: where, message: locale === 'es' ? `lista de ${v.length} elementos; el máximo es ${limits.maxArrayLength}` : `a list of ${v.length} entries; at most ${limits.maxArrayLength} are accepted` };
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, String(i)] });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      if (key.length > limits.maxStringLength) {
        return { path: [...path, `${key.slice(0, MAX_QUOTED_KEY)}…`].join('.'), message: locale === 'es' ? `nombre de campo de ${key.length} caracteres` : `a field name of ${key.length} characters` };
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
