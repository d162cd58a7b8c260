import { z } from 'zod';
import { getCodes } from 'country-list';
import { D } from './decimal';
import { describeInput } from './describe-input';
import { isCurrencyCode } from './iso4217';

/** Building blocks shared by the tariff, carrier and request schemas. */

const COUNTRY_CODES = new Set(getCodes());

export const isCountryCode = (c: string): boolean => COUNTRY_CODES.has(c);

export const countryCodeSchema = z
  .string()
  .refine(isCountryCode, {
    error: (iss) => `expected an ISO 3166-1 alpha-2 country code such as "MX", got ${describeInput(iss.input)}`,
  });

export const currencyCodeSchema = z
  .string()
  .refine((c) => isCurrencyCode(c), {
    error: (iss) => `expected an ISO 4217 currency code such as "USD", got ${describeInput(iss.input)}`,
  });

const NON_NEGATIVE_DECIMAL_RE = /^\d+(\.\d+)?$/;

function decimalString(what: string, example: string) {
  return z
    .string({ error: (iss) => `expected ${what} as a string such as "${example}", got ${describe(iss.input)}` })
    .regex(NON_NEGATIVE_DECIMAL_RE, {
      error: (iss) => `expected ${what} such as "${example}", got ${describe(iss.input)}`,
    })
    .transform((s) => new D(s));
}

const describe = describeInput;

/** A money amount as a decimal string, never a JSON number ("12.50"). */
export const amountSchema = decimalString('an amount', '12.50');
/** A percentage as a decimal string ("16.5" means 16.5 %). */
export const percentSchema = decimalString('a percentage', '19');
/** A signed decimal string ("-1.5"), for carrier answers that may carry discounts. */
export const signedDecimalSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, { error: (iss) => `expected a decimal number such as "-1.5", got ${describe(iss.input)}` })
  .transform((s) => new D(s));

/** A YYYY-MM-DD text that names a day of the calendar (not 2026-02-30). */
export const isCalendarDate = (s: string): boolean => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `expected a date as YYYY-MM-DD, got ${describe(iss.input)}` })
  .refine(isCalendarDate, {
    error: (iss) => `${describe(iss.input)} is not a calendar date`,
  });

/** An HS code prefix of 2 to 10 digits, written without dots ("6109", "610910"). */
export const hsPrefixSchema = z
  .string()
  .regex(/^\d{2,10}$/, { error: (iss) => `expected an HS prefix of 2 to 10 digits without dots such as "6109", got ${describe(iss.input)}` });

export const localizedTextSchema = z.object({
  es: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * How sure a data file is of a figure: `confirmed` (official text or several consistent
 * sources), `secondary` (one secondary source), `unconfirmed` (conflicting, general
 * knowledge or an editorial estimate), `estimated` (a generated estimate). tariffs/README.md.
 */
export const fileConfidenceSchema = z.enum(['confirmed', 'secondary', 'unconfirmed', 'estimated']);
export type FileConfidence = z.infer<typeof fileConfidenceSchema>;

/** Where a figure comes from: a key of the file's `sources`, optionally its own review date. */
export const sourcedFields = {
  source: z.string().min(1),
  reviewed: isoDateSchema.optional(),
  confidence: fileConfidenceSchema.optional(),
};

export const sourceEntrySchema = z.object({
  title: z.string().min(1),
  /** The title in Spanish, shown in Spanish answers; without it they show `title` marked "(en inglés)". */
  titleEs: z.string().min(1).optional(),
  url: z.string().optional(),
  reviewed: isoDateSchema,
  licence: z.string().optional(),
});

export const datedFields = {
  effectiveFrom: isoDateSchema.optional(),
  effectiveTo: isoDateSchema.optional(),
};
