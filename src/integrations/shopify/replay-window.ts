import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** Default SHOPIFY_REPLAY_WINDOW_SECONDS: how long a signed body is honoured after it is first seen. */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 900;
/** How long a body's first sighting is remembered; after that the same body counts as new again. */
export const REPLAY_MEMORY_MS = 24 * 3_600_000;
/** Most bodies remembered (about 100 bytes each); past that the least recently seen is forgotten first. */
export const REPLAY_MEMORY_ENTRIES = 100_000;

/**
 * Shopify's rate callback carries no timestamp or nonce, only an HMAC of the
 * body, so a captured request stays valid forever. This remembers when each
 * body (by its SHA-256) was first seen and honours it for `windowMs`: a
 * checkout asking again for the same cart within the window is priced, the
 * same bytes sent later are a replay. Memory is per process, bounded in
 * entries and time (REPLAY_MEMORY_*).
 */
export class ReplayWindow {
  private readonly firstSeen = new LRUCache<string, number>({ max: REPLAY_MEMORY_ENTRIES, ttl: REPLAY_MEMORY_MS, ttlAutopurge: false });

  constructor(readonly windowMs: number) {}

  /** True while `body` is within its window (the first sighting starts it); false for a replay. */
  admit(body: Buffer, now: Date): boolean {
    if (this.windowMs <= 0) return true;
    const key = createHash('sha256').update(body).digest('base64url');
    const seen = this.firstSeen.get(key);
    if (seen === undefined) {
      this.firstSeen.set(key, now.getTime());
      return true;
    }
    return now.getTime() - seen <= this.windowMs;
  }
}
