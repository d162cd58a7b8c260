/** Dates are YYYY-MM-DD strings; `effectiveTo` is inclusive. Lexical order is date order. */
export interface Dated {
  effectiveFrom?: string;
  effectiveTo?: string;
}

export function inForce(d: Dated, date: string): boolean {
  return (d.effectiveFrom === undefined || d.effectiveFrom <= date) && (d.effectiveTo === undefined || date <= d.effectiveTo);
}

/**
 * The date `days` later. Past 9999-12-31 the year is written as ISO 8601 and
 * ECMAScript write expanded years ("+010000-01-03"), which Date reads back, so
 * a walk over the calendar never produces a string it cannot continue from.
 */
export function addDays(isoDate: string, days: number): string {
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  const text = t.toISOString();
  return text.slice(0, text.indexOf('T'));
}

/** Building an Intl formatter costs far more than using one: one per time zone, kept. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of the instant `now` in an IANA time zone. */
export function todayIn(timeZone: string, now: Date): string {
  let fmt = dayFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, fmt);
  }
  return fmt.format(now);
}
