import type Decimal from 'decimal.js';
import { minorUnits } from '../../domain/money';
import type { LocalizedText } from '../../schema/primitives';

/** A weight (kg) or a length (cm) as the table gives it, without trailing zeros: "1.5", "30". */
export function quantityText(value: Decimal): string {
  return value.toFixed();
}

/** At least the currency's minor units, more when the amount has them (nothing hidden). */
export function moneyText(amount: Decimal, currency: string): string {
  const units = minorUnits(currency);
  // Exact sub-unit results (a fuel of 436.7125) are shown to 4 more places, not 40.
  return amount.decimalPlaces() <= units ? amount.toFixed(units) : amount.toDecimalPlaces(units + 4).toFixed();
}

/** When a dated table or rule is in force, in words. */
export function periodText(d: { effectiveFrom?: string; effectiveTo?: string }): LocalizedText {
  return {
    es: `${d.effectiveFrom === undefined ? '' : `desde el ${d.effectiveFrom}`}${d.effectiveTo === undefined ? '' : ` hasta el ${d.effectiveTo}`}`.trim(),
    en: `${d.effectiveFrom === undefined ? '' : `from ${d.effectiveFrom}`}${d.effectiveTo === undefined ? '' : ` to ${d.effectiveTo}`}`.trim(),
  };
}
