import { inForce } from '../domain/dates';
import { matchesAnyPrefix } from '../domain/hs-code';
import type { Note } from '../domain/note';
import type { LocalizedText } from '../schema/primitives';
import type { Refusal, ShipmentItem, ShipmentToRate } from './carrier-rater';
import type { CarrierFile, Restriction } from './carrier-schema';

/**
 * Restricted goods (carriers/README.md, "Restricted goods"): a carrier table's
 * rules on HS groups per service and lane. Pure, and meant to be called by ANY
 * rater of a carrier that has a table: the table rater refuses before pricing;
 * live adapters are wrapped by `withRestrictions` (restricted-rater.ts), so a
 * live answer never offers what the carrier's own rules refuse.
 */

/** The parts of a carrier file the rules live in. */
export type RestrictionRules = Pick<CarrierFile, 'name' | 'hsGroups' | 'restrictions'>;

/** One rule that applies to the shipment, with the items it catches (and which group caught each). */
export interface RestrictionHit {
  restriction: Restriction;
  items: { item: ShipmentItem; group: string }[];
}

function laneMatches(r: Restriction, shipment: ShipmentToRate): boolean {
  if (!inForce(r, shipment.shipDate)) return false;
  if (r.origins !== undefined && !r.origins.includes(shipment.origin.country)) return false;
  if (r.destinations !== undefined && !r.destinations.includes(shipment.destination.country)) return false;
  if (r.exceptDestinations?.includes(shipment.destination.country)) return false;
  return !(r.consumersOnly && shipment.buyer !== 'consumer');
}

/**
 * The rules that catch some item of the shipment. `service` omitted: every rule of the lane
 * whatever its services (used for the rating-cache key).
 */
export function findRestrictionHits(rules: RestrictionRules, shipment: ShipmentToRate, service?: string): RestrictionHit[] {
  const hits: RestrictionHit[] = [];
  for (const r of rules.restrictions) {
    if (service !== undefined && r.services !== undefined && !r.services.includes(service)) continue;
    if (!laneMatches(r, shipment)) continue;
    const items: RestrictionHit['items'] = [];
    for (const item of shipment.items) {
      const group = r.groups.find((g) => matchesAnyPrefix(item.hs, rules.hsGroups[g]?.hs));
      if (group !== undefined) items.push({ item, group });
    }
    if (items.length > 0) hits.push({ restriction: r, items });
  }
  return hits;
}

function itemText(items: RestrictionHit['items'], rules: RestrictionRules): LocalizedText {
  const one = (locale: 'es' | 'en') =>
    items
      .map(({ item, group }) => {
        const what = item.description ? ` "${item.description}"` : '';
        const label = locale === 'es' ? 'artículo' : 'item';
        return `${label} ${item.index + 1}${what} (HS ${item.hs}, ${rules.hsGroups[group]?.name[locale] ?? group})`;
      })
      .join('; ');
  return { es: one('es'), en: one('en') };
}

const UNCONFIRMED: LocalizedText = { es: ' (fuente no confirmada)', en: ' (unconfirmed source)' };

function ruleText(hit: RestrictionHit, rules: RestrictionRules, service: LocalizedText): LocalizedText {
  const items = itemText(hit.items, rules);
  const r = hit.restriction;
  const flag = r.confidence === 'unconfirmed' ? UNCONFIRMED : { es: '', en: '' };
  return {
    es: `${service.es} de ${rules.name} — ${items.es}: ${r.reason.es} [regla ${r.id}]${flag.es}`,
    en: `${rules.name} ${service.en} — ${items.en}: ${r.reason.en} [rule ${r.id}]${flag.en}`,
  };
}

/** RESTRICTED_GOODS naming every refused item and rule, or undefined when nothing is refused. */
export function restrictionRefusal(hits: readonly RestrictionHit[], rules: RestrictionRules, service: LocalizedText): Refusal | undefined {
  const refusing = hits.filter((h) => h.restriction.action === 'refuse');
  if (refusing.length === 0) return undefined;
  const texts = refusing.map((h) => ruleText(h, rules, service));
  return { code: 'RESTRICTED_GOODS', reason: { es: texts.map((t) => t.es).join(' | '), en: texts.map((t) => t.en).join(' | ') } };
}

/** A warning per `warn` rule: the option stays, with what the carrier requires. */
export function restrictionWarnings(hits: readonly RestrictionHit[], rules: RestrictionRules, service: LocalizedText): Note[] {
  return hits
    .filter((h) => h.restriction.action === 'warn')
    .map((h) => ({ code: `RESTRICTED_GOODS:${h.restriction.id}`, severity: 'warning' as const, text: ruleText(h, rules, service) }));
}

/** The rating-cache part of a carrier's answer that depends on the goods: which rules catch which items. */
export function restrictionKey(rules: RestrictionRules, shipment: ShipmentToRate): string {
  if (rules.restrictions.length === 0) return '';
  const hits = findRestrictionHits(rules, shipment);
  if (hits.length === 0) return '';
  return JSON.stringify(hits.map((h) => [h.restriction.id, h.items.map(({ item }) => [item.index, item.hs, item.description ?? ''])]));
}
