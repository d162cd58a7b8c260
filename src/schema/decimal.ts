import Decimal from 'decimal.js';

/**
 * The one Decimal constructor of Frontera: 40 significant digits, half-up.
 * Every amount is a `D` (never a JS float); intermediate results keep full
 * precision and a reported line is rounded once, with a named rounding
 * (`src/domain/money.ts`).
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
