import type { CarrierFile } from '../carriers/carrier-schema';
import { hasRate, rateSources, type RateTable } from '../fx/rate-table';
import { countryCodeSchema } from '../schema/primitives';
import type { CustomsUnionFile, MemberFile } from '../tariffs/customs-union-schema';
import type { LoadedTariff } from '../tariffs/tariff-index';
import type { LocatedProblem } from './check-data-file';
import type { JsonLocator } from './json-locate';

export interface CheckedTariff {
  file: string;
  locator: JsonLocator;
  /** The tariff as served (a member merged with its union). */
  tariff: LoadedTariff;
  /** A member of a customs union: its own national part, which is what its text holds. */
  own?: MemberFile;
}

export interface CheckedUnion {
  file: string;
  locator: JsonLocator;
  union: CustomsUnionFile;
}

export interface CheckedCarrier {
  file: string;
  locator: JsonLocator;
  carrier: CarrierFile;
}

export interface CrossCheckOptions {
  /** The rate table quotes convert with (the bundled snapshot). */
  rates: RateTable;
  /** YYYY-MM-DD the review ages are counted to. */
  today: string;
  /** A source or figure reviewed longer ago than this gets a warning. */
  maxAgeDays: number;
}

type Checked = CheckedTariff | CheckedCarrier | CheckedUnion;
type Report = (file: Checked, path: string, message: string, severity?: LocatedProblem['severity']) => void;

/**
 * Checks over the valid files taken together, and the checks the schemas
 * leave to data review: currencies the rate table does not quote, scope
 * countries that are not ISO codes, two measures for one HS code in force on
 * the same day, carriers zoning countries without a tariff file (warning),
 * destinations no carrier zones (warning), review dates older than the
 * allowed age (warning). A member of a customs union is checked on its own
 * national part (what its text holds); its union file on the common part.
 */
export function crossFileChecks(tariffs: readonly CheckedTariff[], carriers: readonly CheckedCarrier[], options: CrossCheckOptions, unions: readonly CheckedUnion[] = []): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const report: Report = (f, path, message, severity = 'error') => problems.push({ file: f.file, ...f.locator.locate(path), path, message, severity });
  const countries = new Set(tariffs.map((t) => t.tariff.file.country));

  for (const u of unions) {
    checkCurrencies(u, u.union, options.rates, report);
    checkScopeCountries(u, u.union, report);
    checkMeasureOverlaps(u, u.union.duties, report);
    checkReviewDates(u, u.union.sources, u.union, options, report);
  }
  for (const t of tariffs) {
    const own = t.own ?? t.tariff.file;
    checkCurrencies(t, own, options.rates, report);
    checkScopeCountries(t, own, report);
    if (!t.own) checkMeasureOverlaps(t, t.tariff.file.duties, report);
    checkReviewDates(t, own.sources, own, options, report);
  }
  const ids = new Map<string, CheckedCarrier>();
  const zoned = new Set<string>();
  for (const c of carriers) {
    const first = ids.get(c.carrier.id);
    if (first) report(c, 'id', `carrier id "${c.carrier.id}" is already used by ${first.file}; the service would load only one of them`);
    else ids.set(c.carrier.id, c);
    checkCurrencies(c, c.carrier, options.rates, report);
    checkCarrierCountries(c, countries, zoned, report);
    checkReviewDates(c, c.carrier.sources, c.carrier, options, report);
  }
  if (carriers.length > 0) {
    // An origin's file (MX: export-side notes) is not a destination: carriers ship from it, not to it.
    const origins = new Set(carriers.flatMap((c) => c.carrier.origins));
    for (const t of tariffs) {
      const country = t.tariff.file.country;
      if (!zoned.has(country) && !origins.has(country)) report(t, 'country', `no carrier table zones ${country}: quotes to ${country} get no shipping option`, 'warning');
    }
  }
  return problems;
}

/** Every (key, value, path) of the plain objects in a parsed file; Decimal amounts are not walked. */
function walk(value: unknown, path: string, fn: (key: string, v: unknown, path: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, fn));
    return;
  }
  if (value === null || typeof value !== 'object' || value.constructor !== Object) return;
  for (const [key, v] of Object.entries(value)) {
    const p = path === '' ? key : `${path}.${key}`;
    fn(key, v, p);
    walk(v, p, fn);
  }
}

/**
 * An amount in a currency no exchange-rate table quotes cannot be converted:
 * every quote that needs it fails with NO_EXCHANGE_RATE, so it is an error.
 * A destination's own `currency` is the default answer currency, so every
 * quote to that destination would fail (there is no fallback currency).
 */
function checkCurrencies(f: Checked, data: unknown, rates: RateTable, report: Report): void {
  const where = `the exchange rates (${rateSources(rates).join('; ')})`;
  walk(data, '', (key, v, path) => {
    if ((key !== 'currency' && key !== 'deductCurrency') || typeof v !== 'string' || hasRate(rates, v)) return;
    if (path === 'currency' && 'tariff' in f) report(f, path, `${v} is not quoted by ${where}: every quote to ${f.tariff.file.country} would fail with NO_EXCHANGE_RATE`);
    else report(f, path, `${v} is not quoted by ${where}; quotes that need it would fail`);
  });
}

function notIso(code: string): boolean {
  return !countryCodeSchema.safeParse(code).success;
}

