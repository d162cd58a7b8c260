import { z } from 'zod';

/** The ECB's public daily reference rates (about 1.5 kB of XML, published around 16:00 CET on TARGET days). */
export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';
/**
 * fawazahmed0/exchange-api, EUR base, latest day (README of the project, read 2026-12):
 * `{"date": "YYYY-MM-DD", "eur": {"clp": 1099.41, …}}`. Unofficial market rates, CC0.
 */
export const MARKET_DAILY_URL = 'https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest/v1/currencies/eur.json';

/** Where the live rates come from and how often; a feed without a URL is off. */
export interface LiveFxConfig {
  ecb?: { url: string; refreshMs: number };
  /** Market rates for the currencies no official source here quotes. */
  market?: { url: string; refreshMs: number };
  banxico?: { url: string; token: string; refreshMs: number };
  timeoutMs: number;
  /** Rates older than this many days get the FX_RATES_OLD warning note. */
  maxAgeDays: number;
}

const positive = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a positive number, got ${JSON.stringify(v)}` });
        return z.NEVER;
      }
      return n;
    });

/** A feed URL, or "off" to turn that one feed off. */
const url = (name: string, orOff = false) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^https?:\/\/\S+$/.test(v) || (orOff && v === 'off'), {
      error: `${name} must be an http(s) URL${orOff ? ' or "off"' : ''}`,
    });

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  FX_LIVE: z.enum(['on', 'off', 'auto'], { error: (i) => `FX_LIVE must be "on", "off" or "auto", got ${JSON.stringify(i.input)}` }).optional(),
  FX_ECB_URL: url('FX_ECB_URL', true),
  FX_ECB_REFRESH_MINUTES: positive('FX_ECB_REFRESH_MINUTES', 60),
  FX_MARKET_URL: url('FX_MARKET_URL', true),
  FX_MARKET_REFRESH_MINUTES: positive('FX_MARKET_REFRESH_MINUTES', 360),
  FX_BANXICO_URL: url('FX_BANXICO_URL'),
  FX_BANXICO_TOKEN: z.string().optional(),
  FX_BANXICO_REFRESH_MINUTES: positive('FX_BANXICO_REFRESH_MINUTES', 60),
  FX_TIMEOUT_MS: positive('FX_TIMEOUT_MS', 5000),
  FX_MAX_AGE_DAYS: positive('FX_MAX_AGE_DAYS', 7),
});

type Env = z.output<typeof envSchema>;

/**
 * Which feeds run. Under tests (NODE_ENV=test) and with FX_LIVE=off: none, whatever
 * else is set, so a test never reaches the internet. With FX_LIVE=on, or in
 * production (NODE_ENV=production) unless FX_LIVE says otherwise: the ECB daily
 * feed and the market feed at their public URLs unless FX_ECB_URL / FX_MARKET_URL
 * name another or say "off". Elsewhere (development, FX_LIVE unset or auto): only
 * the feeds whose URL is set. Banxico needs its token, so it is never on by default.
 */
function feedUrl(e: Env, configured: string | undefined, publicUrl: string): string | undefined {
  if (e.NODE_ENV === 'test' || e.FX_LIVE === 'off' || configured === 'off') return undefined;
  if (configured) return configured;
  const onByDefault = e.FX_LIVE === 'on' || e.NODE_ENV === 'production';
  return onByDefault ? publicUrl : undefined;
}

/**
 * Read the live-rate settings from the environment (README "Live exchange
 * rates"). Throws one sentence per wrong variable, so a typo stops the
 * start-up instead of silently quoting with old rates.
 */
export function liveFxConfigFromEnv(env: Record<string, string | undefined>): LiveFxConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  const e = parsed.data;
  if (e.FX_BANXICO_URL && !e.FX_BANXICO_TOKEN) throw new Error('FX_BANXICO_TOKEN is required with FX_BANXICO_URL (Banxico SIE API token, sent as the Bmx-Token header)');
  const minutes = (m: number) => Math.round(m * 60_000);
  const ecb = feedUrl(e, e.FX_ECB_URL, ECB_DAILY_URL);
  const market = feedUrl(e, e.FX_MARKET_URL, MARKET_DAILY_URL);
  const banxico = e.FX_BANXICO_URL && e.FX_BANXICO_TOKEN ? feedUrl(e, e.FX_BANXICO_URL, e.FX_BANXICO_URL) : undefined;
  return {
    ...(ecb ? { ecb: { url: ecb, refreshMs: minutes(e.FX_ECB_REFRESH_MINUTES) } } : {}),
    ...(market ? { market: { url: market, refreshMs: minutes(e.FX_MARKET_REFRESH_MINUTES) } } : {}),
    ...(banxico && e.FX_BANXICO_TOKEN ? { banxico: { url: banxico, token: e.FX_BANXICO_TOKEN, refreshMs: minutes(e.FX_BANXICO_REFRESH_MINUTES) } } : {}),
    timeoutMs: e.FX_TIMEOUT_MS,
    maxAgeDays: e.FX_MAX_AGE_DAYS,
  };
}
