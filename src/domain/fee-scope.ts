import type { FeeScope } from '../tariffs/tariff-schema';
import { scopeMatches, type ConsignmentScope, type ValueIn } from './de-minimis';

/** What a fee's scope is checked against. */
export interface FeeScopeFacts {
  scope: ConsignmentScope;
  buyer: 'consumer' | 'business';
  territory?: string;
  valueIn: ValueIn;
}

/**
 * Whether a fee's scope (tariffs/README.md, "Fees") covers the consignment:
 * the common origin / ship-from / channel / HS fields, then where it does not
 * leave from, the buyer, a value ceiling on its own basis, and the special
 * territories it does not reach. No scope: every consignment.
 */
export function feeCovers(scope: FeeScope | undefined, facts: FeeScopeFacts): boolean {
  if (scope === undefined) return true;
  if (!scopeMatches(scope, facts.scope)) return false;
  if (scope.exceptShipFrom && facts.scope.expandOrigins(scope.exceptShipFrom).has(facts.scope.shipFrom)) return false;
  if (scope.buyers && !scope.buyers.includes(facts.buyer)) return false;
  if (facts.territory !== undefined && scope.exceptTerritories?.includes(facts.territory)) return false;
  if (scope.maxValue) {
    const value = facts.valueIn(scope.maxValue.basis, scope.maxValue.currency);
    if (scope.maxValue.inclusive ? value.gt(scope.maxValue.amount) : value.gte(scope.maxValue.amount)) return false;
  }
  return true;
}
