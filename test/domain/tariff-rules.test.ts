import { D } from '../../src/domain/money';
import { buildQuote } from '../../src/quote/build-quote';
import { parseTariffText } from '../../src/tariffs/tariff-loader';
import { input, item, NO_HOLIDAYS, only, quote, RATES, service, tariff, tariffJson } from '../helpers/engine-fixtures';

const SRC = { source: 'test' };
const ad = (percent: string) => ({ type: 'adValorem', percent });
const name = { es: 'x', en: 'x' };
const duties = (over: Record<string, unknown>) => ({ default: { duty: ad('5'), ...SRC }, mfn: [{ hs: '610910', duty: ad('10'), ...SRC }], ...over });

/** 1 × USD 100.00 item of `hs` from `origin` on `date` (FOB, no shipping). */
function dutyLines(t: ReturnType<typeof tariff>, hs: string, origin = 'MX', date = '2026-11-26', claimPreference = true) {
  return only(quote(t, input({ shipDate: date, items: [item({ hs, originCountry: origin, claimPreference })] }))).duties.lines.map((l) => [l.rule, l.amount]);
}

describe('agreements: excluded HS prefixes and member accession dates', () => {
  const t = tariff({
    agreements: {
      CPTPP: { name, members: ['MX', 'PE'], memberDates: { PE: { effectiveFrom: '2021-01-19' } }, defaultDuty: ad('0'), excludeHs: ['0406'], effectiveFrom: '2018-12-30', ...SRC },
    },
    duties: duties({ mfn: [{ hs: '610910', duty: ad('10'), ...SRC }, { hs: '040690', duty: ad('20'), ...SRC }] }),
  });
  it.each([
    ['610910', 'MX', '2026-11-26', [['preferential:CPTPP', '0.00']]], // default 0%
    ['040690', 'MX', '2026-11-26', [['MFN', '20.00']]], // 0406 excluded: MFN 20% × 100
    ['610910', 'PE', '2021-01-18', [['MFN', '10.00']]], // Peru not yet a member: 10% × 100
    ['610910', 'PE', '2021-01-19', [['preferential:CPTPP', '0.00']]], // from its accession
  ])('when %s from %s is shipped on %s, then %j', (hs, origin, date, expected) => {
    expect(dutyLines(t, hs, origin, date)).toEqual(expected);
  });
});

describe('preferential measures naming several agreements', () => {
  const t = tariff({
    agreements: { A: { name, members: ['CL'], ...SRC }, B: { name, members: ['PE'], ...SRC } },
    duties: duties({ preferential: [{ hs: '610910', agreements: ['A', 'B'], duty: ad('2'), ...SRC }] }),
  });
  it.each([
    ['CL', [['preferential:A', '2.00']]], // 2% × 100
    ['PE', [['preferential:B', '2.00']]],
    ['CN', [['MFN', '10.00']]],
  ])('when the origin is %s, then %j', (origin, expected) => {
    expect(dutyLines(t, '610910', origin)).toEqual(expected);
  });
});

describe('additional duties: all origins except, agreement origins, exemptions limited to HS codes', () => {
  const t = tariff({
    agreements: { USMCA: { name, members: ['MX', 'CA', 'US'], ...SRC }, CAFTA: { name, members: ['GT'], ...SRC } },
    duties: duties({
      mfn: [{ hs: '610910', duty: ad('10'), ...SRC }, { hs: '420221', duty: ad('10'), ...SRC }],
      preferential: [{ hs: '610910', agreements: ['USMCA', 'CAFTA'], duty: ad('0'), ...SRC }, { hs: '420221', agreements: ['USMCA', 'CAFTA'], duty: ad('0'), ...SRC }],
      additional: [
        { id: 'S122', name, exceptOrigins: ['US'], duty: ad('10'), exemptUnder: ['USMCA', { agreement: 'CAFTA', hs: ['61'] }], ...SRC },
        { id: 'AG', name, origins: ['agreement:CAFTA'], hs: ['42'], duty: ad('1'), ...SRC },
      ],
    }),
  });
  it.each([
    ['610910', 'CN', [['MFN', '10.00'], ['additional:S122', '10.00']]], // every origin but the US
    ['610910', 'US', [['preferential:USMCA', '0.00']]], // the US itself is left out
    ['610910', 'MX', [['preferential:USMCA', '0.00']]], // exempt under USMCA
    ['610910', 'GT', [['preferential:CAFTA', '0.00']]], // CAFTA textiles exempt
    ['420221', 'GT', [['preferential:CAFTA', '0.00'], ['additional:S122', '10.00'], ['additional:AG', '1.00']]], // CAFTA non-textiles pay; "agreement:CAFTA" origin
  ])('when %s from %s, then %j', (hs, origin, expected) => {
    expect(dutyLines(t, hs, origin)).toEqual(expected);
  });
});

describe('a measure given as a range of national lines', () => {
  it('when the measure has a range, then the higher end is charged and flagged as an estimate', () => {
    const t = tariff({ duties: duties({ mfn: [{ hs: '640399', duty: ad('8'), range: { low: '5 %', high: '8 %' }, ...SRC }] }) });
    const line = only(quote(t, input({ items: [item({ hs: '640399', originCountry: 'CN' })] }))).duties.lines[0];
    expect(line).toMatchObject({ rule: 'estimated:subheading-range', amount: '8.00', estimated: true }); // 8% × 100
    expect(line?.working).toContain('5 % – 8 %');
  });
});

