import { postcodeInTerritory } from '../domain/territory';
import type { DataProblem } from '../schema/data-file';
import { checkExciseAndRounding } from './excise-rounding-checks';
import { measureAgreements, type TariffFile } from './tariff-schema';

export type Add = (path: string, message: string) => void;
type NeedAgreement = (id: string, path: string) => void;

/** A checker that `id` names an agreement of `agreements`, reporting at `path` otherwise. */
export function agreementChecker(agreements: ReadonlySet<string>, add: Add): NeedAgreement {
  return (id, path) => {
    if (!agreements.has(id)) add(path, `agreement "${id}" is not defined in "agreements"`);
  };
}

/**
 * Checks a schema cannot express: references between parts of one tariff
 * file. Returns problems with the JSON path of the offending value.
 */
export function checkTariffReferences(file: string, t: TariffFile): DataProblem[] {
  const problems: DataProblem[] = [];
  const add: Add = (path, message) => problems.push({ file, path, message });
  checkScheduleReferences(t, add);
  checkTaxRegions(t.periods, t.regions, add);
  checkNationalRules(t, add);
  return problems;
}

/** Territories, excise and rounding rules: national data, in a tariff file or a member file. */
export function checkNationalRules(t: Parameters<typeof checkTerritories>[0] & Parameters<typeof checkExciseAndRounding>[0], add: Add): void {
  checkTerritories(t, add);
  checkExciseAndRounding(t, add);
}

/**
 * Entries of one territory id do not overlap in time (an id may have dated versions: new rates),
 * each rule takes its own examples, and fee scopes and excise rules name known territories.
 */
function checkTerritories(t: TariffFile, add: Add): void {
  const ids = new Set<string>();
  const windows = new Map<string, { from: string; to: string }[]>();
  (t.territories ?? []).forEach((ter, i) => {
    const w = { from: ter.effectiveFrom ?? '0000-00-00', to: ter.effectiveTo ?? '9999-12-31' };
    if ((windows.get(ter.id) ?? []).some((o) => o.from <= w.to && w.from <= o.to)) add(`territories[${i}].id`, `territory "${ter.id}" has two entries in force on the same day`);
    windows.set(ter.id, [...(windows.get(ter.id) ?? []), w]);
    ids.add(ter.id);
    (ter.postcodes.examples ?? []).forEach((ex, j) => {
      if (!postcodeInTerritory(ter, ex)) add(`territories[${i}].postcodes.examples[${j}]`, `the rule does not match its own example "${ex}"`);
    });
  });
  t.periods.forEach((p, i) => {
    p.fees.forEach((f, j) => {
      f.scope?.exceptTerritories?.forEach((id, k) => {
        if (!ids.has(id)) add(`periods[${i}].fees[${j}].scope.exceptTerritories[${k}]`, `territory "${id}" is not defined in "territories"`);
      });
    });
  });
  t.excise.forEach((r, i) => {
    for (const key of ['territories', 'exceptTerritories'] as const) {
      r[key]?.forEach((id, k) => {
        if (!ids.has(id)) add(`excise[${i}].${key}[${k}]`, `territory "${id}" is not defined in "territories"`);
      });
    }
    if (r.territories && r.exceptTerritories) add(`excise[${i}].exceptTerritories`, 'give "territories" (only there) or "exceptTerritories" (not there), not both');
  });
}

/**
 * What a file holding a schedule (a tariff file, a customs union file) must get right inside itself:
 * every `source` is a key of `sources`, every agreement named is defined, periods do not overlap.
 */
export function checkScheduleReferences(t: Pick<TariffFile, 'duties' | 'agreements' | 'sources'> & { periods: readonly DatedPeriod[] }, add: Add): void {
  const needAgreement = agreementChecker(new Set(Object.keys(t.agreements)), add);
  checkNamedReferences(t, new Set(Object.keys(t.sources)), needAgreement, add);
  checkAgreements(t, needAgreement, add);
  checkPeriodOverlaps(t.periods, add);
}

