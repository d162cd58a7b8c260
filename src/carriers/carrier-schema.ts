import { z } from 'zod';
import { amountSchema, countryCodeSchema, currencyCodeSchema, datedFields, hsPrefixSchema, isoDateSchema, localizedTextSchema, percentSchema, sourceEntrySchema } from '../schema/primitives';

/**
 * The carrier rate table format `carriers/<id>.json`, after
 * carriers' rate guides. Documented in carriers/README.md.
 * Weights are kg, sizes cm, money in the table's `currency` unless a
 * surcharge names its own.
 */

const byZoneSchema = z.record(z.string(), amountSchema);

export const postcodeRuleSchema = z
  .object({
    country: countryCodeSchema,
    /** Postcode starts with this (spaces ignored, case-insensitive). */
    prefix: z.string().min(1).optional(),
    /** Inclusive range, compared on the postcode with spaces removed, same length. */
    from: z.string().min(1).optional(),
    to: z.string().min(1).optional(),
    /**
     * In `remoteAreas` only: which kind of area (UPS bills "extended" and
     * "remote" areas at different rates). Omitted: "remote".
     */
    area: z.string().min(1).optional(),
    /** Key of the file's `sources` (optional: remote-area lists are often unsourced). */
    source: z.string().min(1).optional(),
  })
  .refine((r) => r.prefix !== undefined || (r.from !== undefined && r.to !== undefined), {
    error: 'a postcode rule needs "prefix" or both "from" and "to"',
  });

export const zoneSchema = z.object({
  id: z.string().min(1),
  countries: z.array(countryCodeSchema).default([]),
  /** A postcode rule beats a country rule. */
  postcodes: z.array(postcodeRuleSchema).default([]),
  source: z.string().min(1).optional(),
});

export const triggerSchema = z.object({
  field: z.enum([
    'pieceKg',
    'chargeableKg',
    'longestSideCm',
    'secondSideCm',
    'lengthPlusGirthCm',
    'shipmentKg',
    'remoteArea',
    'destination',
    'declaredValue',
  ]),
  op: z.enum(['>', '>=', '<', '<=', '=', 'in']),
  /** remoteArea: true, false or an area name; destination: country codes; the rest: a number. */
  value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]),
  /** declaredValue only: the currency `value` is in (Estafeta's export pedimento above USD 5,000); omitted: the table's. */
  currency: currencyCodeSchema.optional(),
});

export const surchargeSchema = z.object({
  code: z.string().min(1),
  name: localizedTextSchema,
  /** shipment: once; piece: per triggering piece; kg: per chargeable kg; percent: of `percentOf`. */
  basis: z.enum(['shipment', 'piece', 'kg', 'percent']),
  amount: amountSchema.optional(),
  perKg: amountSchema.optional(),
  percent: percentSchema.optional(),
  percentOf: z.enum(['base', 'declaredValue', 'dutiesTaxes']).optional(),
  min: amountSchema.optional(),
  max: amountSchema.optional(),
  currency: currencyCodeSchema.optional(),
  /** Any one trigger makes it apply. No triggers and no option: always applies. */
  triggers: z.array(triggerSchema).optional(),
  /**
   * insurance: only when the request asks for insurance (reported as `insurance`);
   * ddp: the duties-and-taxes-paid fee when the seller pays them;
   * dap: the carrier's collection (disbursement) fee charged to the buyer.
   */
  option: z.enum(['insurance', 'ddp', 'dap']).optional(),
  fuelApplies: z.boolean().default(false),
  /** Not charged when one of these codes is charged (UPS additional handling vs large package). */
  excludes: z.array(z.string()).optional(),
  /** Service ids this surcharge applies to; omitted: all. */
  services: z.array(z.string()).optional(),
  ...datedFields,
  source: z.string().min(1),
});

export const weightBandSchema = z.object({
  /** Inclusive upper bound of the band in kg; null for no ceiling. */
  upToKg: z.number().positive().nullable(),
  stepKg: z.number().positive(),
});

