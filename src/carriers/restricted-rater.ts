import type { CarrierRater, RateRejection, RateResult, RatedService, ShipmentToRate } from './carrier-rater';
import { findRestrictionHits, restrictionKey, restrictionRefusal, restrictionWarnings, type RestrictionRules } from './restrictions';

/**
 * Applies a carrier table's restricted-goods rules to whatever another rater
 * of that carrier answers (the HTTP adapter, a carrier API adapter): an option
 * a `refuse` rule catches becomes a RESTRICTED_GOODS rejection, a `warn` rule
 * adds its warning. `buildCarrierRegistry` wraps every code carrier that has a
 * table; an adapter registered elsewhere should be wrapped the same way.
 */
export function withRestrictions(rater: CarrierRater, rules: RestrictionRules): CarrierRater {
  return rules.restrictions.length === 0 ? rater : new RestrictedCarrierRater(rater, rules);
}

/** A carrier's rater (`inner`) whose answers go through its table's restricted-goods rules. */
export class RestrictedCarrierRater implements CarrierRater {
  readonly id: string;
  readonly name: string;
  readonly reuse: CarrierRater['reuse'];
  readonly insuranceByValue: boolean;

  constructor(
    readonly inner: CarrierRater,
    private readonly rules: RestrictionRules,
  ) {
    this.id = inner.id;
    this.name = inner.name;
    this.reuse = inner.reuse;
    this.insuranceByValue = inner.insuranceByValue ?? false;
  }

  restrictionKey(shipment: ShipmentToRate): string {
    return restrictionKey(this.rules, shipment);
  }

  valueKey(shipment: ShipmentToRate): string | undefined {
    return this.inner.valueKey?.(shipment);
  }

  rate(shipment: ShipmentToRate): RateResult | Promise<RateResult> {
    const answer = this.inner.rate(shipment);
    return answer instanceof Promise ? answer.then((r) => applyRestrictions(r, this.rules, shipment)) : applyRestrictions(answer, this.rules, shipment);
  }
}

/** Options checked against the rules; rejections pass through. */
export function applyRestrictions(result: RateResult, rules: RestrictionRules, shipment: ShipmentToRate): RateResult {
  const options: RatedService[] = [];
  const rejections: RateRejection[] = [...result.rejections];
  for (const option of result.options) {
    const hits = findRestrictionHits(rules, shipment, option.service);
    const refusal = restrictionRefusal(hits, rules, option.serviceName);
    if (refusal !== undefined) {
      rejections.push({ carrier: option.carrier, service: option.service, ...refusal });
      continue;
    }
    const known = new Set(option.notes.map((n) => n.code));
    const warnings = restrictionWarnings(hits, rules, option.serviceName).filter((n) => !known.has(n.code));
    options.push(warnings.length === 0 ? option : { ...option, notes: [...option.notes, ...warnings] });
  }
  return { options, rejections };
}
