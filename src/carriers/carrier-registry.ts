import { z } from 'zod';
import type { DataProblem } from '../schema/data-file';
import type { CarrierRater } from './carrier-rater';
import type { CarrierFile } from './carrier-schema';
import { HttpCarrierRater, type HttpCarrierConfig, type HttpCarrierDeps } from './http-carrier-rater';
import { TableCarrierRater } from './table-carrier-rater';

/**
 * The carriers a quote can ask: one `TableCarrierRater` per loaded table,
 * plus code carriers configured from the environment (carriers/README.md,
 * "Live rates over HTTP"):
 *
 * - `FRONTERA_HTTP_CARRIERS`: comma-separated carrier ids, e.g. `fedex,acme`.
 * - per id, upper case with `-` as `_` (`acme-freight` → `ACME_FREIGHT`):
 *   - `FRONTERA_HTTP_CARRIER_<ID>_URL` (required): the POST rate endpoint, http or https;
 *   - `_NAME`: shown to people (default: the table's name, else the id);
 *   - `_TIMEOUT_MS` (default 800): one attempt;
 *   - `_RETRIES` (default 1, at most 3): attempts after the first;
 *   - `_BACKOFF_MS` (default 100): first wait, doubled each retry;
 *   - `_BUDGET_MS` (default 1500): the whole call; keep it below the quote's
 *     carrier timeout (`carrierTimeoutMs`, 2000 ms by default) so the table
 *     fallback, not the timeout, answers for a slow endpoint;
 *   - `_TOKEN`: sent as `Authorization: Bearer <token>`;
 *   - `_CUTOFF` (default `17:00`): cut-off for services the table lacks.
 *
 * An id with a table becomes an HTTP carrier that falls back to that table;
 * an id without one is a live-only carrier (no option when the endpoint
 * fails). A bad setting is reported in `problems` and that id keeps its
 * plain table, so one typo never takes the other carriers down.
 */
export function buildCarrierRegistry(
  tables: readonly CarrierFile[],
  env: Readonly<Record<string, string | undefined>>,
  deps: Partial<HttpCarrierDeps> = {},
): { carriers: CarrierRater[]; problems: DataProblem[] } {
  const carriers: CarrierRater[] = tables.map((t) => new TableCarrierRater(t));
  const problems: DataProblem[] = [];
  for (const id of httpCarrierIds(env, problems)) {
    const index = carriers.findIndex((c) => c.id === id);
    const table = index === -1 ? undefined : carriers[index];
    const config = readHttpConfig(id, table?.name, env, problems);
    if (config === undefined) continue;
    const rater = new HttpCarrierRater(config, table, deps);
    if (index === -1) carriers.push(rater);
    else carriers[index] = rater;
  }
  return { carriers, problems };
}

const LIST_VAR = 'FRONTERA_HTTP_CARRIERS';
const ID = /^[a-z0-9-]+$/;

function httpCarrierIds(env: Readonly<Record<string, string | undefined>>, problems: DataProblem[]): string[] {
  const raw = env[LIST_VAR];
  if (raw === undefined || raw.trim() === '') return [];
  const ids: string[] = [];
  for (const id of raw.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (!ID.test(id)) problems.push({ file: 'environment', path: LIST_VAR, message: `"${id}" is not a carrier id such as "fedex" (lowercase letters, digits, "-")` });
    else if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Whole milliseconds written as digits; the message names the variable. */
const msSchema = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: 'expected whole milliseconds such as "800"' })
    .transform(Number)
    .pipe(z.number().min(min, { error: `expected at least ${min}` }).max(max, { error: `expected at most ${max}` }));

const httpSettingsSchema = z.object({
  URL: z.url({ protocol: /^https?$/, error: 'expected an http or https URL such as "https://rates.example.com/v1/rate"' }),
  NAME: z.string().min(1).optional(),
  TIMEOUT_MS: msSchema(50, 30_000).default(800),
  RETRIES: z
    .string()
    .regex(/^[0-3]$/, { error: 'expected 0, 1, 2 or 3 retries' })
    .transform(Number)
    .default(1),
  BACKOFF_MS: msSchema(0, 10_000).default(100),
  BUDGET_MS: msSchema(50, 60_000).default(1500),
  TOKEN: z.string().min(1).optional(),
  CUTOFF: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time such as "17:00"' }).default('17:00'),
});

function readHttpConfig(
  id: string,
  tableName: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  problems: DataProblem[],
): HttpCarrierConfig | undefined {
  const prefix = `FRONTERA_HTTP_CARRIER_${id.toUpperCase().replace(/-/g, '_')}_`;
  const raw: Record<string, string> = {};
  for (const key of Object.keys(httpSettingsSchema.shape)) {
    const value = env[prefix + key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = httpSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'URL');
      const message = raw[key] === undefined ? `is required for the HTTP carrier "${id}" (${issue.message})` : issue.message;
      problems.push({ file: 'environment', path: prefix + key, message });
    }
    return undefined;
  }
  const s = parsed.data;
  return {
    id,
    name: s.NAME ?? tableName ?? id,
    url: s.URL,
    timeoutMs: s.TIMEOUT_MS,
    retries: s.RETRIES,
    backoffMs: s.BACKOFF_MS,
    budgetMs: s.BUDGET_MS,
    cutoffLocal: s.CUTOFF,
    ...(s.TOKEN === undefined ? {} : { token: s.TOKEN }),
  };
}

/** The problems in the HTTP carrier settings alone, for the server to log at start. */
export function checkHttpCarrierSettings(env: Readonly<Record<string, string | undefined>>): DataProblem[] {
  return buildCarrierRegistry([], env).problems;
}
