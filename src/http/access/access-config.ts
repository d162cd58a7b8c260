import { z } from 'zod';

/** One API key, known only by the sha256 of its secret (hex), so a leaked config does not leak keys. */
export interface ApiKey {
  name: string;
  sha256: string;
  /** Requests a minute for this key; default AccessConfig.ratePerMinute. */
  ratePerMinute?: number;
}

export interface AccessConfig {
  /** No keys: the protected routes are open (and not rate-limited). */
  keys: ApiKey[];
  /** Requests a minute per key, unless the key sets its own. */
  ratePerMinute: number;
  /** Origins whose browser code may call /quote and /quotes/:id; "*" allows any. Empty: no CORS headers. */
  corsOrigins: string[];
  /** Requests a minute without a valid key from one client address before 429; default DEFAULT_FAILED_KEY_ATTEMPTS_PER_MINUTE. */
  failedKeyAttemptsPerMinute?: number;
}

export const DEFAULT_RATE_PER_MINUTE = 120;
/** A client that mistyped its key retries a few times; a script guessing keys sends many more (README "Limits"). */
export const DEFAULT_FAILED_KEY_ATTEMPTS_PER_MINUTE = 10;

const sha256Hex = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => /^[0-9a-f]{64}$/.test(s), { error: (i) => `expected a sha256 as 64 hex digits, got ${JSON.stringify(i.input)}` });

const keyName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: (i) => `expected a key name of 1 to 64 letters, digits, "_", "." or "-", got ${JSON.stringify(i.input)}` });

const ratePerMinute = z
  .number({ error: (i) => `expected requests a minute as a whole number, got ${JSON.stringify(i.input)}` })
  .int({ error: (i) => `expected requests a minute as a whole number, got ${JSON.stringify(i.input)}` })
  .min(1, { error: 'expected at least 1 request a minute' });

export const apiKeyFileSchema = z.array(z.strictObject({ name: keyName, sha256: sha256Hex, ratePerMinute: ratePerMinute.optional() }), {
  error: 'expected a JSON array of { "name", "sha256", "ratePerMinute"? }',
});

const originSchema = z.string().refine((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o), {
  error: (i) => `expected an origin such as "https://shop.example.com" (scheme and host, no path) or "*", got ${JSON.stringify(i.input)}`,
});

export interface AccessEnv {
  FRONTERA_API_KEYS_SHA256?: string;
  FRONTERA_API_KEYS_FILE?: string;
  FRONTERA_RATE_LIMIT_PER_MINUTE?: string;
  FRONTERA_FAILED_KEY_LIMIT_PER_MINUTE?: string;
  CORS_ORIGINS?: string;
}

/** A configuration error: which variable or file, and what is wrong with it. */
export class AccessConfigError extends Error {}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  throw new AccessConfigError(`${where}${path}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Keys from FRONTERA_API_KEYS_SHA256 ("name:sha256,…" or bare hashes, which
 * are named by their first 8 hex digits) and from the JSON file named by
 * FRONTERA_API_KEYS_FILE. `readFile` is injected so the parsing is testable.
 */
export function accessConfigFromEnv(env: AccessEnv, readFile: (path: string) => string): AccessConfig {
  const keys: ApiKey[] = list(env.FRONTERA_API_KEYS_SHA256).map((entry, i) => {
    const where = `FRONTERA_API_KEYS_SHA256 entry ${i + 1}`;
    const colon = entry.lastIndexOf(':');
    const hash = check(sha256Hex, colon >= 0 ? entry.slice(colon + 1) : entry, where);
    const name = colon >= 0 ? check(keyName, entry.slice(0, colon), where) : hash.slice(0, 8);
    return { name, sha256: hash };
  });
  if (env.FRONTERA_API_KEYS_FILE) {
    const file = env.FRONTERA_API_KEYS_FILE;
    let json: unknown;
    try {
      json = JSON.parse(readFile(file));
    } catch (err) {
      throw new AccessConfigError(`FRONTERA_API_KEYS_FILE ${file}: ${(err as Error).message}`);
    }
    keys.push(...check(apiKeyFileSchema, json, `FRONTERA_API_KEYS_FILE ${file}`).map((k) => ({ name: k.name, sha256: k.sha256, ...(k.ratePerMinute ? { ratePerMinute: k.ratePerMinute } : {}) })));
  }
  const names = new Set<string>();
  for (const k of keys) {
    if (names.has(k.name)) throw new AccessConfigError(`API key name "${k.name}" is used twice: names must be unique (they scope rate limits and idempotency keys)`);
    names.add(k.name);
  }
  const rate = env.FRONTERA_RATE_LIMIT_PER_MINUTE?.trim();
  const failed = env.FRONTERA_FAILED_KEY_LIMIT_PER_MINUTE?.trim();
  return {
    keys,
    ratePerMinute: rate ? check(ratePerMinute, Number(rate), 'FRONTERA_RATE_LIMIT_PER_MINUTE') : DEFAULT_RATE_PER_MINUTE,
    failedKeyAttemptsPerMinute: failed ? check(ratePerMinute, Number(failed), 'FRONTERA_FAILED_KEY_LIMIT_PER_MINUTE') : DEFAULT_FAILED_KEY_ATTEMPTS_PER_MINUTE,
    corsOrigins: list(env.CORS_ORIGINS).map((o, i) => check(originSchema, o, `CORS_ORIGINS entry ${i + 1}`)),
  };
}
