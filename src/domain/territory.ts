import type { Territory } from '../tariffs/tariff-schema';
import { inForce } from './dates';

/**
 * Special territories decided by postcode (tariffs/README.md, "Territories"; each
 * territory cites its sources in its tariff file). Pure matching; the quote
 * applies what the territory says (src/quote/territory-step.ts).
 */

/** Trimmed, upper case, inner runs of spaces collapsed to one: what a territory `regex` is tested on. */
export function normaliseTerritoryPostcode(postalCode: string): string {
  return postalCode.trim().toUpperCase().replace(/\s+/g, ' ');
}

/** Whether a postcode is in the territory: its anchored regex, or a prefix of the postcode without spaces or hyphens. */
export function postcodeInTerritory(t: Pick<Territory, 'postcodes'>, postalCode: string): boolean {
  const code = normaliseTerritoryPostcode(postalCode);
  if (t.postcodes.regex !== undefined && new RegExp(t.postcodes.regex).test(code)) return true;
  const bare = code.replace(/[\s-]/g, '');
  return (t.postcodes.prefixes ?? []).some((p) => bare.startsWith(p.toUpperCase().replace(/[\s-]/g, '')));
}

/** The first territory in force on `date` whose rule takes the postcode (order matters: Saint-Barthélemy before Guadeloupe). */
export function findTerritory(territories: readonly Territory[] | undefined, postalCode: string | undefined, date: string): Territory | undefined {
  if (territories === undefined || postalCode === undefined || postalCode.trim() === '') return undefined;
  return territories.find((t) => inForce(t, date) && postcodeInTerritory(t, postalCode));
}
