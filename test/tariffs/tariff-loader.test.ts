import { parseTariffText } from '../../src/tariffs/tariff-loader';
import { HsIndex } from '../../src/tariffs/hs-index';
import { tariffJson } from '../helpers/engine-fixtures';

const SRC = { source: 'test' };
const period = (from: string, to?: string) => ({
  effectiveFrom: from,
  ...(to ? { effectiveTo: to } : {}),
  valuation: { basis: 'FOB', ...SRC },
  deMinimis: { duty: [], tax: [] },
  taxes: [],
});

function problemsOf(json: Record<string, unknown>, file = 'tariffs/US.json') {
  const r = parseTariffText(file, JSON.stringify(json));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('tariff file loading: a bad edit names file, JSON path and problem', () => {
  it('when the file is valid, then it loads and is indexed', () => {
    const r = parseTariffText('tariffs/US.json', JSON.stringify(tariffJson()));
    expect(r.ok).toBe(true);
  });

  it.each([
    ['a percentage written as a word', tariffJson({}, { taxes: [{ code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: 'nineteen', base: ['customsValue'], ...SRC }] }),
      'periods[0].taxes[0].rate: expected a percentage such as "19", got "nineteen"'],
    ['an HS prefix with dots', tariffJson({ duties: { default: { duty: { type: 'adValorem', percent: '1' }, ...SRC }, mfn: [{ hs: '6109.10', duty: { type: 'adValorem', percent: '1' }, ...SRC }] } }),
      'duties.mfn[0].hs: expected an HS prefix of 2 to 10 digits without dots such as "6109", got "6109.10"'],
    ['an unknown source key', tariffJson({ duties: { default: { duty: { type: 'adValorem', percent: '1' }, source: 'nope' }, mfn: [] } }),
      'duties.default.source: source "nope" is not a key of "sources" (known: test)'],
    ['overlapping periods', tariffJson({ periods: [period('2025-01-01', '2025-12-31'), period('2025-06-01')] }),
      'periods[1].effectiveFrom: period starting 2025-06-01 overlaps periods[0] (2025-01-01 to 2025-12-31)'],
    ['an undefined agreement', tariffJson({ duties: { default: { duty: { type: 'adValorem', percent: '1' }, ...SRC }, mfn: [], preferential: [{ hs: '61', agreement: 'XX', duty: { type: 'adValorem', percent: '0' }, ...SRC }] } }),
      'duties.preferential[0].agreement: agreement "XX" is not defined in "agreements"'],
    ['an unknown currency', tariffJson({ currency: 'DOLLARS' }), 'currency: expected an ISO 4217 currency code such as "USD", got "DOLLARS"'],
    ['an unknown country in an agreement', tariffJson({ agreements: { A: { name: { es: 'a', en: 'a' }, members: ['ZZ'], ...SRC } } }),
      'agreements.A.members[0]: expected an ISO 3166-1 alpha-2 country code such as "MX", got "ZZ"'],
    ['a tax region not listed', tariffJson({}, { taxes: [{ code: 'PST', name: { es: 'p', en: 'p' }, rate: '7', regions: ['BC'], base: ['customsValue'], ...SRC }] }),
      'periods[0].taxes[0].regions[0]: region "BC" is not listed in "regions"'],
  ])('when the file has %s, then the problem says "%s"', (_name, json, expected) => {
    expect(problemsOf(json)).toContain(expected);
  });

  it('when the file name and country disagree, then it says so', () => {
    expect(problemsOf(tariffJson(), 'tariffs/CA.json')).toContain('country: the file is named CA.json but says country "US"');
  });

  it('when the text is not JSON, then the parser message is given', () => {
    const r = parseTariffText('tariffs/US.json', '{ "country": "US", ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/^not valid JSON/);
  });
});

describe('HS index: longest prefix in force', () => {
  const e = (hs: string, effectiveFrom?: string, effectiveTo?: string) => ({ hs, ...(effectiveFrom ? { effectiveFrom } : {}), ...(effectiveTo ? { effectiveTo } : {}) });
  const index = new HsIndex([e('61'), e('6109'), e('61091000'), e('61099010', '2026-01-01'), e('61099090', undefined, '2025-12-31')]);
  it.each([
    ['6109100012', '2026-06-01', 'ancestor', '61091000'], // 10 digits under an 8-digit line
    ['61091000', '2026-06-01', 'exact', '61091000'],
    ['610990', '2026-06-01', 'descendants', '61099010'], // only the line in force on that date
    ['610990', '2025-06-01', 'descendants', '61099090'],
    ['610310', '2026-06-01', 'ancestor', '61'], // chapter fallback
  ])('when %s is looked up on %s, then the match is %s %s', (hs, date, kind, found) => {
    const m = index.lookup(hs, date);
    expect(m?.kind).toBe(kind);
    const hit = m?.kind === 'descendants' ? m.entries.map((x) => x.hs).join(',') : m?.kind ? m.prefix : undefined;
    expect(hit).toBe(found);
  });

  it('when nothing matches, then there is no match', () => {
    expect(index.lookup('420221', '2026-06-01')).toBeUndefined();
  });

  it('when a code is looked up again (remembered answers, issue 17), then the answer is the same and a date on the other side of a change still gets its own lines', () => {
    const first = index.lookup('610990', '2026-06-01');
    expect(index.lookup('610990', '2026-06-01')).toBe(first);
    expect(index.lookup('420221', '2026-06-01')).toBeUndefined();
    const before = index.lookup('610990', '2025-06-01');
    expect(before?.kind === 'descendants' && before.entries.map((x) => x.hs)).toEqual(['61099090']);
    expect(first?.kind === 'descendants' && first.entries.map((x) => x.hs)).toEqual(['61099010']);
  });

  it('when more codes are asked than the index remembers (4,096), then answers stay right after it forgets', () => {
    for (let i = 0; i < 5000; i++) index.lookup(`6109${String(i).padStart(4, '0')}`, '2026-06-01');
    expect(index.lookup('61091000', '2026-06-01')?.kind).toBe('exact');
    expect(index.lookup('61099999', '2026-06-01')).toMatchObject({ kind: 'ancestor', prefix: '6109' });
  });
});
