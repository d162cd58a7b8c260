import Decimal from 'decimal.js';
import { D } from './money';

export type WeightUnit = 'kg' | 'lb';
export type DimensionUnit = 'cm' | 'in';

/** 1 lb = 0.45359237 kg exactly (International Yard and Pound Agreement, 1959). */
const KG_PER_LB = new D('0.45359237');
/** 1 in = 2.54 cm exactly. */
const CM_PER_IN = new D('2.54');

export function toKg(value: Decimal.Value, unit: WeightUnit): Decimal {
  const v = new D(value);
  return unit === 'kg' ? v : v.times(KG_PER_LB);
}

export function toCm(value: Decimal.Value, unit: DimensionUnit): Decimal {
  const v = new D(value);
  return unit === 'cm' ? v : v.times(CM_PER_IN);
}

/** Round up to the next multiple of `step` (weight steps of a rate table). */
export function ceilToStep(value: Decimal, step: Decimal): Decimal {
  return value.div(step).ceil().times(step);
}

/** 1 US gallon = 231 cubic inches = 3.785411784 l exactly (26 U.S.C. 5002; 1 in = 2.54 cm). */
export const LITRES_PER_US_GALLON = new D('3.785411784');

/** Litres of pure alcohol in `litres` of a drink of `abv` % vol (UK, CA, AU, EU excise base). */
export function litresOfAlcohol(litres: Decimal, abv: Decimal): Decimal {
  return litres.times(abv).div(100);
}

/** Proof litres: litres at 50 % alcohol (100 US proof), so litres × ABV / 50 (US HTS "pf. liter"). */
export function proofLitres(litres: Decimal, abv: Decimal): Decimal {
  return litres.times(abv).div(50);
}

/** Proof gallons: US gallons × 2 × ABV / 100 (26 U.S.C. 5002(a)(10): a gallon of proof spirits or its alcoholic equivalent). */
export function proofGallons(litres: Decimal, abv: Decimal): Decimal {
  return litres.times(abv).times(2).div(LITRES_PER_US_GALLON.times(100));
}
