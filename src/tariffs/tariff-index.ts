import { inForce } from '../domain/dates';
import { HsIndex } from './hs-index';
import { measureAgreements, type Agreement, type DutyMeasure, type PreferenceMeasure, type TariffFile, type TariffPeriod } from './tariff-schema';

/** A validated tariff file with its lookup structures, built once at load time. */
export interface LoadedTariff {
  file: TariffFile;
  mfn: HsIndex<DutyMeasure>;
  /** Preferential measures by agreement id; a measure naming several agreements is in each index. */
  preferential: ReadonlyMap<string, HsIndex<PreferenceMeasure>>;
  /** Newest review date of any source of the file: the answer's tariff data date. */
  reviewed: string;
}

export function indexTariff(file: TariffFile): LoadedTariff {
  const byAgreement = new Map<string, PreferenceMeasure[]>();
  for (const m of file.duties.preferential) {
    for (const id of measureAgreements(m)) {
      const list = byAgreement.get(id) ?? [];
      list.push(m);
      byAgreement.set(id, list);
    }
  }
  const preferential = new Map<string, HsIndex<PreferenceMeasure>>();
  for (const [id, list] of byAgreement) preferential.set(id, new HsIndex(list));
  const reviewed = Object.values(file.sources)
    .map((s) => s.reviewed)
    .sort()
    .at(-1) ?? '';
  return { file, mfn: new HsIndex(file.duties.mfn), preferential, reviewed };
}

export function periodAt(tariff: LoadedTariff, date: string): TariffPeriod | undefined {
  return tariff.file.periods.find((p) => inForce(p, date));
}

/**
 * True when `country` is a member of the agreement on `date`: the agreement is in force and the
 * member's own accession dates (`memberDates`, e.g. CPTPP) include the date.
 */
export function isMemberOn(agreement: Agreement, country: string, date: string): boolean {
  if (!inForce(agreement, date) || !agreement.members.includes(country)) return false;
  const own = agreement.memberDates?.[country];
  return own === undefined || inForce(own, date);
}

/**
 * Expand "agreement:<ID>" entries to the agreement's member countries. With a date, only members
 * on that date are included (an agreement not in force has none).
 */
export function expandOrigins(tariff: LoadedTariff, origins: readonly string[], date?: string): Set<string> {
  const out = new Set<string>();
  for (const o of origins) {
    if (!o.startsWith('agreement:')) {
      out.add(o);
      continue;
    }
    const agreement = tariff.file.agreements[o.slice(10)];
    if (!agreement) continue;
    for (const m of agreement.members) if (date === undefined || isMemberOn(agreement, m, date)) out.add(m);
  }
  return out;
}

/** True when a rule with optional `origins` / `exceptOrigins` covers goods of `country` on `date`. */
export function originCovered(tariff: LoadedTariff, rule: { origins?: string[] | undefined; exceptOrigins?: string[] | undefined }, country: string, date: string): boolean {
  if (rule.origins && !expandOrigins(tariff, rule.origins, date).has(country)) return false;
  if (rule.exceptOrigins && expandOrigins(tariff, rule.exceptOrigins, date).has(country)) return false;
  return true;
}

/**
 * The id a `/quote` answer gives a tariff file's source: "<file country>:<key>", since
 * the destination's and the origin's files may use the same key for different sources.
 */
export function sourceIdOf(tariff: LoadedTariff, key: string | undefined): string | undefined {
  return key !== undefined && tariff.file.sources[key] ? `${tariff.file.country}:${key}` : undefined;
}

export function sourceOf(tariff: LoadedTariff, key: string): { title: string; titleEs?: string; url?: string; reviewed: string } | undefined {
  return tariff.file.sources[key];
}

/** A source's title in the answer's language: the Spanish title where the file has one, else the original marked as English. */
export function sourceTitle(src: { title: string; titleEs?: string }, locale: 'es' | 'en'): string {
  if (locale === 'en') return src.title;
  return src.titleEs ?? `${src.title} (en inglés)`;
}
