import type { z } from 'zod';
import { CircuitBreaker } from './circuit-breaker';
import { failure, fetchOnce, parseJsonAnswer, withRetries, type Attempt, type Failure, type LiveDeps, type RetryPolicy } from './live-http';
import type { OAuthToken } from './oauth-token';
import { redactLocalized } from './redact';
import { vendorErrorDetail } from './vendor-error';

export interface LiveClientSettings extends RetryPolicy {
  /** Failures in a row that open the circuit breaker. */
  breakerFailures: number;
  /** How long an open breaker keeps the vendor from being asked. */
  breakerCoolDownMs: number;
}

/** One HTTP request, built per attempt (a renewed token changes the headers). */
export interface LiveRequest {
  url: string;
  init: RequestInit;
}

/**
 * A vendor's rating API as one resilient call: the circuit breaker first,
 * then attempts with retries inside the budget, each signing in when the
 * vendor uses OAuth (the token is cached), then the answer checked with the
 * vendor's zod schema. Every failure's text is redacted of the credentials.
 */
export class LiveClient {
  private readonly breaker: CircuitBreaker;

  constructor(
    private readonly settings: LiveClientSettings,
    /** Credentials and account numbers: never in a note, an answer or a log. */
    private readonly secrets: readonly string[],
    private readonly deps: LiveDeps,
    private readonly auth?: OAuthToken,
  ) {
    this.breaker = new CircuitBreaker(settings.breakerFailures, settings.breakerCoolDownMs, deps.now);
  }

  async call<S extends z.ZodType>(build: (token: string | undefined) => LiveRequest, schema: S): Promise<Attempt<z.output<S>>> {
    const blocked = this.breaker.blockedUntil();
    if (blocked !== undefined) {
      const at = new Date(blocked).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const n = this.breaker.consecutiveFailures;
      return failure(`no se consultó: ${n} fallas seguidas, se vuelve a intentar después de ${at}`, `not asked: ${n} failures in a row, asked again after ${at}`, false);
    }
    const result = await withRetries(this.settings, this.deps, (limit) => this.once(build, schema, limit));
    if (result.ok) {
      this.breaker.success();
      return result;
    }
    if (countsAgainstHealth(result)) this.breaker.failure();
    return { ...result, why: redactLocalized(result.why, this.secrets) };
  }

  private async once<S extends z.ZodType>(build: (token: string | undefined) => LiveRequest, schema: S, limit: () => number): Promise<Attempt<z.output<S>>> {
    let token: string | undefined;
    if (this.auth !== undefined) {
      const signedIn = await this.auth.get(limit());
      if (!signedIn.ok) return signedIn;
      token = signedIn.value;
    }
    const { url, init } = build(token);
    const text = await fetchOnce(this.deps, url, init, limit(), vendorErrorDetail);
    if (!text.ok) {
      // A token revoked before its expiry: sign in again on the next attempt.
      if (text.status === 401 && this.auth !== undefined) {
        this.auth.invalidate();
        return { ...text, retry: true };
      }
      return text;
    }
    return parseJsonAnswer(text.value, schema);
  }
}

/**
 * What says the vendor is unwell or the settings are wrong: no answer, 429,
 * 5xx, refused credentials, or an answer that breaks the contract. A 400 for
 * one odd shipment does not open the breaker for everybody.
 */
function countsAgainstHealth(f: Failure): boolean {
  const s = f.status;
  return s === undefined || s === 401 || s === 403 || s === 429 || s >= 500;
}
