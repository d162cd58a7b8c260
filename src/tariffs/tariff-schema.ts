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
import { dutyExpressionSchema } from './duty-expression-schema';
import { exciseRuleSchema } from './excise-schema';
import { proofOfOriginSchema } from './proof-schema';
import { roundingRuleSchema, taxShareSchema } from './rounding-schema';
import { territorySchemaOf } from './territory-schema';

/**
 * The tariff file format `tariffs/<ISO2>.json`. Documented for editors in
 * tariffs/README.md. Every figure names a key of `sources`; dates are
 * inclusive (`effectiveTo` is the last day a rule is in force).
 */

/** What a threshold or band is measured on. */
export const valueBasisSchema = z.enum(['goods', 'goodsPlusShipping', 'customsValue']);

/** Who a rule applies to: the goods' origin, the country the parcel ships from, the channel. */
/** An ISO country code or "agreement:<ID>" (the members of an agreement of the file). */
export const originRefSchema = z.string().refine((o) => /^agreement:.+$/.test(o) || countryCodeSchema.safeParse(o).success, {
  error: (iss) => `expected an ISO 3166-1 alpha-2 country code such as "MX" or "agreement:<ID>", got ${JSON.stringify(iss.input)}`,
});

const scopeFields = {
  /** ISO codes, or "agreement:<ID>" for an agreement's members. Omitted: any. */
  origins: z.array(originRefSchema).optional(),
  /** The rule does not cover a consignment holding goods of these origins. */
  exceptOrigins: z.array(originRefSchema).optional(),
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

/** `excise`: the item's excise lines (EU art. 86(1)(a), GB, AU, JP, CA ETA s. 215, MX LIVA art. 27). */
export const taxComponentSchema = z.enum(['goods', 'shipping', 'insurance', 'customsValue', 'duties', 'fees', 'excise']);

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
  /** Reduced rates by HS prefix (longest wins); `description` says what one covers, for the person reading the file. */
  reduced: z.array(z.object({ hs: hsPrefixSchema, rate: percentSchema, description: z.string().optional(), ...sourcedFields })).optional(),
  /** Collected by the seller or marketplace at the sale up to this value (UK GBP 135, AU AUD 1,000, EU IOSS). */
  sellerCollection: z
    .object({
      upTo: amountSchema,
      currency: currencyCodeSchema,
      basis: valueBasisSchema,
      note: localizedTextSchema,
      /** Goods the scheme does not cover (excise goods): a consignment holding one pays the tax at import. */
      excludeHs: z.array(hsPrefixSchema).optional(),
    })
    .optional(),
  /** Computed as a share of another tax (Japan's local consumption tax: 22/78 of the national one). */
  shareOf: taxShareSchema.optional(),
  ...sourcedFields,
});

// ---- National parcel charges (issue 12, item 3): tariffs/README.md, "Fees" ----

/** A flat amount per counted unit: per parcel, or per distinct HS line (EU H7 "article": HS6). */
export const feePerCountSchema = z.object({
  type: z.literal('perCount'),
  amount: amountSchema,
  per: z.enum(['parcel', 'hsLine']),
  /** hsLine: digits an HS line is counted at. Default 6. */
  hsDigits: z.number().int().min(2).max(10).default(6),
});

/** Who the law charges; the answer shows `seller` (seller, platform) or `buyer` (buyer, carrier: passed on with the import charges). */
export const feePayerSchema = z.enum(['buyer', 'seller', 'carrier', 'platform']);

/** Which consignments a fee covers, beyond its customs-value band. */
export const feeScopeSchema = z.object({
  ...scopeFields,
  /** The consignment does not leave from these (ISO or "agreement:<ID>"): "from outside the EU". */
  exceptShipFrom: z.array(originRefSchema).optional(),
  /** Only sales to these buyers (the request's `buyer`): RO's tax covers B2C distance sales. */
  buyers: z.array(z.enum(['consumer', 'business'])).min(1).optional(),
  /** A value ceiling on its own basis and currency (intrinsic value ≤ EUR 150; RO: < EUR 150 with inclusive false). */
  maxValue: z.object({ amount: amountSchema, currency: currencyCodeSchema, basis: valueBasisSchema, inclusive: z.boolean().default(true) }).optional(),
  /** Special territories (ids of the file's `territories`) the fee does not reach (FR TPC: not French Guiana, Mayotte). */
  exceptTerritories: z.array(z.string().min(1)).optional(),
});

