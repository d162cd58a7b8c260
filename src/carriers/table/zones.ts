import type { PostcodeRule } from '../carrier-schema';
import type { Zone } from './table-types';

export function normalisePostcode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * A prefix rule matches when the postcode starts with it; a range rule
 * compares the postcode's first `from.length` characters with `from` and `to`
 * (so "995"–"999" takes "99501"), both with spaces removed, case-insensitive.
 */
export function postcodeMatches(rule: PostcodeRule, country: string, postalCode: string | undefined): boolean {
  if (rule.country !== country || postalCode === undefined) return false;
  const code = normalisePostcode(postalCode);
  if (code === '') return false;
  if (rule.prefix !== undefined) return code.startsWith(normalisePostcode(rule.prefix));
  if (rule.from === undefined || rule.to === undefined) return false;
  const from = normalisePostcode(rule.from);
  const to = normalisePostcode(rule.to);
  const head = code.slice(0, from.length);
  return head.length === from.length && from <= head && head <= to;
}

/** A postcode rule beats a country rule (carriers/README.md, "Evaluation order" step 3). */
export function findZone(zones: readonly Zone[], destination: { country: string; postalCode?: string }): string | undefined {
  const byPostcode = zones.find((z) => z.postcodes.some((r) => postcodeMatches(r, destination.country, destination.postalCode)));
  if (byPostcode !== undefined) return byPostcode.id;
  return zones.find((z) => z.countries.includes(destination.country))?.id;
}