export const serviceSchema = z.object({
  id: z.string().min(1),
  name: localizedTextSchema,
  channel: z.enum(['courier', 'postal']),
  ...datedFields,
  zones: z.array(zoneSchema).min(1),
  remoteAreas: z.array(postcodeRuleSchema).default([]),
  weight: z.object({
    volumetricDivisor: z.number().positive().nullable(),
    dimRounding: z.enum(['nearest', 'up', 'none']).default('none'),
    chargeableScope: z.enum(['piece', 'shipment']).default('piece'),
    rounding: z.array(weightBandSchema).min(1),
    /**
     * piece: every piece is priced on its own chargeable weight and the prices
     * added (postal items); shipment: the pieces' chargeable weights are added
     * and the shipment is priced once (DHL/FedEx/UPS multi-piece).
     * Omitted: follows `chargeableScope`.
     */
    priceBy: z.enum(['piece', 'shipment']).optional(),
    /**
     * Per piece: a piece any of whose triggers holds is billed at least
     * `minKg` (UPS Large Package: length + girth over 300 cm bills at least
     * 40 kg, UPS rate and service guide). Triggers on piece fields only.
     */
    minimumBillable: z
      .array(z.object({ minKg: z.number().positive(), triggers: z.array(triggerSchema).min(1), name: localizedTextSchema, source: z.string().min(1).optional() }))
      .default([]),
    source: z.string().min(1).optional(),
  }),
  rates: z.object({
    breaks: z
      .array(
        z.object({
          maxKg: z.number().positive(),
          /** Prepaid labels (Estafeta): the label sold for this weight cap, shown in the working. */
          label: z.string().min(1).optional(),
          byZone: byZoneSchema,
        }),
      )
      .min(1),
    beyond: z
      .array(
        z.object({
          fromKg: z.number().positive(),
          toKg: z.number().positive().nullable(),
          /** perKgWhole: rate × whole chargeable weight; addPerStep: last break + rate per extra step. */
          mode: z.enum(['perKgWhole', 'addPerStep']),
          stepKg: z.number().positive().default(1),
          byZone: byZoneSchema,
        }),
      )
      .default([]),
    minCharge: byZoneSchema.optional(),
    source: z.string().min(1).optional(),
  }),
  limits: z.object({
    maxPieceKg: z.number().positive(),
    maxShipmentKg: z.number().positive().optional(),
    maxLengthCm: z.number().positive().optional(),
    maxLengthPlusGirthCm: z.number().positive().optional(),
    /** Largest box, sides in any order (Estafeta 150 × 115 × 115 cm): compared longest with longest. */
    maxSidesCm: z.array(z.number().positive()).length(3).optional(),
    maxPieces: z.number().int().positive().optional(),
    source: z.string().min(1).optional(),
  }),
  transit: z.object({
    byZone: z.record(z.string(), z.object({ min: z.number().int().min(0), max: z.number().int().min(0) })),
    /** Local time at the origin after which a shipment leaves the next business day. */
    cutoffLocal: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time such as "17:00"' }),
    /** Customs clearance days added by destination; `default` for the rest. */
    customsDays: z.record(z.string(), z.object({ min: z.number().int().min(0), max: z.number().int().min(0) })),
    source: z.string().min(1).optional(),
  }),
  /** Dated suspensions (Correos de México to the US since 2025-08-27). */
  unavailable: z
    .array(z.object({ countries: z.array(countryCodeSchema).min(1), ...datedFields, reason: localizedTextSchema, source: z.string() }))
    .default([]),
});


// ---- Restricted goods (issue 12, item 2): carriers/README.md, "Restricted goods" ----

/** A named group of HS prefixes that restrictions refer to ("spirits": 2208). */
export const hsGroupSchema = z.object({ name: localizedTextSchema, hs: z.array(hsPrefixSchema).min(1) });

/**
 * A carrier's rule on goods: items under the named HS groups, on a lane (origins, destinations,
 * optionally only to consumers), for some or all services. `refuse` turns the option into a
 * RESTRICTED_GOODS refusal; `warn` keeps it with a warning (accepted only under a contract or
 * approval the table cannot know of).
 */
export const restrictionSchema = z.object({
  id: z.string().min(1),
  /** Keys of the file's `hsGroups`. */
  groups: z.array(z.string().min(1)).min(1),
  /** Service ids; omitted: every service (also a live adapter's services of this carrier). */
  services: z.array(z.string().min(1)).optional(),
  /** Omitted: from anywhere / to anywhere. */
  origins: z.array(countryCodeSchema).optional(),
  destinations: z.array(countryCodeSchema).optional(),
  exceptDestinations: z.array(countryCodeSchema).optional(),
  /** Only when the goods go to a consumer (the request's `buyer`, default "consumer"). */
  consumersOnly: z.boolean().default(false),
  action: z.enum(['refuse', 'warn']).default('refuse'),
  /** The rule in the carrier's words, es/en; the answer adds the items and the group. */
  reason: localizedTextSchema,
  ...datedFields,
  source: z.string().min(1),
  confidence: z.enum(['confirmed', 'secondary', 'unconfirmed']).optional(),
});

export const carrierFileSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a lowercase id such as "dhl-express"' }),
  name: z.string().min(1),
  status: z.enum(['sourced', 'illustrative']),
  statusNote: localizedTextSchema.optional(),
  origins: z.array(countryCodeSchema).min(1),
  currency: currencyCodeSchema,
  /** Prices include the origin's VAT (some Mexican guides quote IVA-inclusive). */
  taxIncluded: z.boolean().default(false),
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.optional(),
  sources: z.record(z.string(), sourceEntrySchema),
  fuel: z.object({
    history: z.array(z.object({ from: isoDateSchema, percent: percentSchema, source: z.string() })).min(1),
    /** "base" and the codes of the surcharges fuel is charged on. */
    appliesTo: z.array(z.string()).min(1),
  }),
  services: z.array(serviceSchema).min(1),
  surcharges: z.array(surchargeSchema).default([]),
  hsGroups: z.record(z.string(), hsGroupSchema).default({}),
  restrictions: z.array(restrictionSchema).default([]),
});

export type CarrierFile = z.output<typeof carrierFileSchema>;
export type CarrierService = z.output<typeof serviceSchema>;
export type Surcharge = z.output<typeof surchargeSchema>;
export type Trigger = z.output<typeof triggerSchema>;
export type PostcodeRule = z.output<typeof postcodeRuleSchema>;
export type Restriction = z.output<typeof restrictionSchema>;
export type HsGroup = z.output<typeof hsGroupSchema>;
