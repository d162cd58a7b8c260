import Decimal from 'decimal.js';
import type { RoundingDirection, RoundingRule, RoundingTarget } from '../tariffs/rounding-schema';
import { P } from './engine-phrases';
import { formatAmount, formatRate } from './money';
import { w, type Wording } from './wording';

/**
 * National rounding rules (issue 12 item 4): the law of some destinations truncates a base or an
 * amount to a step (Japan: customs value to JPY 1,000, duty and consumption tax to JPY 100). Where
 * no rule is given, amounts keep full precision and are rounded once for display (landed-cost
 * step 9).
 */

const MODES: Record<RoundingDirection, Decimal.Rounding> = {
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  halfUp: Decimal.ROUND_HALF_UP,
  halfDown: Decimal.ROUND_HALF_DOWN,
};

const WORDS = { down: P.roundedDown, up: P.roundedUp, halfUp: P.roundedHalfUp, halfDown: P.roundedHalfDown } satisfies Record<RoundingDirection, unknown>;

/** `amount` to a multiple of `step` (amounts are non-negative: down truncates, up goes to the next step). */
export function roundToStep(amount: Decimal, step: Decimal, direction: RoundingDirection): Decimal {
  return amount.div(step).toDecimalPlaces(0, MODES[direction]).times(step);
}

/**
 * Conversion through the rate table at 40 significant digits can leave noise far below a cent
 * (12,799.999…9 for 12,800): a truncation at a step boundary must not see it, so a converted
 * amount keeps 10 decimal places before a legal rounding.
 */
const CONVERSION_PLACES = 10;

/** One rounding done: the new value (in the computing currency) and the working that shows it. */
export interface Rounded {
  value: Decimal;
  /** "609495 JPY → 609000 JPY (rounded down to JPY 1000)"; absent when the value did not change. */
  working?: Wording;
}

export type Convert = (amount: Decimal, from: string, to: string) => Decimal;

/** What a rule does, in words: "rounded down to JPY 1000". */
export function ruleWords(rule: Pick<RoundingRule, 'direction' | 'step' | 'currency'>): Wording {
  return WORDS[rule.direction](`${rule.currency} ${formatRate(rule.step)}`);
}

function shown(v: Decimal): string {
  return formatRate(v.toDecimalPlaces(2, Decimal.ROUND_DOWN));
}

/**
 * Apply one rule to an amount in `currency`: in the rule's currency when they differ (the law
 * rounds in its own currency; the answer shows the result converted back).
 */
export function applyRounding(amount: Decimal, rule: Pick<RoundingRule, 'direction' | 'step' | 'currency'>, currency: string, convert: Convert): Rounded {
  const same = currency === rule.currency;
  const inRule = same ? amount : convert(amount, currency, rule.currency).toDecimalPlaces(CONVERSION_PLACES);
  const rounded = roundToStep(inRule, rule.step, rule.direction);
  if (rounded.equals(inRule)) return { value: amount };
  const value = same ? rounded : convert(rounded, rule.currency, currency);
  const back = same ? '' : ` = ${formatAmount(value, currency)} ${currency}`;
  return { value, working: w`${shown(inRule)} ${rule.currency} → ${shown(rounded)} ${rule.currency} (${ruleWords(rule)})${back}` };
}

/** The first rule of a list for a target, moment and code (a tax code or an excise id). */
export function findRule(rules: readonly RoundingRule[], what: RoundingTarget, at: RoundingRule['at'], code?: string): RoundingRule | undefined {
  return rules.find((r) => r.what === what && r.at === at && (r.codes === undefined || code === undefined || r.codes.includes(code)));
}

/** Round with the rule for (what, at, code) when there is one; otherwise the amount as it is. */
export function roundBy(rules: readonly RoundingRule[], what: RoundingTarget, at: RoundingRule['at'], code: string | undefined, amount: Decimal, currency: string, convert: Convert): Rounded {
  const rule = findRule(rules, what, at, code);
  return rule ? applyRounding(amount, rule, currency, convert) : { value: amount };
}