/** New fee fields: dates, scope, payer, VAT-base treatment, a tax on the fee itself, a note. */
const parcelChargeFields = {
  ...datedFields,
  scope: feeScopeSchema.optional(),
  /** Omitted: buyer (as every fee before 2026). */
  payer: feePayerSchema.optional(),
  /**
   * Whether the fee is part of the `fees` component of a tax base. Omitted: true (a tax that lists
   * `fees` takes it). `unknown`: left out, and the answer says the law is not clear.
   */
  inTaxBase: z.union([z.boolean(), z.literal('unknown')]).optional(),
  /** A tax charged on the fee itself (New Zealand: levy + 15 % GST). */
  taxOnFee: z.object({ percent: percentSchema, name: localizedTextSchema }).optional(),
  /** Shown as a warning on every option the fee is charged on (a deferral, an unclear status). */
  note: localizedTextSchema.optional(),
};

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
    feePerCountSchema,
  ]),
  /** Band of the customs value (in `currency`) where the fee applies: above < value ≤ upTo. */
  above: amountSchema.optional(),
  upTo: amountSchema.optional(),
  /** Goods entered under these agreements are exempt (US MPF on USMCA-originating goods). */
  exemptUnder: z.array(z.string()).optional(),
  ...parcelChargeFields,
  ...sourcedFields,
});

/** FOB: customs value = goods (US, CA); CIF: goods + international shipping + insurance (EU, GB). */
export const valuationSchema = z.object({ basis: z.enum(['FOB', 'CIF']), ...sourcedFields });
export const deMinimisSchema = z.object({
  duty: z.array(thresholdSchema),
  tax: z.array(thresholdSchema),
});

/** A period's dates and customs rules; a customs union file holds these for all its members. */
export const customsPeriodFields = {
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.optional(),
  valuation: valuationSchema,
  deMinimis: deMinimisSchema,
  regimes: z.array(regimeSchema).default([]),
};

export const periodSchema = z.object({
  ...customsPeriodFields,
  taxes: z.array(taxSchema),
  fees: z.array(feeSchema).default([]),
  /** National rounding rules (Japan), applied in order at their step of the computation. */
  rounding: z.array(roundingRuleSchema).default([]),
});

export const measureSchema = z.object({
  hs: hsPrefixSchema,
  description: z.string().optional(),
  duty: dutyExpressionSchema,
  /**
   * The source gives a range over the national lines under this code (EU: the CN codes under an
   * HS6) as these two texts; `duty` is the higher end and the quote flags it as an estimate.
   */
  range: z.object({ low: z.string().min(1), high: z.string().min(1) }).optional(),
  ...datedFields,
  ...sourcedFields,
});

/**
 * A preferential measure names one agreement (`agreement`) or several with the same duty on the
 * same code (`agreements`), so that identical preferences are written once.
 */
export const preferenceSchema = measureSchema
  .extend({ agreement: z.string().min(1).optional(), agreements: z.array(z.string().min(1)).min(1).optional() })
  .refine((m) => (m.agreement === undefined) !== (m.agreements === undefined), {
    error: 'give either "agreement" (one id) or "agreements" (a list of ids), not both and not neither',
    path: ['agreement'],
  });

/** The agreement ids of a preferential measure. */
export function measureAgreements(m: { agreement?: string | undefined; agreements?: string[] | undefined }): string[] {
  return m.agreements ?? (m.agreement !== undefined ? [m.agreement] : []);
}

export const agreementSchema = z.object({
  name: localizedTextSchema,
  members: z.array(countryCodeSchema).min(1),
  /**
   * When a member joined (or left) later than the agreement's own dates: CPTPP members accede one
   * by one. Keys must be listed in `members`; a member without an entry follows the agreement's dates.
   */
  memberDates: z.record(z.string(), z.object({ ...datedFields })).optional(),
  /** Rate for originating goods where no HS-specific preferential measure is listed. */
  defaultDuty: dutyExpressionSchema.optional(),
  /**
   * HS prefixes the agreement leaves out (Canada's supply-managed dairy, poultry and eggs under
   * CUSMA): `defaultDuty` does not apply to them; HS-specific preferential measures still do.
   */
  excludeHs: z.array(hsPrefixSchema).optional(),
  /** The proof of origin the agreement requires, named in the PROOF_OF_ORIGIN note. */
  proof: proofOfOriginSchema.optional(),
  ...datedFields,
  ...sourcedFields,
});

/**
 * An agreement whose claimed preference exempts goods from an additional duty, optionally only for
 * some HS prefixes (US Section 122: CAFTA-DR textiles, chapters 50–63).
 */
export const exemptionSchema = z.union([
  z.string().min(1),
  z.object({ agreement: z.string().min(1), hs: z.array(hsPrefixSchema).min(1).optional(), excludeHs: z.array(hsPrefixSchema).optional() }),
]);