/** Every `source` names a key of `sources`; every agreement an `exemptUnder` or `agreement:<ID>` origin names exists. */
export function checkNamedReferences(t: unknown, sourceKeys: ReadonlySet<string>, needAgreement: NeedAgreement, add: Add): void {
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (value.constructor !== Object) return;
    for (const [key, v] of Object.entries(value)) {
      const p = path === '' ? key : `${path}.${key}`;
      if (key === 'source' && typeof v === 'string' && !sourceKeys.has(v)) {
        add(p, `source "${v}" is not a key of "sources" (known: ${[...sourceKeys].join(', ') || 'none'})`);
      }
      if (key === 'exemptUnder' && Array.isArray(v)) {
        v.forEach((a, i) => {
          if (typeof a === 'string') needAgreement(a, `${p}[${i}]`);
          else if (a && typeof a === 'object' && typeof (a as { agreement?: unknown }).agreement === 'string') {
            needAgreement((a as { agreement: string }).agreement, `${p}[${i}].agreement`);
          }
        });
      }
      if ((key === 'origins' || key === 'exceptOrigins' || key === 'shipFrom' || key === 'exceptShipFrom') && Array.isArray(v)) {
        v.forEach((o, i) => {
          if (typeof o === 'string' && o.startsWith('agreement:')) needAgreement(o.slice(10), `${p}[${i}]`);
        });
      }
      if (key !== 'sources') visit(v, p);
    }
  };
  visit(t, '');
}

/** Preferential measures name defined agreements; `memberDates` keys are members. */
export function checkAgreements(t: Pick<TariffFile, 'duties' | 'agreements'>, needAgreement: NeedAgreement, add: Add): void {
  t.duties.preferential.forEach((m, i) => {
    if (m.agreements) m.agreements.forEach((a, j) => needAgreement(a, `duties.preferential[${i}].agreements[${j}]`));
    else measureAgreements(m).forEach((a) => needAgreement(a, `duties.preferential[${i}].agreement`));
  });
  for (const [id, a] of Object.entries(t.agreements)) {
    for (const member of Object.keys(a.memberDates ?? {})) {
      if (!a.members.includes(member)) add(`agreements.${id}.memberDates.${member}`, `"${member}" is not listed in the agreement's "members"`);
    }
  }
}

interface DatedPeriod {
  effectiveFrom: string;
  effectiveTo?: string | undefined;
}

/** Periods do not overlap and do not end before they start. */
export function checkPeriodOverlaps(list: readonly DatedPeriod[], add: Add): void {
  const periods = [...list].map((p, i) => ({ p, i })).sort((a, b) => a.p.effectiveFrom.localeCompare(b.p.effectiveFrom));
  for (let k = 1; k < periods.length; k++) {
    const prev = periods[k - 1]!;
    const cur = periods[k]!;
    if (prev.p.effectiveTo === undefined || prev.p.effectiveTo >= cur.p.effectiveFrom) {
      add(`periods[${cur.i}].effectiveFrom`, `period starting ${cur.p.effectiveFrom} overlaps periods[${prev.i}] (${prev.p.effectiveFrom} to ${prev.p.effectiveTo ?? 'open end'})`);
    }
  }
  list.forEach((p, i) => {
    if (p.effectiveTo !== undefined && p.effectiveTo < p.effectiveFrom) add(`periods[${i}].effectiveTo`, 'ends before it starts');
  });
}

/** Tax regions are listed in `regions`. */
export function checkTaxRegions(periods: readonly { taxes: readonly { regions?: string[] | undefined }[] }[], regions: Record<string, unknown> | undefined, add: Add): void {
  periods.forEach((p, i) => {
    p.taxes.forEach((tax, j) => {
      tax.regions?.forEach((r, k) => {
        if (!regions || !(r in regions)) add(`periods[${i}].taxes[${j}].regions[${k}]`, `region "${r}" is not listed in "regions"`);
      });
    });
  });
}
