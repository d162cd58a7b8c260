import type Decimal from 'decimal.js';
import type { Note } from '../domain/note';
import type { LocalizedText } from '../schema/primitives';
import type { Wording } from '../domain/wording';

/** One parcel, normalised to kg and cm. */
export interface NormalisedParcel {
  lengthCm: Decimal;
  widthCm: Decimal;
  heightCm: Decimal;
  weightKg: Decimal;
}

/** One item of the shipment, as carriers' restricted-goods rules see it. */
export interface ShipmentItem {
  /** Index of the item in the request (0-based). */
  index: number;
  /** HS code, digits only. */
  hs: string;
  description?: string;
}

/** What a carrier needs to price a shipment. Amounts keep full precision. */
export interface ShipmentToRate {
  origin: { country: string; postalCode?: string; city?: string };
  destination: { country: string; region?: string; postalCode?: string; city?: string };
  parcels: NormalisedParcel[];
  /** Goods value, for insurance and value-based surcharges. */
  declaredValue: { amount: Decimal; currency: string };
  /** YYYY-MM-DD: picks the fuel percentage, dated surcharges and services in force. */
  shipDate: string;
  insure: boolean;
  /** The goods: carriers refuse or condition some (src/carriers/restrictions.ts). */
  items: readonly ShipmentItem[];
  /** Who receives the goods; some restrictions apply only to consumers. */
  buyer: 'consumer' | 'business';
  /** Converts an amount between currencies (surcharges priced in another currency). */
  convert: (amount: Decimal, from: string, to: string) => Decimal;
}

/** One priced line of the shipping charge, in the carrier table's currency, unrounded. */
export interface ChargeLine {
  code: string;
  name: LocalizedText;
  amount: Decimal;
  /** How it was computed, e.g. "zone 1, 1.5 kg break" or "30.5% × 1250.00", rendered in the request's language at output. */
  working: Wording;
}

/** A fee that depends on the duties and taxes, priced once they are known. */
export interface DutyDependentFee {
  code: string;
  name: LocalizedText;
  /** ddp: charged to the seller when it pays duties and taxes; dap: charged to the buyer for collecting them. */
  option: 'ddp' | 'dap';
  /** Given duties + taxes in the carrier currency, the fee and its working. */
  price: (dutiesAndTaxes: Decimal) => { amount: Decimal; working: Wording };
  /** The status of the table the fee comes from (its confidence); omitted: the service's. */
  status?: 'sourced' | 'illustrative';
}

export interface RatedService {
  carrier: string;
  carrierName: string;
  service: string;
  serviceName: LocalizedText;
  channel: 'courier' | 'postal';
  /** contract: the shop's own price, from the carrier's rating API (src/carriers/live/). */
  status: 'sourced' | 'illustrative' | 'contract';
  currency: string;
  zone: string;
  chargeableKg: Decimal;
  /** base first, then surcharges, then fuel. */
  lines: ChargeLine[];
  insurance?: ChargeLine;
  /**
   * The insurance line for another declared value of the same shipment (parcels, route, date), from a
   * rater whose `insuranceByValue` is true: the rating cache re-prices it instead of rating again.
   */
  insureFor?: (declaredValue: ShipmentToRate['declaredValue']) => ChargeLine;
  dutyFees: DutyDependentFee[];
  transitDays: { min: number; max: number };
  customsDays: { min: number; max: number };
  /** "HH:MM", origin local time. */
  cutoffLocal: string;
  /**
   * YYYY-MM-DD: the carrier's own delivery date for a hand-over on the ship
   * date (live prices); the delivery window uses it instead of transit and
   * customs days.
   */
  deliveryDate?: string;
  /** Table data date, for the answer's data dates. */
  dataDate: string;
  notes: Note[];
}


/** Why a service cannot take a shipment: a stable code and a sentence (reported as a note). */
export interface Refusal {
  code: string;
  reason: LocalizedText;
}

/** A service that refused the shipment. */
export interface RateRejection extends Refusal {
  carrier: string;
  service: string;
}

export interface RateResult {
  options: RatedService[];
  rejections: RateRejection[];
}

/** The plug-in interface every carrier implements, table-driven or code. */
export interface CarrierRater {
  readonly id: string;
  readonly name: string;
  rate(shipment: ShipmentToRate): RateResult | Promise<RateResult>;
  /**
   * How an answer may be reused for another request with the same parcels,
   * route and date: 'no' (live prices), 'always', or 'sameValue' when the
   * declared value can change the price (value-triggered surcharges).
   * Insurance always depends on the value. Omitted: 'no'.
   */
  readonly reuse?: 'no' | 'always' | 'sameValue';
  /**
   * With reuse 'always': an insured answer differs between declared values only in its insurance line,
   * which each option's `insureFor` prices (the insurance has no triggers and no exclusions). The
   * rating cache then keys insured shipments without their value (issue 17).
   */
  readonly insuranceByValue?: boolean;
  /**
   * With reuse 'sameValue': what about the declared value can change the answer, when that is less
   * than the value itself (a table whose only value rules are thresholds: which of them the value
   * passes). Part of the rating-cache key instead of the value. Omitted: the value itself.
   */
  valueKey?(shipment: ShipmentToRate): string | undefined;
  /**
   * What about the goods can change this carrier's answer for the shipment's lane and date
   * (the restricted-goods rules that fire and on which items); '' when nothing. Part of the
   * rating-cache key, so HS codes count only where a restriction makes them count.
   */
  restrictionKey?(shipment: ShipmentToRate): string;
}
