import { z } from 'zod';

/**
 * zod pieces for carrier settings read from the environment (the generic
 * HTTP carriers and the vendor adapters). Every message says what was
 * expected and never repeats the value: a setting may be a secret.
 */

/** Whole milliseconds written as digits. */
export const msSchema = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: 'expected whole milliseconds such as "800"' })
    .transform(Number)
    .pipe(z.number().min(min, { error: `expected at least ${min}` }).max(max, { error: `expected at most ${max}` }));

export const retriesSchema = z
  .string()
  .regex(/^[0-3]$/, { error: 'expected 0, 1, 2 or 3 retries' })
  .transform(Number);

export const cutoffSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time such as "17:00"' });

/** An http(s) base URL without a user name, password, query or fragment (credentials have their own variables). */
export const baseUrlSchema = (example: string) =>
  z
    .url({ protocol: /^https?$/, error: `expected an http or https URL such as "${example}"` })
    .refine((u) => {
      const url = new URL(u);
      return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
    }, { error: 'expected a URL without a user name, password, query or fragment (credentials have their own variables)' })
    .transform((u) => u.replace(/\/+$/, ''));

/** Retries, timeouts and the circuit breaker of a vendor adapter, with the defaults in README.md. */
export const livePolicySchema = z.object({
  TIMEOUT_MS: msSchema(50, 30_000).default(1500),
  RETRIES: retriesSchema.default(1),
  BACKOFF_MS: msSchema(0, 10_000).default(100),
  BUDGET_MS: msSchema(50, 60_000).default(1800),
  BREAKER_FAILURES: z.string().regex(/^([1-9]|[1-9]\d)$/, { error: 'expected a whole number from 1 to 99' }).transform(Number).default(5),
  BREAKER_SECONDS: z.string().regex(/^\d{1,4}$/, { error: 'expected whole seconds from 0 to 9999' }).transform(Number).default(30),
});
