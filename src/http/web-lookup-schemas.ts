import { z } from 'zod';

/**
 * The answers of the form's look-ups (`GET /hs/search`, `/countries`,
 * `/currencies`), for the OpenAPI document; test/web/web-routes.test.ts
 * checks each route's real answer against its schema, so they cannot drift.
 */

const hsSuggestionSchema = z.strictObject({
  code: z.string().describe('As a person writes it: "6109.10"'),
  hs6: z.string().regex(/^\d{6}$/),
  label: z.string().describe('The product name in `lang`: a curated name, or the HS 2022 subheading text'),
  lang: z.enum(['es', 'en']).describe('Language of `label`'),
  official: z.string().describe('The HS 2022 subheading text (UN Comtrade), to check the choice against'),
  officialLang: z.literal('en').describe('The language of `official`: English, the only language the nomenclature is published in'),
  source: z.enum(['curated', 'hs2022']),
  note: z.string().optional().describe('Where the code depends on the material or the form, in the request\'s language; in Spanish, also that `label` is the official English text when no Spanish name maps to the code'),
});

export const hsSearchResponseSchema = z.strictObject({
  query: z.string(),
  locale: z.enum(['es', 'en']),
  results: z.array(hsSuggestionSchema),
});

export const countriesResponseSchema = z.strictObject({
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).describe('Every ISO 3166-1 alpha-2 code (origins and addresses)'),
  destinations: z
    .array(
      z.strictObject({
        country: z.string().regex(/^[A-Z]{2}$/),
        currency: z.string().regex(/^[A-Z]{3}$/),
        regions: z.array(z.strictObject({ code: z.string(), name: z.strictObject({ es: z.string(), en: z.string() }) })),
      }),
    )
    .describe('Countries with a tariff file: the destinations a quote can go to'),
});

export const currenciesResponseSchema = z.strictObject({
  asOf: z.string().describe('Date of the exchange rates in use'),
  currencies: z.array(z.string().regex(/^[A-Z]{3}$/)).describe('Currencies an amount may be given or answered in'),
});
