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
