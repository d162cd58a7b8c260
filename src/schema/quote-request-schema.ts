import { z } from 'zod';
import { isCalendarDate, isCountryCode } from './primitives';
import { isCurrencyCode } from './iso4217';
import { quoted, REQUEST_MESSAGES, type Measure, type RequestMessages } from './request-messages';

/**
 * `POST /quote` request body (the contract: README "Ask for a quote", served as /openapi.json). Field names are the
 * contract; every message names what was expected and what came, in the request's language: the schema is built
 * once per language from request-messages.ts (`quoteRequestSchemaIn`); `quoteRequestSchema` is the English one.
 */

type Locale = 'es' | 'en';

/** Most carrier ids a request may filter by (README "Limits"); there are far fewer carriers. */
export const MAX_CARRIER_FILTER = 50;
/** Longest carrier id accepted in the filter. */
const MAX_CARRIER_ID_LENGTH = 64;

/** The schemas of one language. */
function fieldSchemas(m: RequestMessages, locale: Locale) {
  const got = (input: unknown) => quoted(input, locale);
  const positiveNumber = (what: Measure) =>
    z
      .number({ error: (i) => m.positiveType(what, got(i.input)) })
      .positive({ error: (i) => m.positiveMin(what, got(i.input)) })
      .max(1e6, { error: m.positiveMax(what) });
  const country = z.string().refine(isCountryCode, { error: (i) => m.country(got(i.input)) });
  const currency = z.string().refine(isCurrencyCode, { error: (i) => m.currency(got(i.input)) });
  const isoDate = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (i) => m.dateFormat(got(i.input)) })
    .refine(isCalendarDate, { error: (i) => m.dateCalendar(got(i.input)) });
  const moneyAmount = z
    .string({ error: (i) => m.amountType(got(i.input)) })
    .regex(/^\d{1,15}(\.\d{1,10})?$/, { error: (i) => m.amountFormat(got(i.input)) });
  /**
   * Alcoholic strength by volume, a JSON number from 0 to 100 with at most two decimals ("40",
   * "12.5"): a percentage as labels print it, read through its decimal text (never as a float).
   */
  const alcoholByVolume = z
    .number({ error: (i) => m.abvType(got(i.input)) })
    .min(0, { error: (i) => m.abvMin(got(i.input)) })
    .max(100, { error: (i) => m.abvMax(got(i.input)) })
    .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(String(v)), { error: (i) => m.abvDecimals(got(i.input)) });
  const hsCode = z
    .string({ error: (i) => m.hsType(got(i.input)) })
    .transform((s) => s.replace(/[.\s]/g, ''))
    // Only digits are quoted back: a product name typed here ("tazadecerámica") is not a code to echo.
    .refine((s) => /^\d{6,10}$/.test(s), { error: (i) => (/^\d*$/.test(String(i.input)) ? m.hsDigits(got(i.input)) : m.hsNotACode) });
  return { positiveNumber, country, currency, isoDate, moneyAmount, alcoholByVolume, hsCode };
}

function requestSchema(locale: Locale) {
  const m = REQUEST_MESSAGES[locale];
  const got = (input: unknown) => quoted(input, locale);
  const f = fieldSchemas(m, locale);
  const address = z.object({
    country: f.country,
    region: z.string().min(1).max(10).optional(),
    postalCode: z.string().min(1).max(20).optional(),
    /** Sent to carriers whose rating API needs it (DHL Express); tables do not use it. */
    city: z.string().trim().min(1).max(45).optional(),
  });
  const item = z.object({
    description: z.string().max(500).default(''),
    hsCode: f.hsCode,
    originCountry: f.country.optional(),
    claimPreference: z.boolean().default(true),
    quantity: z
      .number({ error: (i) => m.quantityType(got(i.input)) })
      .int({ error: (i) => m.quantityInt(got(i.input)) })
      .positive({ error: (i) => m.quantityMin(got(i.input)) })
      .max(1_000_000, { error: m.quantityMax }),
    unitPrice: z.object({ amount: f.moneyAmount, currency: f.currency }),
    unitWeight: z.object({ value: f.positiveNumber('weight'), unit: z.enum(['kg', 'lb']) }).optional(),
    /** Needed where a duty or an excise is charged per litre (spirits, wine, beer). */
    unitVolume: z.object({ value: f.positiveNumber('volume'), unit: z.enum(['l', 'ml']) }).optional(),
    /** Alcoholic strength in % vol (40 for a 40 % tequila): needed where an excise or a duty depends on it. */
    alcoholByVolume: f.alcoholByVolume.optional(),
  });
  const parcel = z.object({
    length: f.positiveNumber('length'),
    width: f.positiveNumber('width'),
    height: f.positiveNumber('height'),
    dimensionUnit: z.enum(['cm', 'in']),
    weight: f.positiveNumber('weight'),
    weightUnit: z.enum(['kg', 'lb']),
  });
  const schema = z.object({
    origin: address,
    destination: address,
    currency: f.currency.optional(),
    incoterm: z.enum(['DDP', 'DAP']).default('DAP'),
    shipDate: f.isoDate.optional(),
    items: z
      .array(item, { error: (i) => m.itemsType(got(i.input)) })
      .min(1, { error: m.itemsMin })
      .max(1000, { error: m.itemsMax }),
    parcels: z.array(parcel).min(1, { error: m.parcelsMin }).max(50).optional(),
    carriers: z
      .array(z.string().min(1).max(MAX_CARRIER_ID_LENGTH), { error: (i) => m.carriersType(got(i.input)) })
      .max(MAX_CARRIER_FILTER, { error: m.carriersMax(MAX_CARRIER_FILTER) })
      .optional(),
    insure: z.boolean().default(false),
    /** Who receives the goods: carriers' restricted-goods rules and some national parcel charges depend on it. */
    buyer: z.enum(['consumer', 'business']).default('consumer'),
    locale: z.enum(['es', 'en']).optional(),
    minConfidence: z
      .enum(['confirmed', 'secondary', 'estimated'], { error: (i) => m.minConfidence(got(i.input)) })
      .optional()
      .describe('Refuse to quote below this confidence: options under it are left out, and with none left the answer is 422 MIN_CONFIDENCE_NOT_MET naming the lines'),
  });
  return { schema, item, address, parcel, hsCode: f.hsCode, alcoholByVolume: f.alcoholByVolume };
}

const EN = requestSchema('en');
const ES = requestSchema('es');

export const quoteRequestSchema = EN.schema;
/** The request schema whose messages are in `locale`; generic zod messages come from zod's own locale (quote-route.ts). */
export const quoteRequestSchemaIn: Record<Locale, typeof quoteRequestSchema> = { en: EN.schema, es: ES.schema };
export const itemSchema = EN.item;
export const addressSchema = EN.address;
export const parcelSchema = EN.parcel;
export const hsCodeSchema = EN.hsCode;
export const alcoholByVolumeSchema = EN.alcoholByVolume;

export type QuoteRequestBody = z.output<typeof quoteRequestSchema>;
