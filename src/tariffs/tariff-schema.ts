import { z } from 'zod';
import {
  amountSchema,
  countryCodeSchema,
  currencyCodeSchema,
  datedFields,
  hsPrefixSchema,
  isoDateSchema,
  localizedTextSchema,
  percentSchema,
  sourceEntrySchema,
  sourcedFields,
} from '../schema/primitives';

/**
 * The tariff file format `tariffs/<ISO2>.json`. Documented for editors in
 * tariffs/README.md. Every figure names a key of `sources`; dates are
 * inclusive (`effectiveTo` is the last day a rule is in force).
 */

/** A duty is typed components combined with +, MIN and MAX (UK tariff calculator model). */
export type DutyExpressionInput =
  | { type: 'adValorem'; percent: string }
  | { type: 'specific'; amount: string; currency: string; per: 'unit' | 'kg' | 'litre'; quantity?: string }
  | { type: 'sum' | 'min' | 'max'; of: DutyExpressionInput[] };

const adValoremSchema = z.object({ type: z.literal('adValorem'), percent: percentSchema });
const specificSchema = z.object({
  type: z.literal('specific'),
  amount: amountSchema,
  currency: currencyCodeSchema,
  per: z.enum(['unit', 'kg', 'litre']),
  /** The amount is per this many units, e.g. "100" for "EUR 93.1 / 100 kg". Default 1. */
  quantity: amountSchema.optional(),
});

export const dutyExpressionSchema: z.ZodType<DutyExpression, DutyExpressionInput> = z.lazy(() =>
  z.discriminatedUnion('type', [
    adValoremSchema,
    specificSchema,
    z.object({ type: z.enum(['sum', 'min', 'max']), of: z.array(dutyExpressionSchema).min(2) }),
  ]),
);
export type DutyExpression =
  | z.output<typeof adValoremSchema>
  | z.output<typeof specificSchema>
  | { type: 'sum' | 'min' | 'max'; of: DutyExpression[] };

/** What a threshold or band is measured on. */
export const valueBasisSchema = z.enum(['goods', 'goodsPlusShipping', 'customsValue']);

/** Who a rule applies to: the goods' origin, the country the parcel ships from, the channel. */
const scopeFields = {
  /** ISO codes, or "agreement:<ID>" for an agreement's members. Omitted: any. */
  origins: z.array(z.string()).optional(),
  /** Country the consignment is shipped from (Canada's CUSMA courier thresholds). */
  shipFrom: z.array(z.string()).optional(),
  channels: z.array(z.enum(['courier', 'postal'])).optional(),
  /** HS prefixes that the rule does not cover (e.g. alcohol, tobacco). */
  excludeHs: z.array(hsPrefixSchema).optional(),
};

export const thresholdSchema = z.object({
  id: z.string().min(1),
  amount: amountSchema,
  currency: currencyCodeSchema,
  basis: valueBasisSchema,
  ...scopeFields,
  ...sourcedFields,
});

const regimeTreatmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exempt') }),
  /** One flat rate on the band's basis, optionally minus a fixed deduction (Brazil: 60 % minus USD 20). */
  z.object({
    type: z.literal('rate'),
    percent: percentSchema,
    deduct: amountSchema.optional(),
    deductCurrency: currencyCodeSchema.optional(),
  }),
  /** A flat amount per distinct HS classification at `hsDigits` (EU: EUR 3 per HS6 sub-heading). */
  z.object({
    type: z.literal('perItemCategory'),
    amount: amountSchema,
    currency: currencyCodeSchema,
    hsDigits: z.number().int().min(2).max(10),
  }),
]);

export const regimeBandSchema = z.object({
  /** Exclusive lower bound; omitted means from zero. */
  above: amountSchema.optional(),
  /** Inclusive upper bound; omitted means no ceiling. */
  upTo: amountSchema.optional(),
  treatment: regimeTreatmentSchema,
});

export const regimeSchema = z.object({
  id: z.string().min(1),
  name: localizedTextSchema,
  /** What the regime replaces: duty only (EU EUR 3) or duty and taxes (Mexico's courier global rate). */
  replaces: z.array(z.enum(['duty', 'tax'])).min(1),
  currency: currencyCodeSchema,
  basis: valueBasisSchema,
  bands: z.array(regimeBandSchema).min(1),
  ...scopeFields,
  ...sourcedFields,
});

export const taxComponentSchema = z.enum(['goods', 'shipping', 'insurance', 'customsValue', 'duties', 'fees']);

export const taxSchema = z.object({
  code: z.string().min(1),
  name: localizedTextSchema,
  rate: percentSchema,
  /** Sub-national taxes: the region codes where this tax is levied. Omitted: everywhere. */
  regions: z.array(z.string()).optional(),
  /** Components of the taxable base; `customsValue` already holds shipping on CIF destinations. */
  base: z.array(taxComponentSchema).min(1),
  /** Other taxes (by code) that are part of this tax's base (China: VAT on top of consumption tax). */
  baseIncludesTaxes: z.array(z.string()).optional(),
  /** Computed "por dentro" (Brazil's ICMS): tax = base × rate / (1 − rate). */
  grossUp: z.boolean().optional(),
  reduced: z.array(z.object({ hs: hsPrefixSchema, rate: percentSchema, ...sourcedFields })).optional(),
  /** Collected by the seller or marketplace at the sale up to this value (UK GBP 135, AU AUD 1,000, EU IOSS). */
  sellerCollection: z
    .object({ upTo: amountSchema, currency: currencyCodeSchema, basis: valueBasisSchema, note: localizedTextSchema })
    .optional(),
  ...sourcedFields,
});

