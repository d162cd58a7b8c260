import type { TariffFile } from './tariff-schema';

type Add = (path: string, message: string) => void;

/**
 * References of the excise rules, rounding rules and tax shares of a file: excise ids are unique
 * and a `percentOfExcise` names an earlier rule; a share names an earlier tax of its period;
 * rounding `codes` name taxes of the period (or excise ids).
 */
export function checkExciseAndRounding(t: TariffFile, add: Add): void {
  const ids = new Set<string>();
  t.excise.forEach((r, i) => {
    const charges = [r.charge, ...(r.bands ?? []).map((b) => b.charge)];
    for (const c of charges) {
      if (c?.type === 'percentOfExcise' && !ids.has(c.excise)) add(`excise[${i}]`, `"${c.excise}" is not an excise rule listed before "${r.id}"`);
    }
    ids.add(r.id);
  });
  checkExciseVersions(t, add);
  t.periods.forEach((p, i) => {
    const seen = new Set<string>();
    p.taxes.forEach((tax, j) => {
      if (tax.shareOf && !seen.has(tax.shareOf.tax)) add(`periods[${i}].taxes[${j}].shareOf.tax`, `"${tax.shareOf.tax}" is not a tax listed before "${tax.code}" in this period`);
      seen.add(tax.code);
    });
    p.rounding.forEach((r, j) => {
      const known = r.what === 'excise' ? ids : seen;
      r.codes?.forEach((c, k) => {
        if (!known.has(c)) add(`periods[${i}].rounding[${j}].codes[${k}]`, `"${c}" is not ${r.what === 'excise' ? 'an excise rule id' : 'a tax code of this period'}`);
      });
    });
  });
}

/** Dated versions of one excise rule share its id; two of them in force on the same day would both charge. */
function checkExciseVersions(t: TariffFile, add: Add): void {
  const byId = new Map<string, { i: number; from: string; to: string }[]>();
  t.excise.forEach((r, i) => byId.set(r.id, [...(byId.get(r.id) ?? []), { i, from: r.effectiveFrom ?? '0000-01-01', to: r.effectiveTo ?? '9999-12-31' }]));
  for (const [id, versions] of byId) {
    const sorted = [...versions].sort((a, b) => a.from.localeCompare(b.from));
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k - 1]!.to >= sorted[k]!.from) add(`excise[${sorted[k]!.i}].effectiveFrom`, `excise rule "${id}" is already in force on ${sorted[k]!.from} (excise[${sorted[k - 1]!.i}])`);
    }
  }
}
