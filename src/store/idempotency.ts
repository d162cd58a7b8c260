import { createHash } from 'node:crypto';

/**
 * Idempotency-Key handling for `POST /quote`, after the IETF draft
 * "The Idempotency-Key HTTP Header Field" (draft-ietf-httpapi-idempotency-key-header):
 * a client-chosen opaque string; the server remembers the request body it
 * first came with.
 */

/** 1 to 255 visible ASCII characters: the draft leaves the syntax open; this keeps keys printable and bounded. */
const KEY_RE = /^[\x21-\x7E]{1,255}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return KEY_RE.test(key);
}

/**
 * Keys are per client: two shops that happen to pick the same key must not
 * see each other's quotes. `client` is the API key's name, or undefined when
 * the service runs without keys.
 */
export function scopedIdempotencyKey(client: string | undefined, key: string): string {
  return `${client ?? '-'} ${key}`;
}

/** JSON with object keys sorted at every level, so whitespace and key order do not change the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function canonicalBodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
