import type { z } from 'zod';
import type { LocalizedText } from '../../schema/primitives';
import { redactUrlsIn } from '../../schema/redact-url';

/**
 * The HTTP side shared by every live carrier adapter (the generic
 * `HttpCarrierRater` and the vendor adapters under src/carriers/live/):
 * one attempt with a timeout, bounded retries with doubling backoff inside a
 * time budget, and zod-checked JSON answers. Nothing here throws: every
 * failure is an `Attempt` that says why, in Spanish and English.
 */
export interface LiveDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds, for budgets, token expiry, the circuit breaker and the live price's data date. */
  now: () => number;
}

export const defaultLiveDeps: LiveDeps = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

export interface RetryPolicy {
  /** One HTTP exchange's limit. */
  timeoutMs: number;
  /** Attempts after the first, for network errors, timeouts, 429 and 5xx only. */
  retries: number;
  /** Wait before the first retry, doubled before each next one. */
  backoffMs: number;
  /** The whole call, attempts and waits together. */
  budgetMs: number;
}

export type Failure = {
  ok: false;
  why: LocalizedText;
  /** Worth another attempt: the same request may succeed (network, timeout, 429, 5xx). */
  retry: boolean;
  /** The HTTP status, when the server answered. */
  status?: number;
};
export type Attempt<T> = { ok: true; value: T } | Failure;

/** The largest answer read; a carrier's rate answer is tens of kB at most. */
export const MAX_ANSWER_CHARS = 1_000_000;

export function failure(es: string, en: string, retry: boolean, status?: number): Failure {
  return { ok: false, why: { es, en }, retry, ...(status === undefined ? {} : { status }) };
}

/**
 * Runs `ask` until it succeeds, fails for good, or the budget is spent. No
 * wait starts that would end at or past the deadline. `limit()` is what one
 * HTTP exchange may take now: the timeout, cut to what is left of the budget.
 */
export async function withRetries<T>(policy: RetryPolicy, deps: LiveDeps, ask: (limit: () => number) => Promise<Attempt<T>>): Promise<Attempt<T>> {
  const deadline = deps.now() + policy.budgetMs;
  const limit = () => Math.max(1, Math.min(policy.timeoutMs, deadline - deps.now()));
  let last: Attempt<T> = failure('sin intentos', 'no attempt made', false);
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (attempt > 0) {
      const wait = policy.backoffMs * 2 ** (attempt - 1);
      if (deps.now() + wait >= deadline) break;
      await deps.sleep(wait);
    }
    if (deadline - deps.now() <= 0) break;
    last = await ask(limit);
    if (last.ok || !last.retry) return last;
  }
  return last;
}

/**
 * One HTTP exchange cut at `limitMs`. A 2xx answer gives its text; any other
 * status fails, worth a retry for 429 and 5xx. `detail` may pull the
 * server's own explanation out of an error body (vendor error formats).
 */
export async function fetchOnce(
  deps: LiveDeps,
  url: string,
  init: RequestInit,
  limitMs: number,
  detail?: (text: string) => string | undefined,
): Promise<Attempt<string>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limitMs);
  try {
    const response = await deps.fetch(url, { ...init, signal: controller.signal });
    const text = await response.text();
    if (response.ok) return { ok: true, value: text };
    const retry = response.status === 429 || response.status >= 500;
    const said = detail?.(text);
    const suffix = said === undefined ? '' : `: ${said}`;
    return failure(`respondió HTTP ${response.status}${suffix}`, `answered HTTP ${response.status}${suffix}`, retry, response.status);
  } catch (err) {
    if (controller.signal.aborted) return failure(`sin respuesta en ${limitMs} ms`, `no answer within ${limitMs} ms`, true);
    // fetch quotes the URL it was given (credentials, query string): never repeat them.
    const message = redactUrlsIn((err as Error).message);
    return failure(`error de red: ${message}`, `network error: ${message}`, true);
  } finally {
    clearTimeout(timer);
  }
}

/** The answer as JSON checked against `schema`; a malformed answer would come back the same on a retry: no retry. */
export function parseJsonAnswer<S extends z.ZodType>(text: string, schema: S): Attempt<z.output<S>> {
  const invalid = (what: string) => failure(`respuesta no válida: ${what}`, `invalid answer: ${what}`, false);
  if (text.length > MAX_ANSWER_CHARS) return invalid(`over ${MAX_ANSWER_CHARS} characters`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid('not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined || first.path.length === 0 ? '(root)' : first.path.map(String).join('.');
    return invalid(`${where}: ${first?.message ?? 'does not match the format'}`);
  }
  return { ok: true, value: parsed.data };
}
