import type Decimal from 'decimal.js';
import type { LocalizedText } from '../../schema/primitives';
import type { CarrierService } from '../carrier-schema';

export type Zone = CarrierService['zones'][number];
export type Rates = CarrierService['rates'];
export type WeightRules = CarrierService['weight'];
export type Limits = CarrierService['limits'];

/** One parcel as the carrier measures it. */
export interface MeasuredPiece {
  /** 1-based, as a shop owner counts them. */
  number: number;
  actualKg: Decimal;
  volumetricKg: Decimal;
  /** max(actual, volumetric) rounded up to the step of its band, then raised to a `minimumBillable` that applies. */
  chargeableKg: Decimal;
  /** The `minimumBillable` rule that raised the chargeable weight, if any. */
  minimum?: { minKg: number; name: LocalizedText };
  /** Sides after `dimRounding`, longest first. */
  sidesCm: Decimal[];
  /** Longest side + 2 × (the other two). */
  lengthPlusGirthCm: Decimal;
}
