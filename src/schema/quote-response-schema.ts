import { z } from 'zod';

/**
 * The `/quote` answer (the contract: README "Ask for a quote", served as /openapi.json). The engine's result types are
 * inferred from this schema, so the OpenAPI document and the code cannot
 * drift apart; contract tests parse every answer with it.
 */

const amount = z.string().regex(/^-?\d+(\.\d+)?$/).describe('Decimal string in the answer currency\'s minor units');
export const confidenceSchema = z
  .enum(['confirmed', 'secondary', 'estimated'])
  .describe('confirmed: official text or several consistent sources; secondary: one secondary source (or unmarked); estimated: not the HS code\'s own rate, unconfirmed, a generated estimate, or sample carrier prices');
const lineConfidence = { confidence: confidenceSchema };
/** A line or note names its source by id; the answer's `sources` holds each one once (issue 17: the answer by reference). */
const source = { sourceId: z.string().optional().describe('Where the figure comes from: a key of the answer\'s `sources`') };

export const sourceRefSchema = z.strictObject({
  title: z.string().describe('Who publishes it and what it is'),
  url: z.string().optional(),
  reviewed: z.string().describe('When that source was last reviewed'),
});

export const rateDetailSchema = z.strictObject({
  asOf: z.string().describe('Date of this currency\'s rate'),
  source: z.string().describe('Who publishes it'),
  official: z.boolean().describe('true: a central bank\'s reference rate (ECB, BCRA, Banco de la República, CBUAE, Banxico FIX); false: a market rate from an aggregator, not official'),
});

export const noteSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(['info', 'warning']),
  text: z.string(),
  ...source,
});

export const dutyLineSchema = z.strictObject({
  item: z.number().int().optional().describe('Index of the item in the request'),
  hsCode: z.string().optional(),
  matchedHs: z.string().optional().describe('The tariff line that matched'),
  rate: z.string().describe('Percentage ("16.5") or an expression ("0.028 USD/kg + 5%")'),
  base: amount,
  amount,
  rule: z.string().describe('MFN, preferential:<agreement>, additional:<measure>, de-minimis, regime:<id>, estimated:<why>, rounding:duty'),
  working: z.string(),
  estimated: z.boolean().optional(),
  ...lineConfidence,
  ...source,
});

export const taxLineSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  rate: z.string().describe('Percentage ("16"), a specific excise rate ("13.5 USD/proof gal"), a share ("22/78 × CT") or a rounding rule'),
  base: amount.optional().describe('Absent on a specific excise line (charged per quantity, shown in the working)'),
  amount,
  rule: z.string().describe('standard, reduced:<hs>, de-minimis, seller-collected, excise:<id>, rounding:<tax|excise>'),
  working: z.string(),
  collectedAt: z.enum(['checkout', 'import']).describe('checkout: the seller or marketplace collects it at the sale'),
  ...lineConfidence,
  ...source,
});

export const feeLineSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  rate: z.string().optional(),
  base: amount.optional(),
  amount,
  rule: z.string(),
  working: z.string(),
  payer: z.enum(['seller', 'buyer']),
  inTaxBase: z.boolean().optional().describe('Customs fees and national charges: whether the fee is part of the VAT base'),
  ...lineConfidence,
  ...source,
});

export const optionConfidenceSchema = z
  .strictObject({
    level: confidenceSchema.describe('The lowest of the option\'s duty, tax and fee lines and of the figures below'),
    figures: z
      .array(
        z.strictObject({
          kind: z.enum(['valuation', 'regime', 'threshold']),
          id: z.string().optional().describe('The regime or threshold id in the tariff file'),
          confidence: confidenceSchema,
        }),
      )
      .describe('The figures the option used besides its lines: valuation basis, simplified regime, de minimis thresholds that decided'),
  })
  .describe('Shipping prices are not part of it: see rateStatus');

export const quoteConfidenceSchema = z.strictObject({
  lowest: confidenceSchema.optional().describe('The lowest option level; absent when there is no option'),
  byLevel: z.strictObject({ confirmed: z.number().int(), secondary: z.number().int(), estimated: z.number().int() }).describe('How many options are at each level'),
});

