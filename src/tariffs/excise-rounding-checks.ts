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
    // Dated versions of one rule share an id; the same id twice in force on a day is caught by the dates.
    ids.add(r.id);
  });
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