export const additionalDutySchema = z.object({
  id: z.string().min(1),
  name: localizedTextSchema,
  /** ISO codes or "agreement:<ID>"; omitted: goods of every origin. */
  origins: z.array(originRefSchema).min(1).optional(),
  /** Origins the duty does not cover (Section 122: every origin except the US itself). */
  exceptOrigins: z.array(originRefSchema).optional(),
  /** HS prefixes covered; omitted: every product of those origins. */
  hs: z.array(hsPrefixSchema).optional(),
  excludeHs: z.array(hsPrefixSchema).optional(),
  duty: dutyExpressionSchema,
  /** Not charged on goods entered under a claimed preference of these agreements (US 9903.05.94). */
  exemptUnder: z.array(exemptionSchema).optional(),
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

/**
 * A note for quotes whose ORIGIN is this file's country (Mexico's export documents), shown when
 * its conditions hold: the goods value is over an amount, or a preference was claimed.
 */
export const exportNoteSchema = noteSchema.extend({
  when: z
    .object({
      /** Shown only when the consignment's goods value, converted to `currency`, is over `amount`. */
      goodsValueAbove: z.object({ amount: amountSchema, currency: currencyCodeSchema }).optional(),
      /** Shown only when at least one item was quoted at a preferential rate. */
      preferenceClaimed: z.literal(true).optional(),
    })
    .optional(),
});

/**
 * Marks a file written by a command from reference tables (`npm run import:world`): the command
 * rewrites only files that carry it, never a researched file (tariffs/README.md, "Generated files").
 */
export const generatedMarkerSchema = z.object({
  /** The command that wrote the file. */
  by: z.string().min(1),
  /** The tables it was generated from, as repository paths. */
  from: z.array(z.string().min(1)).min(1),
  /** The date of those tables (not the day the command ran, so the output is reproducible). */
  at: isoDateSchema,
});

/** Special territories by postcode (issue 12, item 5): the schema is in territory-schema.ts. */
export const territorySchema = territorySchemaOf(taxSchema, thresholdSchema);

export const agreementsSchema = z.record(z.string(), agreementSchema).default({});

export const dutiesSchema = z.object({
  /** Country default when no HS prefix matches: always reported as an estimate. */
  default: z.object({ duty: dutyExpressionSchema, ...sourcedFields }),
  mfn: z.array(measureSchema),
  preferential: z.array(preferenceSchema).default([]),
  additional: z.array(additionalDutySchema).default([]),
});

/** The fields naming the destination, shared by full tariff files and member files of a customs union. */
export const destinationFields = {
  $schema: z.string().optional(),
  country: countryCodeSchema,
  name: localizedTextSchema,
  /** Currency of the destination: the answer's default and the customs currency. */
  currency: currencyCodeSchema,
  /** IANA time zone of the destination (used for delivery dates). */
  timeZone: z.string().min(1),
  /** Present only on generated files; absent on researched ones. */
  generated: generatedMarkerSchema.optional(),
  /** Sub-national regions (ISO 3166-2 suffixes such as "ON"); needed when a tax depends on them. */
  regions: z.record(z.string(), localizedTextSchema).optional(),
  /** Where the figures come from; a member file may also cite its union's. */
  sources: z.record(z.string(), sourceEntrySchema),
};

export const tariffFileSchema = z.object({
  ...destinationFields,
  periods: z.array(periodSchema).min(1),
  agreements: agreementsSchema,
  duties: dutiesSchema,
  notes: z.array(noteSchema).default([]),
  /** Excise rules (alcohol, tobacco), each dated; charged whatever the consignment's value. */
  excise: z.array(exciseRuleSchema).default([]),
  /** Notes for quotes shipped FROM this country (export side), whatever the destination. */
  exportNotes: z.array(exportNoteSchema).optional(),
  /** Special territories recognised by postcode, tested in order (the first match wins). */
  territories: z.array(territorySchema).optional(),
});

export type TariffFile = z.output<typeof tariffFileSchema>;
export type TariffPeriod = z.output<typeof periodSchema>;
export type Threshold = z.output<typeof thresholdSchema>;
export type Regime = z.output<typeof regimeSchema>;
export type RegimeBand = z.output<typeof regimeBandSchema>;
export type TaxRule = z.output<typeof taxSchema>;
export type FeeRule = z.output<typeof feeSchema>;
export type FeeScope = z.output<typeof feeScopeSchema>;
export type Territory = z.output<typeof territorySchema>;
export type DutyMeasure = z.output<typeof measureSchema>;
export type PreferenceMeasure = z.output<typeof preferenceSchema>;
export type Agreement = z.output<typeof agreementSchema>;
export type Exemption = z.output<typeof exemptionSchema>;
export type ValueBasis = z.infer<typeof valueBasisSchema>;
export type TaxComponent = z.infer<typeof taxComponentSchema>;