const deMinimisOutcome = z.enum(['applied', 'not-applied', 'none']);

export const optionSchema = z.strictObject({
  carrier: z.string(),
  carrierName: z.string(),
  service: z.string(),
  serviceName: z.string(),
  rateStatus: z
    .enum(['sourced', 'illustrative', 'contract'])
    .describe("illustrative: sample prices, load your negotiated table; contract: the shop's own price from the carrier's rating API"),
  shipping: z.strictObject({
    amount,
    chargeableWeightKg: z.string(),
    zone: z.string(),
    lines: z.array(z.strictObject({ code: z.string(), name: z.string(), amount, working: z.string() })),
  }),
  insurance: z.strictObject({ amount, working: z.string().optional() }),
  duties: z.strictObject({ amount, lines: z.array(dutyLineSchema) }),
  taxes: z.strictObject({ amount, lines: z.array(taxLineSchema) }),
  fees: z.strictObject({ amount, lines: z.array(feeLineSchema) }),
  landedCost: amount.describe('goodsValue + shipping + insurance + duties + taxes + fees, exactly'),
  payableAtCheckout: amount,
  payableOnDelivery: amount,
  deliveryDays: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  estimatedDelivery: z.strictObject({ earliest: z.string(), latest: z.string(), pickup: z.string() }),
  deMinimis: z.strictObject({ duty: deMinimisOutcome, tax: deMinimisOutcome, regime: z.string().optional() }),
  confidence: optionConfidenceSchema,
  noteIds: z.array(z.string()).describe('The option\'s notes: keys of the answer\'s `optionNotes` (a note several options share is written once)'),
});

export const quoteResponseSchema = z.strictObject({
  quoteId: z.string(),
  createdAt: z.string(),
  validUntil: z.string(),
  currency: z.string(),
  incoterm: z.enum(['DDP', 'DAP']),
  locale: z.enum(['es', 'en']),
  goodsValue: amount,
  exchangeRates: z.strictObject({
    asOf: z.string().describe('Date of the OLDEST rate used (a cross rate is as old as its older leg)'),
    source: z.string().describe('Every publisher whose rates were used, "; "-separated'),
    base: z.string().describe('The answer currency'),
    rates: z.record(z.string(), z.string()).describe('Units of each currency per one unit of the answer currency'),
    details: z
      .record(z.string(), rateDetailSchema)
      .describe('For the answer currency and every currency in `rates`: the date, publisher and status of its rate against the EUR'),
  }),
  dataDates: z.strictObject({ tariff: z.string(), exchangeRates: z.string(), carriers: z.record(z.string(), z.string()) }),
  options: z.array(optionSchema),
  confidence: quoteConfidenceSchema,
  notes: z.array(noteSchema).describe('Notes on the whole quote'),
  optionNotes: z.record(z.string(), noteSchema).describe('Every option\'s notes by id (the code, or code#n where options word it differently): options list theirs in `noteIds`'),
  sources: z
    .record(z.string(), sourceRefSchema)
    .describe('Every source a line or note names in `sourceId`, by id ("<country of the tariff file>:<key in its sources>")'),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        suggestions: z.array(z.object({ code: z.string(), description: z.string() })).optional().describe('UNKNOWN_HS_CODE: HS 2022 codes that exist nearby (English descriptions)'),
        carrier: z.string().optional().describe('MIN_CONFIDENCE_NOT_MET: the option\'s carrier'),
        service: z.string().optional(),
        kind: z.enum(['duty', 'tax', 'fee', 'valuation', 'regime', 'threshold']).optional().describe('MIN_CONFIDENCE_NOT_MET: what is below the level'),
        code: z.string().optional().describe('MIN_CONFIDENCE_NOT_MET: HS code, tax or fee code, regime or threshold id'),
        rule: z.string().optional(),
        confidence: confidenceSchema.optional(),
      }),
    )
    .optional(),
});
