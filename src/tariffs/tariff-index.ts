import { inForce } from '../domain/dates';
import { HsIndex } from './hs-index';
import type { DutyMeasure, PreferenceMeasure, TariffFile, TariffPeriod } from './tariff-schema';

/** A validated tariff file with its lookup structures, built once at load time. */
export interface LoadedTariff {
  file: TariffFile;
  mfn: HsIndex<DutyMeasure>;
  preferential: ReadonlyMap<string, HsIndex<PreferenceMeasure>>;
  /** Newest review date of any source of the file: the answer's tariff data date. */
  reviewed: string;
}

export function indexTariff(file: TariffFile): LoadedTariff {
  const byAgreement = new Map<string, PreferenceMeasure[]>();
  for (const m of file.duties.preferential) {
    const list = byAgreement.get(m.agreement) ?? [];
    list.push(m);
    byAgreement.set(m.agreement, list);
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

/** Expand "agreement:<ID>" entries to the agreement's member countries. */
export function expandOrigins(tariff: LoadedTariff, origins: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const o of origins) {
    if (o.startsWith('agreement:')) tariff.file.agreements[o.slice(10)]?.members.forEach((m) => out.add(m));
    else out.add(o);
  }
  return out;
}

export function sourceOf(tariff: LoadedTariff, key: string): { title: string; url?: string; reviewed: string } | undefined {
  return tariff.file.sources[key];
}
