import { createHash } from 'node:crypto';
import NodeCache from 'node-cache';
import type { DataSnapshot } from '../quote/quote-deps';
import type { JsonAnswer } from './json-answer';

/** The API key's name (or "-" without keys), length-prefixed so no name and body can run together into another's. */
function clientPart(client: string | undefined): string {
  const name = client ?? '-';
  return `${name.length}:${name}\0`;
}

/**
 * A bounded cache of answers by normalised request, so a checkout asking
 * again for the same cart gets the same quote (same id) without the engine
 * running again. Keys include the API key, so one shop never gets another's
 * quote (or its id). Entries belong to one data snapshot: after a data reload
 * the old answers are never served. TTL is short (default 60 s), so the
 * pickup day can lag a carrier's cut-off by at most that long.
 */
export class QuoteResponseCache {
  private readonly perSnapshot = new WeakMap<DataSnapshot, NodeCache>();

  constructor(
    readonly ttlSeconds = 60,
    readonly maxEntries = 10_000,
  ) {}

  /**
   * Key of a validated body (zod output: fixed key order, defaults filled), the locale, the origin's today
   * and the API key's name: an answer is only ever handed back to the key that asked for it.
   */
  static keyOf(normalisedBody: unknown, locale: string, today: string, client: string | undefined): string {
    return createHash('sha256').update(clientPart(client)).update(JSON.stringify(normalisedBody)).update('\0').update(locale).update('\0').update(today).digest('base64url');
  }

  /**
   * Key of the request's exact bytes and Accept-Language, looked up before
   * parsing: a checkout repeating itself sends the same bytes, and a hit then
   * skips JSON parsing, validation and the data checks. Within the TTL a body
   * without `shipDate` may get the quote made just before the origin's midnight:
   * the same quote, still valid, as for any cached answer.
   */
  static rawKeyOf(raw: Buffer, acceptLanguage: string, client: string | undefined): string {
    return `raw:${createHash('sha256').update(clientPart(client)).update(raw).update('\0').update(acceptLanguage).digest('base64url')}`;
  }

  private cacheFor(snapshot: DataSnapshot): NodeCache {
    let cache = this.perSnapshot.get(snapshot);
    if (!cache) {
      cache = new NodeCache({ stdTTL: this.ttlSeconds, checkperiod: Math.max(1, this.ttlSeconds), useClones: false, maxKeys: this.maxEntries });
      this.perSnapshot.set(snapshot, cache);
    }
    return cache;
  }

  /** The bytes of a cached answer that is still valid at `now`. */
  get(snapshot: DataSnapshot, key: string, now: Date): JsonAnswer | undefined {
    const entry = this.cacheFor(snapshot).get<{ answer: JsonAnswer; validUntil: number }>(key);
    return entry && entry.validUntil > now.getTime() ? entry.answer : undefined;
  }

  set(snapshot: DataSnapshot, key: string, answer: JsonAnswer, validUntil: Date): void {
    const cache = this.cacheFor(snapshot);
    if (cache.getStats().keys >= this.maxEntries) {
      // Full: drop the oldest entry (node-cache keeps insertion order) rather than stop caching.
      const oldest = cache.keys()[0];
      if (oldest !== undefined) cache.del(oldest);
    }
    cache.set(key, { answer, validUntil: validUntil.getTime() });
  }
}
