import { z } from 'zod';
import {
  amountSchema,
  countryCodeSchema,
  currencyCodeSchema,
  hsPrefixSchema,
  isoDateSchema,
  localizedTextSchema,
  sourceEntrySchema,
  sourcedFields,
} from '../schema/primitives';
import { exciseRuleSchema } from './excise-schema';
import { roundingRuleSchema } from './rounding-schema';
import {
  agreementsSchema,
  customsPeriodFields,
  destinationFields,
  dutiesSchema,
  exportNoteSchema,
  feeSchema,
  noteSchema,
  taxSchema,
  territorySchema,
  valueBasisSchema,
} from './tariff-schema';

/**
 * A customs union written once (`tariffs/unions/EU.json`) and the member files that refer to it
 * (`tariffs/DE.json` with `"customsUnion": "EU"`). The union holds what its law makes common (the
 * customs tariff, preferences by origin, valuation, duty relief, simplified regimes, the seller
 * collection of the VAT, union-wide notes); a member holds only what is national (its taxes and
 * their reduced rates, national fees, notes). The loader merges the two into the tariff file shape
 * the engine reads (customs-union-merge.ts). Documented for editors in tariffs/README.md.
 */

/** Id of a customs union, also its file name: "EU" → tariffs/unions/EU.json. */
export const unionIdSchema = z
  .string()
  .regex(/^[A-Z]{2,8}$/, { error: (iss) => `expected a customs union id of 2 to 8 capital letters such as "EU", got ${JSON.stringify(iss.input)}` });

/** A key that belongs in the other file: present at all, it is an error with this sentence. */
function belongsElsewhere(sentence: string) {
  return z.never({ error: sentence }).optional();
}

const NATIONAL = 'is national: it belongs in each member\'s file (tariffs/<ISO2>.json), not in the customs union file';
const COMMON = 'is common to the customs union: it is written once in tariffs/unions/<id>.json, not in a member file';

/**
 * The union's seller-collection rule (EU IOSS: at or under EUR 150 the seller or marketplace
 * collects the VAT at checkout), applied to every member tax whose code is listed in `taxes`.
 */
export const unionSellerCollectionSchema = z.object({
  taxes: z.array(z.string().min(1)).min(1),
  upTo: amountSchema,
  currency: currencyCodeSchema,
  basis: valueBasisSchema,
  note: localizedTextSchema,
  /** Goods the scheme does not cover (IOSS: excise goods): a consignment holding one pays the VAT at import. */
  excludeHs: z.array(hsPrefixSchema).optional(),
  ...sourcedFields,
});

/** Dated common rules: valuation, duty and tax relief, simplified regimes, seller collection. */
export const unionPeriodSchema = z.object({
  ...customsPeriodFields,
  sellerCollection: unionSellerCollectionSchema.optional(),
  taxes: belongsElsewhere(`"taxes" ${NATIONAL}`),
  fees: belongsElsewhere(`"fees" here would be charged by every member: national fees belong in each member's file (tariffs/<ISO2>.json)`),
});

export const customsUnionFileSchema = z.object({
  $schema: z.string().optional(),
  id: unionIdSchema,
  name: localizedTextSchema,
  /** ISO codes of the member states; each has a file tariffs/<ISO2>.json saying `"customsUnion": "<id>"`. */
  members: z.array(countryCodeSchema).min(1),
  /** Currency of the union's own amounts (the thresholds and regimes state theirs too). */
  currency: currencyCodeSchema,
  sources: z.record(z.string(), sourceEntrySchema),
  periods: z.array(unionPeriodSchema).min(1),
  agreements: agreementsSchema,
  duties: dutiesSchema,
  notes: z.array(noteSchema).default([]),
  country: belongsElsewhere(`"country" ${NATIONAL}; the union names its "members"`),
  timeZone: belongsElsewhere(`"timeZone" ${NATIONAL}`),
  regions: belongsElsewhere(`"regions" ${NATIONAL}`),
});

/**
 * A member's tax: as in a tariff file, except the seller collection, which the union applies
 * (its `sellerCollection.taxes` names the codes).
 */
export const memberTaxSchema = taxSchema.extend({
  sellerCollection: belongsElsewhere(`"sellerCollection" ${COMMON} (its periods' "sellerCollection" names the taxes it applies to)`),
});

/**
 * A member's national rules for a range of dates: taxes, national fees and rounding.
 */
export const memberPeriodSchema = z.object({
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.optional(),
  taxes: z.array(memberTaxSchema),
  /** National fees (parcel charges); the union's regimes and relief come from the union file. */
  fees: z.array(feeSchema).default([]),
  /** National rounding rules, as in a tariff file. */
  rounding: z.array(roundingRuleSchema).default([]),
  valuation: belongsElsewhere(`"valuation" ${COMMON}`),
  deMinimis: belongsElsewhere(`"deMinimis" ${COMMON}`),
  regimes: belongsElsewhere(`"regimes" ${COMMON}`),
});

/**
 * A member file: the destination's own fields (its `sources` are national; the union's may also be
 * cited, but not redefined under the same key), the union it belongs to, national periods and notes.
 */
export const memberFileSchema = z.object({
  ...destinationFields,
  /** The customs union whose common rules this file takes: tariffs/unions/<id>.json next to it. */
  customsUnion: unionIdSchema,
  periods: z.array(memberPeriodSchema).min(1),
  notes: z.array(noteSchema).default([]),
  exportNotes: z.array(exportNoteSchema).optional(),
  /** National excise (alcohol, tobacco): each member sets its own rates. */
  excise: z.array(exciseRuleSchema).default([]),
  /** National special territories recognised by postcode (Canary Islands, Büsingen, Åland…). */
  territories: z.array(territorySchema).optional(),
  agreements: belongsElsewhere(`"agreements" ${COMMON}`),
  duties: belongsElsewhere(`"duties" ${COMMON}`),
});

export type CustomsUnionFile = z.output<typeof customsUnionFileSchema>;
export type UnionPeriod = z.output<typeof unionPeriodSchema>;
export type MemberFile = z.output<typeof memberFileSchema>;
export type MemberPeriod = z.output<typeof memberPeriodSchema>;
