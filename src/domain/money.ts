import Decimal from 'decimal.js';
import { D } from '../schema/decimal';
import { ISO4217_MINOR_UNITS } from '../schema/iso4217';

export { D };

/**
 * Money arithmetic for Frontera. Every amount is a `Decimal` (never a JS
 * float). Intermediate results keep full precision; an amount is rounded once,
 * when it becomes a reported line, with the named rounding below.
 */
export const ZERO = new D(0);

/** ISO 4217 minor units: JPY 0, MXN 2, KWD 3. Throws for an unknown code. */
export function minorUnits(currency: string): number {
  const units = ISO4217_MINOR_UNITS[currency];
  if (units === undefined) throw new Error(`Unknown ISO 4217 currency ${currency}`);
  return units;
}

/** The named rounding of every reported line: half-up to the currency's minor units. */
export function roundHalfUp(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

/** Decimal string with exactly the currency's minor units ("1234.50", JPY "1235"). */
export function formatAmount(amount: Decimal, currency: string): string {
  return amount.toFixed(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

/** 10 ^ minor units per currency (100 for MXN), made once. */
const SCALES = new Map<string, Decimal>();
function minorScale(currency: string): Decimal {
  let s = SCALES.get(currency);
  if (s === undefined) SCALES.set(currency, (s = new D(10).pow(minorUnits(currency))));
  return s;
}

/** A percentage or other plain decimal, without trailing zeros ("13", "9.975"). */
export function formatRate(rate: Decimal): string {
  return rate.toDecimalPlaces(10).toString();
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(v), ZERO);
}

/**
 * Split `total` (already in minor units of `currency`) over parts in
 * proportion to `weights`, so that the parts add up to `total` exactly.
 * Each part gets the floor of its share in minor units; the leftover minor
 * units go one each to the parts with the largest remainders (ties: first
 * part first). Zero total weight splits evenly.
 */
export function allocate(total: Decimal, weights: readonly Decimal[], currency: string): Decimal[] {
  if (weights.length === 0) return [];
  // Fast paths (no insurance, one item): same result as the general split, without its arithmetic.
  if (total.isZero()) return weights.map(() => ZERO);
  const scale = minorScale(currency);
  if (weights.length === 1) {
    if (!total.times(scale).isInteger()) throw new Error(`allocate: ${total.toString()} is not in ${currency} minor units`);
    return [total];
  }
  const units = total.times(scale);
  if (!units.isInteger()) throw new Error(`allocate: ${total.toString()} is not in ${currency} minor units`);
  const sign = units.isNegative() ? -1 : 1;
  const absUnits = units.abs();
  const totalWeight = sum(weights);
  const effective = totalWeight.isZero() ? weights.map(() => new D(1)) : weights;
  const weightSum = totalWeight.isZero() ? new D(weights.length) : totalWeight;
  const shares = effective.map((w) => absUnits.times(w).div(weightSum));
  const floors = shares.map((s) => s.floor());
  let leftover = absUnits.minus(sum(floors)).toNumber();
  const order = shares
    .map((s, i) => ({ i, rem: s.minus(s.floor()) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (leftover <= 0) break;
    result[i] = (result[i] as Decimal).plus(1);
    leftover -= 1;
  }
  return result.map((u) => u.times(sign).div(scale));
}
