import { resolve } from 'node:path';
import type Decimal from 'decimal.js';
import { z } from 'zod';
import { D } from '../../domain/money';
import { hsCodeSchema } from '../../schema/quote-request-schema';
import { countryCodeSchema, currencyCodeSchema, type LocalizedText } from '../../schema/primitives';
import { loadCatalogue, type Catalogue } from './catalogue';
import { DEFAULT_REPLAY_WINDOW_SECONDS } from './replay-window';

/** What applies when the catalogue has no entry, or an entry leaves a field out; each use adds a note to the quote. */
export interface CatalogueDefaults {
  hsCode?: string;
  /** Default: the rate request's origin (the shop's location). */
  originCountry?: string;
  /** For a product whose Shopify weight is 0 and whose entry gives none. */
  unitGrams?: number;
}

/** The rate answered instead of an error when Frontera cannot price the cart in time. */
export interface ShopifyFallbackRate {
  serviceName: string;
  /** Stable, so Shopify treats it as one service: "frontera:fallback". */
  serviceCode: string;
  description: LocalizedText;
  amount: Decimal;
  currency: string;
}

export interface ShopifyConfig {
  catalogue: Catalogue;
  defaults: CatalogueDefaults;
  /** The app's API secret: when set, X-Shopify-Hmac-Sha256 must match the body. */
  hmacSecret?: string;
  /** Answer within this many ms of receiving the request (Shopify's strictest timeout is 3 s). */
  timeBudgetMs: number;
  /** DDP: duties and taxes inside total_price; DAP: shipping only, duties due on delivery. */
  incoterm: 'DDP' | 'DAP';
  /** Only these carrier ids; default every loaded carrier. */
  carriers?: string[];
  fallback?: ShopifyFallbackRate;
  /** A signed body is honoured this long after it is first seen (0: forever); see ReplayWindow. */
  replayWindowMs?: number;
}

export const DEFAULT_TIME_BUDGET_MS = 2500;
export const FALLBACK_SERVICE_CODE = 'frontera:fallback';

const DEFAULT_FALLBACK_DESCRIPTION: LocalizedText = {
  es: 'Tarifa estimada: puede haber aranceles e impuestos que pagar al recibir.',
  en: 'Estimated rate: duties and taxes may be due on delivery.',
};

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());
const wholeMs = z.coerce.number().int({ error: 'expected whole milliseconds such as 2500' }).min(100, { error: 'expected at least 100 ms' }).max(10_000, { error: 'expected at most 10000 ms (Shopify waits 10 s at the most)' });

export const shopifyEnvSchema = z.object({
  SHOPIFY_CATALOGUE: optional(z.string()),
  SHOPIFY_HMAC_SECRET: optional(z.string().min(8, { error: 'expected the app\'s API secret (at least 8 characters)' })),
  SHOPIFY_DEFAULT_HS_CODE: optional(hsCodeSchema),
  SHOPIFY_DEFAULT_ORIGIN_COUNTRY: optional(countryCodeSchema),
  SHOPIFY_DEFAULT_UNIT_GRAMS: optional(z.coerce.number().int({ error: 'expected whole grams such as 250' }).positive({ error: 'expected more than 0 grams' })),
  SHOPIFY_INCOTERM: optional(z.enum(['DDP', 'DAP'], { error: 'expected DDP or DAP' })),
  SHOPIFY_TIME_BUDGET_MS: optional(wholeMs),
  SHOPIFY_CARRIERS: optional(z.string()),
  SHOPIFY_FALLBACK_PRICE: optional(
    z.string().regex(/^\d{1,9}(\.\d{1,4})? [A-Z]{3}$/, { error: (i) => `expected an amount and an ISO 4217 code such as "25.00 USD", got ${JSON.stringify(i.input)}` }),
  ),
  SHOPIFY_FALLBACK_NAME: optional(z.string().max(100)),
  SHOPIFY_FALLBACK_DESCRIPTION: optional(z.string().max(500)),
  SHOPIFY_REPLAY_WINDOW_SECONDS: optional(z.coerce.number().int({ error: 'expected whole seconds such as 900' }).min(0, { error: 'expected 0 (off) or more seconds' }).max(86_400, { error: 'expected at most 86400 seconds (a day)' })),
});

export type ShopifyEnv = Partial<Record<keyof z.input<typeof shopifyEnvSchema>, string>>;

export class ShopifyConfigError extends Error {}

/**
 * The Shopify integration from the environment, or undefined when
 * SHOPIFY_CATALOGUE is not set (the route is then not served). The
 * catalogue path is relative to `root`. Throws ShopifyConfigError naming the
 * variable, or the catalogue's file, line and field.
 */
export function shopifyConfigFromEnv(env: ShopifyEnv, root: string, load: (path: string) => Catalogue = loadCatalogue): ShopifyConfig | undefined {
  const parsed = shopifyEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ShopifyConfigError(parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; '));
  }
  const e = parsed.data;
  if (!e.SHOPIFY_CATALOGUE) return undefined;
  let fallback: ShopifyFallbackRate | undefined;
  if (e.SHOPIFY_FALLBACK_PRICE) {
    const [amount, currency] = e.SHOPIFY_FALLBACK_PRICE.split(' ') as [string, string];
    const ccy = currencyCodeSchema.safeParse(currency);
    if (!ccy.success) throw new ShopifyConfigError(`SHOPIFY_FALLBACK_PRICE: ${ccy.error.issues[0]?.message}`);
    const text = e.SHOPIFY_FALLBACK_DESCRIPTION;
    fallback = {
      serviceName: e.SHOPIFY_FALLBACK_NAME ?? 'International shipping',
      serviceCode: FALLBACK_SERVICE_CODE,
      description: text ? { es: text, en: text } : DEFAULT_FALLBACK_DESCRIPTION,
      amount: new D(amount),
      currency,
    };
  }
  const carriers = e.SHOPIFY_CARRIERS?.split(',').map((c) => c.trim()).filter((c) => c !== '');
  return {
    catalogue: load(resolve(root, e.SHOPIFY_CATALOGUE)),
    defaults: {
      ...(e.SHOPIFY_DEFAULT_HS_CODE ? { hsCode: e.SHOPIFY_DEFAULT_HS_CODE } : {}),
      ...(e.SHOPIFY_DEFAULT_ORIGIN_COUNTRY ? { originCountry: e.SHOPIFY_DEFAULT_ORIGIN_COUNTRY } : {}),
      ...(e.SHOPIFY_DEFAULT_UNIT_GRAMS ? { unitGrams: e.SHOPIFY_DEFAULT_UNIT_GRAMS } : {}),
    },
    ...(e.SHOPIFY_HMAC_SECRET ? { hmacSecret: e.SHOPIFY_HMAC_SECRET } : {}),
    timeBudgetMs: e.SHOPIFY_TIME_BUDGET_MS ?? DEFAULT_TIME_BUDGET_MS,
    incoterm: e.SHOPIFY_INCOTERM ?? 'DDP',
    ...(carriers && carriers.length > 0 ? { carriers } : {}),
    ...(fallback ? { fallback } : {}),
    replayWindowMs: (e.SHOPIFY_REPLAY_WINDOW_SECONDS ?? DEFAULT_REPLAY_WINDOW_SECONDS) * 1000,
  };
}
