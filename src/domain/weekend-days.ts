/**
 * The days of the week a country does not work, from the Unicode CLDR supplemental week data
 * (`weekData`: weekendStart / weekendEnd per territory, https://cldr.unicode.org, Unicode licence)
 * as shipped in Node's ICU and read through `Intl.Locale` week info: Friday and Saturday in Saudi
 * Arabia, Kuwait, Qatar, Oman, Bahrain, Egypt, Jordan or Israel; Sunday only in India; Saturday and
 * Sunday in most countries and in the United Arab Emirates since 2022. Days are JavaScript's:
 * 0 = Sunday … 6 = Saturday.
 */

/** Saturday and Sunday: the answer when ICU has no week data (or the code is not a territory). */
export const SATURDAY_AND_SUNDAY: readonly number[] = [6, 0];

interface WeekInfo {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekend: readonly number[];
}

/** `getWeekInfo()` in newer engines, the `weekInfo` getter in Node 20 (V8 11). */
function weekInfoOf(locale: Intl.Locale): WeekInfo | undefined {
  const l = locale as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
  try {
    return typeof l.getWeekInfo === 'function' ? l.getWeekInfo() : l.weekInfo;
  } catch {
    return undefined;
  }
}

const cache = new Map<string, readonly number[]>();

/** The weekend days of a country (ISO 3166-1 alpha-2), Saturday and Sunday when unknown. */
export function weekendDaysOf(country: string): readonly number[] {
  const code = country.toUpperCase();
  const hit = cache.get(code);
  if (hit) return hit;
  let days = SATURDAY_AND_SUNDAY;
  if (/^[A-Z]{2}$/.test(code)) {
    const weekend = weekInfoOf(new Intl.Locale(`und-${code}`))?.weekend;
    if (weekend && weekend.length > 0 && weekend.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) days = weekend.map((d) => d % 7);
  }
  cache.set(code, days);
  return days;
}