export const feeSchema = z.object({
  code: z.string().min(1),
  name: localizedTextSchema,
  currency: currencyCodeSchema,
  charge: z.discriminatedUnion('type', [
    z.object({ type: z.literal('flat'), amount: amountSchema }),
    z.object({
      type: z.literal('adValorem'),
      percent: percentSchema,
      min: amountSchema.optional(),
      max: amountSchema.optional(),
    }),
  ]),
  /** Band of the customs value (in `currency`) where the fee applies: above < value ≤ upTo. */
  above: amountSchema.optional(),
  upTo: amountSchema.optional(),
  /** Goods entered under these agreements are exempt (US MPF on USMCA-originating goods). */
  exemptUnder: z.array(z.string()).optional(),
  ...sourcedFields,
});

export const periodSchema = z.object({
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.optional(),
  valuation: z.object({ basis: z.enum(['FOB', 'CIF']), ...sourcedFields }),
  deMinimis: z.object({
    duty: z.array(thresholdSchema),
    tax: z.array(thresholdSchema),
  }),
  regimes: z.array(regimeSchema).default([]),
  taxes: z.array(taxSchema),
  fees: z.array(feeSchema).default([]),
});

export const measureSchema = z.object({
  hs: hsPrefixSchema,
  description: z.string().optional(),
  duty: dutyExpressionSchema,
  ...datedFields,
  ...sourcedFields,
});

export const preferenceSchema = measureSchema.extend({ agreement: z.string().min(1) });

export const agreementSchema = z.object({
  name: localizedTextSchema,
  members: z.array(countryCodeSchema).min(1),
  /** Rate for originating goods where no HS-specific preferential measure is listed. */
  defaultDuty: dutyExpressionSchema.optional(),
  ...datedFields,
  ...sourcedFields,
});

export const additionalDutySchema = z.object({
  id: z.string().min(1),
  name: localizedTextSchema,
  origins: z.array(countryCodeSchema).min(1),
  /** HS prefixes covered; omitted: every product of those origins. */
  hs: z.array(hsPrefixSchema).optional(),
  excludeHs: z.array(hsPrefixSchema).optional(),
  duty: dutyExpressionSchema,
  /** Not charged on goods entered under a claimed preference of these agreements (US 9903.05.94). */
  exemptUnder: z.array(z.string()).optional(),
  ...datedFields,
  ...sourcedFields,
});

export const noteSchema = z.object({
  code: z.string().min(1),
  severity: z.enum(['info', 'warning']).default('info'),
  text: localizedTextSchema,
  hs: z.array(hsPrefixSchema).optional(),
  ...datedFields,
  ...sourcedFields,
});

export const tariffFileSchema = z.object({
  $schema: z.string().optional(),
  country: countryCodeSchema,
  name: localizedTextSchema,
  /** Currency of the destination: the answer's default and the customs currency. */
  currency: currencyCodeSchema,
  /** IANA time zone of the destination (used for delivery dates). */
  timeZone: z.string().min(1),
  /** Sub-national regions (ISO 3166-2 suffixes such as "ON"); needed when a tax depends on them. */
  regions: z.record(z.string(), localizedTextSchema).optional(),
  sources: z.record(z.string(), sourceEntrySchema),
  periods: z.array(periodSchema).min(1),
  agreements: z.record(z.string(), agreementSchema).default({}),
  duties: z.object({
    /** Country default when no HS prefix matches: always reported as an estimate. */
    default: z.object({ duty: dutyExpressionSchema, ...sourcedFields }),
    mfn: z.array(measureSchema),
    preferential: z.array(preferenceSchema).default([]),
    additional: z.array(additionalDutySchema).default([]),
  }),
  notes: z.array(noteSchema).default([]),
});

export type TariffFile = z.output<typeof tariffFileSchema>;
export type TariffPeriod = z.output<typeof periodSchema>;
export type Threshold = z.output<typeof thresholdSchema>;
export type Regime = z.output<typeof regimeSchema>;
export type RegimeBand = z.output<typeof regimeBandSchema>;
export type TaxRule = z.output<typeof taxSchema>;
export type FeeRule = z.output<typeof feeSchema>;
export type DutyMeasure = z.output<typeof measureSchema>;
export type PreferenceMeasure = z.output<typeof preferenceSchema>;
export type Agreement = z.output<typeof agreementSchema>;
export type AdditionalDuty = z.output<typeof additionalDutySchema>;
export type TariffNote = z.output<typeof noteSchema>;
export type ValueBasis = z.infer<typeof valueBasisSchema>;
export type TaxComponent = z.infer<typeof taxComponentSchema>;
