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
  if (rules.restrictions.length === 0) return rater;
  return {
    id: rater.id,
    name: rater.name,
    ...(rater.reuse === undefined ? {} : { reuse: rater.reuse }),
    restrictionKey: (shipment) => restrictionKey(rules, shipment),
    rate: (shipment) => {
      const answer = rater.rate(shipment);
      return answer instanceof Promise ? answer.then((r) => applyRestrictions(r, rules, shipment)) : applyRestrictions(answer, rules, shipment);
    },
  };
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