/** Threshold and regime scopes take ISO codes or "agreement:<ID>" (the schema leaves them as strings). */
function checkScopeCountries(t: Checked, data: unknown, report: Report): void {
  walk(data, '', (key, v, path) => {
    if ((key !== 'origins' && key !== 'shipFrom') || !Array.isArray(v)) return;
    v.forEach((code, i) => {
      if (typeof code === 'string' && !code.startsWith('agreement:') && notIso(code)) {
        report(t, `${path}[${i}]`, `expected an ISO 3166-1 alpha-2 country code such as "MX" or "agreement:<ID>", got ${JSON.stringify(code)}`);
      }
    });
  });
}

type Dated = { effectiveFrom?: string; effectiveTo?: string };

function overlap(a: Dated, b: Dated): boolean {
  return (a.effectiveFrom ?? '0000-00-00') <= (b.effectiveTo ?? '9999-12-31') && (b.effectiveFrom ?? '0000-00-00') <= (a.effectiveTo ?? '9999-12-31');
}

function span(d: Dated): string {
  return `${d.effectiveFrom ?? 'always'} to ${d.effectiveTo ?? 'open end'}`;
}

/** Only one measure per HS code (per agreement) may be in force on a day (tariffs/README.md, "Changing a file"). */
function checkMeasureOverlaps(t: Checked, duties: LoadedTariff['file']['duties'], report: Report): void {
  const lists: [string, (Dated & { hs: string; agreement?: string })[]][] = [
    ['duties.mfn', duties.mfn],
    ['duties.preferential', duties.preferential],
  ];
  for (const [at, list] of lists) {
    const seen = new Map<string, number[]>();
    list.forEach((m, i) => {
      const key = `${m.agreement ?? ''}|${m.hs}`;
      const earlier = seen.get(key) ?? [];
      const clash = earlier.find((j) => overlap(list[j] as Dated, m));
      if (clash !== undefined) {
        report(t, `${at}[${i}].hs`, `${m.hs}${m.agreement ? ` (${m.agreement})` : ''} is also in ${at}[${clash}] on overlapping dates (${span(list[clash] as Dated)} and ${span(m)}); end one with effectiveTo`);
      }
      seen.set(key, [...earlier, i]);
    });
  }
}

/**
 * Countries the carrier zones (by country or postcode rule) that no tariff
 * file covers: one warning per carrier file, placed at the first such zone.
 * A warning, not an error: a carrier's table is its published coverage and
 * is rightly wider than our tariff files; the service refuses those
 * destinations with UNSUPPORTED_DESTINATION, it never prices them wrongly.
 */
function checkCarrierCountries(c: CheckedCarrier, countries: ReadonlySet<string>, zoned: Set<string>, report: Report): void {
  const missing = new Set<string>();
  let firstAt: string | undefined;
  c.carrier.services.forEach((s, i) => {
    s.zones.forEach((z, j) => {
      for (const code of [...z.countries, ...z.postcodes.map((p) => p.country)]) {
        zoned.add(code);
        if (countries.has(code)) continue;
        missing.add(code);
        firstAt ??= `services[${i}].zones[${j}]`;
      }
    });
    Object.keys(s.transit.customsDays).forEach((key) => {
      if (key !== 'default' && notIso(key)) report(c, `services[${i}].transit.customsDays.${key}`, `expected "default" or an ISO 3166-1 alpha-2 country code, got ${JSON.stringify(key)}`);
    });
  });
  if (firstAt !== undefined) {
    const list = [...missing].sort();
    report(c, firstAt, `zones ${list.length} countr${list.length === 1 ? 'y' : 'ies'} with no tariff file (${list.join(', ')}): quotes to them are refused (UNSUPPORTED_DESTINATION) until a tariffs/<ISO2>.json is added`, 'warning');
  }
  c.carrier.surcharges.forEach((s, i) => {
    s.triggers?.forEach((tr, j) => {
      if (tr.field !== 'destination' || !Array.isArray(tr.value)) return;
      tr.value.forEach((code, k) => {
        if (notIso(code)) report(c, `surcharges[${i}].triggers[${j}].value[${k}]`, `expected an ISO 3166-1 alpha-2 country code such as "US", got ${JSON.stringify(code)}`);
      });
    });
  });
}

function ageInDays(date: string, today: string): number {
  return Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}

/**
 * A figure's review date is its own `reviewed`, else its source's. One
 * warning per stale source (with how many figures cite it) and one per
 * stale figure-level date, so a large schedule gives a readable list.
 */
function checkReviewDates(f: Checked, sources: Record<string, { reviewed: string }>, data: unknown, options: CrossCheckOptions, report: Report): void {
  const citing = new Map<string, number>();
  walk(data, '', (key, v, path) => {
    if (path.startsWith('sources.')) return;
    if (key === 'source' && typeof v === 'string') citing.set(v, (citing.get(v) ?? 0) + 1);
    if (key === 'reviewed' && typeof v === 'string') {
      const age = ageInDays(v, options.today);
      if (age > options.maxAgeDays) report(f, path, `reviewed ${v}, ${age} days ago (more than ${options.maxAgeDays}): check the figure against its source and update the date`, 'warning');
    }
  });
  for (const [key, s] of Object.entries(sources)) {
    const age = ageInDays(s.reviewed, options.today);
    const n = citing.get(key) ?? 0;
    if (age > options.maxAgeDays) {
      report(f, `sources.${key}.reviewed`, `source "${key}" was reviewed ${s.reviewed}, ${age} days ago (more than ${options.maxAgeDays}); ${n === 1 ? '1 figure cites' : `${n} figures cite`} it: check them and update the date`, 'warning');
    }
  }
}
