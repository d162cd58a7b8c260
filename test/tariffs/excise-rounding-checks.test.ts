import { parseTariffText } from '../../src/tariffs/tariff-loader';
import { tariffJson } from '../helpers/engine-fixtures';

const SRC = { source: 'test' };
const name = { es: 'x', en: 'x' };
const spec = { type: 'specific', amount: '1', currency: 'USD', per: 'unit' };

function problemsOf(json: Record<string, unknown>) {
  const r = parseTariffText('tariffs/US.json', JSON.stringify(json));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

/** A special territory with its own (no) taxes, postcodes 999xx. */
const ISLE = { id: 'XX-ISLE', name, postcodes: { regex: '^999\\d{2}$' }, customs: 'inside', vat: 'outside', treatment: { type: 'ownTaxes', taxes: [] }, ...SRC };

const tax = (code: string, extra: Record<string, unknown> = {}) => ({ code, name, rate: '10', base: ['customsValue'], ...SRC, ...extra });

describe('references of excise rules, rounding rules and tax shares', () => {
  it('when everything refers to what exists, then the file loads', () => {
    const json = tariffJson(
      { excise: [{ id: 'A', name, hs: ['2208'], charge: spec, ...SRC }, { id: 'B', name, hs: ['2208'], charge: { type: 'percentOfExcise', excise: 'A', percent: '30' }, ...SRC }] },
      {
        taxes: [tax('CT'), tax('LCT', { shareOf: { tax: 'CT', fraction: '22/78' } })],
        rounding: [{ what: 'tax', codes: ['LCT'], at: 'total', step: '100', direction: 'down', currency: 'JPY', ...SRC }, { what: 'excise', codes: ['A'], at: 'total', step: '100', direction: 'down', currency: 'JPY', ...SRC }],
      },
    );
    expect(problemsOf(json)).toEqual([]);
  });

  it.each([
    ['a share of a tax listed after it', {}, { taxes: [tax('LCT', { shareOf: { tax: 'CT', fraction: '22/78' } }), tax('CT')] }, 'periods[0].taxes[0].shareOf.tax: "CT" is not a tax listed before "LCT" in this period'],
    ['a rounding rule naming an unknown tax', {}, { taxes: [tax('CT')], rounding: [{ what: 'tax', codes: ['VAT'], at: 'total', step: '100', direction: 'down', currency: 'JPY', ...SRC }] }, 'periods[0].rounding[0].codes[0]: "VAT" is not a tax code of this period'],
    ['an excise share of a later rule', { excise: [{ id: 'B', name, hs: ['2208'], charge: { type: 'percentOfExcise', excise: 'A', percent: '30' }, ...SRC }, { id: 'A', name, hs: ['2208'], charge: spec, ...SRC }] }, {}, 'excise[0]: "A" is not an excise rule listed before "B"'],
    ['two versions of one excise rule on the same day', { excise: [{ id: 'A', name, hs: ['2208'], charge: spec, effectiveTo: '2026-02-01', ...SRC }, { id: 'A', name, hs: ['2208'], charge: spec, effectiveFrom: '2026-02-01', ...SRC }] }, {}, 'excise[1].effectiveFrom: excise rule "A" is already in force on 2026-02-01 (excise[0])'],
    ['an excise rule naming a territory the file lacks', { excise: [{ id: 'A', name, hs: ['2208'], charge: spec, exceptTerritories: ['XX-ISLE'], ...SRC }] }, {}, 'excise[0].exceptTerritories[0]: territory "XX-ISLE" is not defined in "territories"'],
    ['an excise rule with both territory lists', { territories: [ISLE], excise: [{ id: 'A', name, hs: ['2208'], charge: spec, territories: ['XX-ISLE'], exceptTerritories: ['XX-ISLE'], ...SRC }] }, {}, 'excise[0].exceptTerritories: give "territories" (only there) or "exceptTerritories" (not there), not both'],
  ])('when a file has %s, then the problem names the path', (_what, top, period, problem) => {
    expect(problemsOf(tariffJson(top, period))).toContain(problem);
  });
});
