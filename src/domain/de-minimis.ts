import type Decimal from 'decimal.js';
import type { Regime, RegimeBand, Threshold, ValueBasis } from '../tariffs/tariff-schema';
import { matchesAnyPrefix } from './hs-code';

/** Who and what a consignment is, for matching thresholds and regimes. */
export interface ConsignmentScope {
  itemOrigins: readonly string[];
  itemHs: readonly string[];
  shipFrom: string;
  channel: 'courier' | 'postal';
  /** Expands "agreement:<ID>" entries to member countries. */
  expandOrigins: (origins: readonly string[]) => Set<string>;
}

interface Scoped {
  origins?: string[] | undefined;
  exceptOrigins?: string[] | undefined;
  shipFrom?: string[] | undefined;
  channels?: ('courier' | 'postal')[] | undefined;
  excludeHs?: string[] | undefined;
}

/**
 * A rule covers a consignment when every item's origin, the ship-from country and the channel are
 * in scope, and no item's origin is among `exceptOrigins`.
 */
export function scopeMatches(rule: Scoped, c: ConsignmentScope): boolean {
  if (rule.channels && !rule.channels.includes(c.channel)) return false;
  if (rule.shipFrom && !c.expandOrigins(rule.shipFrom).has(c.shipFrom)) return false;
  if (rule.origins) {
    const allowed = c.expandOrigins(rule.origins);
    if (!c.itemOrigins.every((o) => allowed.has(o))) return false;
  }
  if (rule.exceptOrigins) {
    const excluded = c.expandOrigins(rule.exceptOrigins);
    if (c.itemOrigins.some((o) => excluded.has(o))) return false;
  }
  if (c.itemHs.some((hs) => matchesAnyPrefix(hs, rule.excludeHs))) return false;
  return true;
}

/** Measures a consignment value on a basis, in a currency. */
export type ValueIn = (basis: ValueBasis, currency: string) => Decimal;

export type ThresholdDecision =
  | { outcome: 'none' }
  | { outcome: 'applied' | 'not-applied'; threshold: Threshold; value: Decimal };

/**
 * The first threshold whose scope covers the consignment decides: at or
 * under its amount the duty (or tax) is not collected. No matching
 * threshold: the destination has none for this consignment.
 */
export function decideThreshold(thresholds: readonly Threshold[], scope: ConsignmentScope, valueIn: ValueIn): ThresholdDecision {
  const threshold = thresholds.find((t) => scopeMatches(t, scope));
  if (!threshold) return { outcome: 'none' };
  const value = valueIn(threshold.basis, threshold.currency);
  return { outcome: value.lte(threshold.amount) ? 'applied' : 'not-applied', threshold, value };
}

export interface RegimeDecision {
  regime: Regime;
  band: RegimeBand;
  value: Decimal;
}

/** The first simplified regime that covers the consignment and has a band for its value. */
export function findRegime(regimes: readonly Regime[], scope: ConsignmentScope, valueIn: ValueIn): RegimeDecision | undefined {
  for (const regime of regimes) {
    if (!scopeMatches(regime, scope)) continue;
    const value = valueIn(regime.basis, regime.currency);
    const band = regime.bands.find((b) => (b.above === undefined || value.gt(b.above)) && (b.upTo === undefined || value.lte(b.upTo)));
    if (band) return { regime, band, value };
  }
  return undefined;
}
