import { z } from 'zod';
import { failure, fetchOnce, parseJsonAnswer, type Attempt, type LiveDeps } from './live-http';
import { vendorErrorDetail } from './vendor-error';

/**
 * OAuth 2.0 client-credentials tokens, cached until shortly before they
 * expire and fetched once for concurrent callers.
 *
 * - FedEx API Authorization: POST `{base}/oauth/token`, form body
 *   `grant_type=client_credentials&client_id=…&client_secret=…`; the token
 *   lasts 60 minutes (https://developer.fedex.com/api/en-us/catalog/authorization/docs.html,
 *   read 2026-12-03).
 * - UPS OAuth Client Credentials: POST `{base}/security/v1/oauth/token`,
 *   HTTP Basic client_id:client_secret, form body `grant_type=client_credentials`,
 *   header `x-merchant-id` (the account); `expires_in` comes as a string of
 *   seconds (UPS-API/api-documentation OAuthClientCredentials.yaml, commit
 *   161312361b8fad07f3c3467ce2657e6cde524808, read 2026-12-03).
 */
export interface OAuthSettings {
  url: string;
  clientId: string;
  clientSecret: string;
  /** form: the credentials in the form body (FedEx); basic: in an Authorization: Basic header (UPS). */
  style: 'form' | 'basic';
  headers?: Record<string, string>;
}

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1).max(20_000),
  expires_in: z
    .union([z.number(), z.string().regex(/^\d+$/, { error: 'expected whole seconds' })])
    .transform(Number)
    .pipe(z.number().int().min(1, { error: 'expected at least 1 second' })),
});

/** Renewed this long before the vendor's expiry, so a token never dies in flight. */
const EARLY_RENEWAL_MS = 60_000;

export class OAuthToken {
  private cached: { token: string; until: number } | undefined;
  private pending: Promise<Attempt<string>> | undefined;

  constructor(
    private readonly settings: OAuthSettings,
    private readonly deps: LiveDeps,
  ) {}

  /** A valid token, from the cache or the token endpoint. */
  async get(limitMs: number): Promise<Attempt<string>> {
    if (this.cached !== undefined && this.deps.now() < this.cached.until) return { ok: true, value: this.cached.token };
    this.pending ??= this.fetchToken(limitMs).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The vendor refused the token (HTTP 401): the next call signs in again. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(limitMs: number): Promise<Attempt<string>> {
    const { url, clientId, clientSecret, style, headers } = this.settings;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (style === 'form') {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    }
    const basic: Record<string, string> = style === 'basic' ? { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` } : {};
    const started = this.deps.now();
    const init: RequestInit = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...basic, ...headers },
      body: form.toString(),
    };
    const text = await fetchOnce(this.deps, url, init, limitMs, vendorErrorDetail);
    if (!text.ok) {
      // A refused sign-in is a settings problem: asking again gets the same answer.
      const refused = text.status === 400 || text.status === 401 || text.status === 403;
      const what = refused ? { es: 'rechazó las credenciales', en: 'refused the credentials' } : { es: 'falló al iniciar sesión', en: 'sign-in failed' };
      return failure(`${what.es} (${text.why.es})`, `${what.en} (${text.why.en})`, text.retry && !refused, text.status);
    }
    const answer = parseJsonAnswer(text.value, tokenAnswerSchema);
    if (!answer.ok) return failure(`inicio de sesión: ${answer.why.es}`, `sign-in: ${answer.why.en}`, false);
    const lifeMs = answer.value.expires_in * 1000;
    this.cached = { token: answer.value.access_token, until: started + Math.max(lifeMs - EARLY_RENEWAL_MS, lifeMs / 2) };
    return { ok: true, value: answer.value.access_token };
  }
}
