import Decimal from 'decimal.js';
import { D, ZERO, sum } from '../../domain/money';
import { ceilToStep } from '../../domain/units';
import type { NormalisedParcel } from '../carrier-rater';
import { pieceTriggerHolds } from './triggers';
import type { MeasuredPiece, WeightRules } from './table-types';

export function roundSide(cm: Decimal, mode: WeightRules['dimRounding']): Decimal {
  if (mode === 'nearest') return cm.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (mode === 'up') return cm.ceil();
  return cm;
}

/** Rounds up to the step of the first band whose ceiling is at or above the weight. */
export function roundChargeable(kg: Decimal, bands: WeightRules['rounding']): Decimal {
  const band = bands.find((b) => b.upToKg === null || kg.lte(b.upToKg)) ?? bands[bands.length - 1];
  return band === undefined ? kg : ceilToStep(kg, new D(band.stepKg));
}

export function measurePiece(parcel: NormalisedParcel, index: number, weight: WeightRules): MeasuredPiece {
  // Re-wrapped in the money clone (precision 40) whatever Decimal the caller built.
  const actualKg = new D(parcel.weightKg);
  const sidesCm = [parcel.lengthCm, parcel.widthCm, parcel.heightCm]
    .map((s) => roundSide(new D(s), weight.dimRounding))
    .sort((a, b) => b.comparedTo(a));
  const [longest = ZERO, second = ZERO, third = ZERO] = sidesCm;
  const volumetricKg =
    weight.volumetricDivisor === null ? ZERO : longest.times(second).times(third).div(weight.volumetricDivisor);
  const piece: MeasuredPiece = {
    number: index + 1,
    actualKg,
    volumetricKg,
    chargeableKg: roundChargeable(D.max(actualKg, volumetricKg), weight.rounding),
    sidesCm,
    lengthPlusGirthCm: longest.plus(second.plus(third).times(2)),
  };
  return applyMinimumBillable(piece, weight.minimumBillable);
}

/** The highest `minimumBillable` whose trigger holds on the piece and is above its chargeable weight. */
function applyMinimumBillable(piece: MeasuredPiece, rules: WeightRules['minimumBillable']): MeasuredPiece {
  const raising = rules
    .filter((r) => r.triggers.some((t) => pieceTriggerHolds(t, piece)) && piece.chargeableKg.lt(r.minKg))
    .sort((a, b) => b.minKg - a.minKg)[0];
  if (raising === undefined) return piece;
  return { ...piece, chargeableKg: new D(raising.minKg), minimum: { minKg: raising.minKg, name: raising.name } };
}

/** The weights the base price is looked up on: one per piece, or one for the shipment. */
export function pricedWeights(pieces: readonly MeasuredPiece[], weight: WeightRules): Decimal[] {
  if (weight.chargeableScope === 'shipment') {
    // Scope shipment: actual and volumetric are summed over the pieces before the max.
    const actual = sum(pieces.map((p) => p.actualKg));
    const volumetric = sum(pieces.map((p) => p.volumetricKg));
    return [roundChargeable(D.max(actual, volumetric), weight.rounding)];
  }
  const each = pieces.map((p) => p.chargeableKg);
  if ((weight.priceBy ?? 'piece') === 'piece') return each;
  // Per-piece chargeable weights added, re-rounded: past 30 kg the step may be coarser.
  return [roundChargeable(sum(each), weight.rounding)];
}
