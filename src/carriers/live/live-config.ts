import { z } from 'zod';
import type { DataProblem } from '../../schema/data-file';
import type { DhlExpressSettings } from './dhl-express/dhl-express-source';
import type { KarrioSettings } from './karrio/karrio-client';
import type { LiveClientSettings } from './live-client';
import type { OAuthVendorSettings } from './oauth-vendor';
import { baseUrlSchema, livePolicySchema } from './settings-schemas';
import type { UpsSettings } from './ups/ups-source';

/**
 * The vendor adapters' settings, read from the environment at composition
 * (README.md, "Your own carrier prices"). A vendor is off until one of its
 * credentials is set; then every required variable must be valid, or the
 * vendor stays off and each bad variable is reported by name (never by
 * value: they are secrets).
 */
export interface LiveSettings {
  dhlExpress?: DhlExpressSettings;
  fedex?: OAuthVendorSettings;
  ups?: UpsSettings;
  karrio?: KarrioSettings;
}

type Env = Readonly<Record<string, string | undefined>>;

const credential = z.string().min(1).max(1000);
const account = (max: number) => z.string().min(1).max(max, { error: `expected an account number of at most ${max} characters` });

const dhlSchema = z.object({
  API_URL: baseUrlSchema('https://express.api.dhl.com/mydhlapi').default('https://express.api.dhl.com/mydhlapi'),
  API_KEY: credential,
  API_SECRET: credential,
  // MyDHL Account.number: maxLength 12.
  ACCOUNT: account(12),
  ...livePolicySchema.shape,
});

const oauthSchema = (defaultUrl: string, accountMax: number) =>
  z.object({
    API_URL: baseUrlSchema(defaultUrl).default(defaultUrl),
    CLIENT_ID: credential,
    CLIENT_SECRET: credential,
    ACCOUNT: account(accountMax),
    ...livePolicySchema.shape,
  });
// FedEx AccountNumber.value: "Maximum Length is 9".
const fedexSchema = oauthSchema('https://apis.fedex.com', 9);
const upsSchema = oauthSchema('https://onlinetools.ups.com', 10).extend({
  API_VERSION: z.string().regex(/^v\d{4}$/, { error: 'expected a Rating API version such as "v2409"' }).default('v2409'),
});

const karrioSchema = z.object({
  API_URL: baseUrlSchema('https://karrio.example.com'),
  API_KEY: credential,
  ...livePolicySchema.shape,
});

export function readLiveSettings(env: Env, problems: DataProblem[]): LiveSettings {
  const dhl = readVendor('DHL Express', 'DHL_EXPRESS_', dhlSchema, ['API_KEY', 'API_SECRET', 'ACCOUNT'], env, problems);
  const fedex = readVendor('FedEx', 'FEDEX_', fedexSchema, ['CLIENT_ID', 'CLIENT_SECRET', 'ACCOUNT'], env, problems);
  const ups = readVendor('UPS', 'UPS_', upsSchema, ['CLIENT_ID', 'CLIENT_SECRET', 'ACCOUNT'], env, problems);
  const karrio = readVendor('karrio', 'KARRIO_', karrioSchema, ['API_URL', 'API_KEY'], env, problems);
  return {
    ...(dhl ? { dhlExpress: { url: dhl.API_URL, apiKey: dhl.API_KEY, apiSecret: dhl.API_SECRET, account: dhl.ACCOUNT, client: clientSettings(dhl) } } : {}),
    ...(fedex ? { fedex: oauthSettings(fedex) } : {}),
    ...(ups ? { ups: { ...oauthSettings(ups), version: ups.API_VERSION } } : {}),
    ...(karrio ? { karrio: { url: karrio.API_URL, apiKey: karrio.API_KEY, client: clientSettings(karrio) } } : {}),
  };
}

type Policy = z.output<typeof livePolicySchema>;

function clientSettings(p: Policy): LiveClientSettings {
  return {
    timeoutMs: p.TIMEOUT_MS,
    retries: p.RETRIES,
    backoffMs: p.BACKOFF_MS,
    budgetMs: p.BUDGET_MS,
    breakerFailures: p.BREAKER_FAILURES,
    breakerCoolDownMs: p.BREAKER_SECONDS * 1000,
  };
}

function oauthSettings(s: z.output<ReturnType<typeof oauthSchema>>): OAuthVendorSettings {
  return { url: s.API_URL, clientId: s.CLIENT_ID, clientSecret: s.CLIENT_SECRET, account: s.ACCOUNT, client: clientSettings(s) };
}

function readVendor<S extends z.ZodObject>(vendor: string, prefix: string, schema: S, switches: string[], env: Env, problems: DataProblem[]): z.output<S> | undefined {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[prefix + key]?.trim();
    if (value !== undefined && value !== '') raw[key] = value;
  }
  if (!switches.some((k) => raw[k] !== undefined)) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? switches[0]);
    const message = raw[key] === undefined ? `is required to ask ${vendor} for your prices` : issue.message;
    problems.push({ file: 'environment', path: prefix + key, message: `${message}; ${vendor} stays on its table` });
  }
  return undefined;
}
