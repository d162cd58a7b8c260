import { z } from 'zod';

/** Where the live rates come from and how often; a feed without a URL is off. */
export interface LiveFxConfig {
  ecb?: { url: string; refreshMs: number };
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

const url = (name: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^https?:\/\/\S+$/.test(v), { error: `${name} must be an http(s) URL` });

const envSchema = z.object({
  FX_ECB_URL: url('FX_ECB_URL'),
  FX_ECB_REFRESH_MINUTES: positive('FX_ECB_REFRESH_MINUTES', 60),
  FX_BANXICO_URL: url('FX_BANXICO_URL'),
  FX_BANXICO_TOKEN: z.string().optional(),
  FX_BANXICO_REFRESH_MINUTES: positive('FX_BANXICO_REFRESH_MINUTES', 60),
  FX_TIMEOUT_MS: positive('FX_TIMEOUT_MS', 5000),
  FX_MAX_AGE_DAYS: positive('FX_MAX_AGE_DAYS', 7),
});

/**
 * Read the live-rate settings from the environment. Default: no feed, the
 * bundled snapshot. Throws one sentence per wrong variable, so a typo stops
 * the start-up instead of silently quoting with old rates.
 */
export function liveFxConfigFromEnv(env: Record<string, string | undefined>): LiveFxConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  const e = parsed.data;
  if (e.FX_BANXICO_URL && !e.FX_BANXICO_TOKEN) throw new Error('FX_BANXICO_TOKEN is required with FX_BANXICO_URL (Banxico SIE API token, sent as the Bmx-Token header)');
  const minutes = (m: number) => Math.round(m * 60_000);
  return {
    ...(e.FX_ECB_URL ? { ecb: { url: e.FX_ECB_URL, refreshMs: minutes(e.FX_ECB_REFRESH_MINUTES) } } : {}),
    ...(e.FX_BANXICO_URL && e.FX_BANXICO_TOKEN
      ? { banxico: { url: e.FX_BANXICO_URL, token: e.FX_BANXICO_TOKEN, refreshMs: minutes(e.FX_BANXICO_REFRESH_MINUTES) } }
      : {}),
    timeoutMs: e.FX_TIMEOUT_MS,
    maxAgeDays: e.FX_MAX_AGE_DAYS,
  };
}
