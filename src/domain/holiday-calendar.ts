import Holidays from 'date-holidays';
import type { HolidayCalendar } from './delivery-window';
import { weekendDaysOf } from './weekend-days';

/**
 * Pinned zones for the main lanes: date-holidays lists a country's zones
 * without promising an order, and a cut-off must be read on the clock of
 * the capital or main hub (Mexico City, not Tijuana; New York, not Honolulu).
 */
const MAIN_TIME_ZONE: Readonly<Record<string, string>> = {
  MX: 'America/Mexico_City',
  US: 'America/New_York',
  CA: 'America/Toronto',
  BR: 'America/Sao_Paulo',
  AU: 'Australia/Sydney',
  CN: 'Asia/Shanghai',
};

/** Holiday names per YYYY-MM-DD for one country, region and year. */
type YearHolidays = ReadonlyMap<string, string>;

/**
 * Public holidays from date-holidays, weekends from CLDR (weekend-days.ts). Only type 'public' counts: 'bank'
 * (Mexico's Holy Week, 2 Nov, 12 Dec), 'optional' and 'observance' days
 * are not days carriers and customs stop. Unknown countries have no
 * holidays; an unknown region falls back to the country's holidays.
 */
export function createHolidayCalendar(): HolidayCalendar {
  const instances = new Map<string, Holidays | undefined>();
  const years = new Map<string, YearHolidays>();

  const instanceFor = (country: string, region: string | undefined): Holidays | undefined => {
    const key = `${country}|${region ?? ''}`;
    if (!instances.has(key)) instances.set(key, newHolidays(country, region));
    return instances.get(key);
  };

  const holidaysOf = (countryCode: string, regionCode: string | undefined, isoDate: string): YearHolidays => {
    const country = countryCode.toUpperCase();
    const region = normaliseRegion(country, regionCode);
    const year = Number(isoDate.slice(0, 4));
    const key = `${country}|${region ?? ''}|${year}`;
    let found = years.get(key);
    if (found === undefined) {
      found = publicHolidaysIn(instanceFor(country, region), year);
      years.set(key, found);
    }
    return found;
  };

  return {
    isHoliday: (country, region, isoDate) => holidaysOf(country, region, isoDate).has(isoDate),
    holidayName: (country, region, isoDate) => holidaysOf(country, region, isoDate).get(isoDate),
    weekendDays: weekendDaysOf,
    coversHolidays: (country) => coveredCountries().has(country.toUpperCase()),
  };
}

let covered: ReadonlySet<string> | undefined;

/**
 * The countries date-holidays has data for (207 codes in 3.37.0). Elsewhere (Kuwait, Qatar, Nepal,
 * Cambodia…) only weekends are known, and the quote says so.
 */
function coveredCountries(): ReadonlySet<string> {
  covered ??= new Set(Object.keys(new Holidays().getCountries('en')));
  return covered;
}

/** The main IANA time zone of a country; "UTC" when neither the table nor date-holidays knows it. */
export function countryTimeZone(country: string): string {
  const code = country.toUpperCase();
  return MAIN_TIME_ZONE[code] ?? newHolidays(code, undefined)?.getTimezones()[0] ?? 'UTC';
}

/** English names where the data has them (the working text is English), else the local ones. */
function newHolidays(country: string, region: string | undefined): Holidays | undefined {
  try {
    const opts = { languages: ['en'], types: ['public' as const] };
    return region === undefined ? new Holidays(country, opts) : new Holidays(country, region, opts);
  } catch {
    // The library validates little; a malformed code must mean "no holidays", never a failed quote.
    return undefined;
  }
}

/** date-holidays calls a subdivision a "state" and wants it without the country prefix ("ON", not "CA-ON"). */
function normaliseRegion(country: string, region: string | undefined): string | undefined {
  if (region === undefined || region === '') return undefined;
  const upper = region.toUpperCase();
  return upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
}

/**
 * Every full day of a public holiday that falls in `year`. Neighbouring
 * years are read too: an observed day can move across New Year (US New
 * Year's Day 2022, a Saturday, was observed on 2021-12-31) and a multi-day
 * holiday can span it.
 */
function publicHolidaysIn(hd: Holidays | undefined, year: number): YearHolidays {
  const days = new Map<string, string>();
  if (hd === undefined) return days;
  for (const y of [year - 1, year, year + 1]) {
    for (const h of safeGetHolidays(hd, y)) {
      for (const day of fullDaysOf(h)) {
        if (day.startsWith(`${year}-`) && !days.has(day)) days.set(day, h.name);
      }
    }
  }
  return days;
}

function safeGetHolidays(hd: Holidays, year: number): ReturnType<Holidays['getHolidays']> {
  try {
    return hd.getHolidays(year);
  } catch {
    return [];
  }
}

/**
 * The local dates a holiday covers. `date` is local ("2026-07-03 00:00:00",
 * sometimes with an offset); `start`/`end` are instants, so the length in
 * days is rounded to absorb a DST change inside a multi-day holiday.
 * Holidays that begin after midnight (Christmas Eve from 13:00 in Iceland,
 * some half days in China) leave the morning for pickups and deliveries,
 * so they do not close the day.
 */
function fullDaysOf(h: { date: string; start: Date; end: Date; type: string }): string[] {
  if (h.type !== 'public' || h.date.slice(11, 19) !== '00:00:00') return [];
  const first = h.date.slice(0, 10);
  const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
  return Array.from({ length }, (_, i) => addDays(first, i));
}

function addDays(isoDate: string, days: number): string {
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