describe('thresholds and regimes for all origins except some', () => {
  it('when a regime excludes an origin, then a consignment holding it falls through', () => {
    const regime = { id: 'R', name, replaces: ['duty'], currency: 'USD', basis: 'goods', bands: [{ treatment: { type: 'exempt' } }], exceptOrigins: ['CN'], ...SRC };
    const t = tariff({}, { regimes: [regime] });
    expect(only(quote(t, input())).deMinimis.regime).toBe('R');
    expect(only(quote(t, input({ items: [item({ originCountry: 'CN' })] }))).deMinimis.regime).toBeUndefined();
  });
});

describe('unconfirmed figures are said in the answer', () => {
  it('when a tax rate is marked unconfirmed, then a warning names it; a file note marked unconfirmed says so', () => {
    const t = tariff(
      { notes: [{ code: 'N', text: { es: 'Regla de prueba sin confirmar aquí', en: 'A test rule not confirmed here' }, source: 'test', confidence: 'unconfirmed' }] },
      { taxes: [{ code: 'VAT', name, rate: '10', base: ['customsValue'], source: 'test', confidence: 'unconfirmed' }] },
    );
    const q = quote(t, input());
    expect(only(q).notes.find((n) => n.code === 'UNCONFIRMED_FIGURES')?.text).toContain('VAT 10%');
    expect(q.notes.find((n) => n.code === 'N')?.text).toBe('A test rule not confirmed here (Unconfirmed.)');
  });
});

describe('export notes of the origin country', () => {
  const mx = tariff({
    country: 'MX',
    currency: 'MXN',
    exportNotes: [
      { code: 'PEDIMENTO', text: { es: 'Pedimento de exportación requerido', en: 'Export pedimento required here' }, when: { goodsValueAbove: { amount: '5000', currency: 'USD' } }, ...SRC },
      { code: 'CERT', text: { es: 'Certificación de origen requerida', en: 'Certification of origin required' }, when: { preferenceClaimed: true }, ...SRC },
    ],
  });
  const dest = tariff({ agreements: { USMCA: { name, members: ['MX'], defaultDuty: ad('0'), ...SRC } } });
  const codes = (price: string, claimPreference: boolean, origin = 'MX') =>
    buildQuote(input({ origin: { country: origin }, items: [item({ unitPrice: new D(price), claimPreference })] }), {
      tariff: dest, rates: RATES, rated: { options: [service('0')], rejections: [] }, holidays: NO_HOLIDAYS, originTimeZone: 'America/Mexico_City',
      now: new Date('2026-11-25T15:00:00Z'), quoteId: 'q', validForHours: 24, originTariff: mx,
    }).notes.map((n) => n.code);
  it.each([
    ['5000.00', true, ['CERT']], // at USD 5,000 no pedimento (over, not at)
    ['5000.01', true, ['PEDIMENTO', 'CERT']],
    ['5000.01', false, ['PEDIMENTO']], // no preference claimed: no certification note
  ])('when goods are USD %s and claimPreference=%s, then the export notes are %j', (price, claim, expected) => {
    expect(codes(price, claim).filter((c) => ['PEDIMENTO', 'CERT'].includes(c))).toEqual(expected);
  });

  it('when the parcel does not leave Mexico, then no Mexican export note', () => {
    expect(codes('6000', true, 'US').filter((c) => ['PEDIMENTO', 'CERT'].includes(c))).toEqual([]);
  });
});

describe('schema: new fields are checked with the file and path', () => {
  const problems = (json: Record<string, unknown>) => {
    const r = parseTariffText('tariffs/US.json', JSON.stringify(json));
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };
  it.each([
    ['a preference with both agreement and agreements', tariffJson({ agreements: { A: { name, members: ['MX'], ...SRC } }, duties: duties({ preferential: [{ hs: '61', agreement: 'A', agreements: ['A'], duty: ad('0'), ...SRC }] }) }),
      'duties.preferential[0].agreement: give either "agreement" (one id) or "agreements" (a list of ids), not both and not neither'],
    ['an unknown agreement in a list', tariffJson({ agreements: { A: { name, members: ['MX'], ...SRC } }, duties: duties({ preferential: [{ hs: '61', agreements: ['A', 'Z'], duty: ad('0'), ...SRC }] }) }),
      'duties.preferential[0].agreements[1]: agreement "Z" is not defined in "agreements"'],
    ['member dates for a non-member', tariffJson({ agreements: { A: { name, members: ['MX'], memberDates: { PE: { effectiveFrom: '2021-01-19' } }, ...SRC } } }),
      'agreements.A.memberDates.PE: "PE" is not listed in the agreement\'s "members"'],
    ['an unknown agreement in exceptOrigins', tariffJson({ duties: duties({ additional: [{ id: 'X', name, exceptOrigins: ['agreement:NOPE'], duty: ad('1'), ...SRC }] }) }),
      'duties.additional[0].exceptOrigins[0]: agreement "NOPE" is not defined in "agreements"'],
    ['an unknown agreement in an HS-limited exemption', tariffJson({ duties: duties({ additional: [{ id: 'X', name, duty: ad('1'), exemptUnder: [{ agreement: 'NOPE', hs: ['61'] }], ...SRC }] }) }),
      'duties.additional[0].exemptUnder[0].agreement: agreement "NOPE" is not defined in "agreements"'],
    ['an origin that is neither a country nor an agreement', tariffJson({ duties: duties({ additional: [{ id: 'X', name, origins: ['Mexico'], duty: ad('1'), ...SRC }] }) }),
      'duties.additional[0].origins[0]: expected an ISO 3166-1 alpha-2 country code such as "MX" or "agreement:<ID>", got "Mexico"'],
  ])('when the file has %s, then "%s"', (_what, json, expected) => {
    expect(problems(json)).toContain(expected);
  });
});
