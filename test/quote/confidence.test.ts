import type { DutyDependentFee } from '../../src/carriers/carrier-rater';
import { D } from '../../src/domain/money';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { input, item, only, quote, service, tariff } from '../helpers/engine-fixtures';

const name = { es: 'X', en: 'X' };
const src = (confidence?: string) => ({ source: 'test', ...(confidence ? { confidence } : {}) });
const adValorem = (percent: string) => ({ type: 'adValorem', percent });

/**
 * A fixture tariff with one figure per mark (tariffs/README.md "Sources"): MFN lines confirmed,
 * secondary, unconfirmed, estimated and unmarked, and a chapter-only line; valuation confirmed.
 */
const marked = tariff({
  duties: {
    default: { duty: adValorem('5'), ...src('confirmed') },
    mfn: [
      { hs: '610910', duty: adValorem('10'), ...src('confirmed') },
      { hs: '620520', duty: adValorem('12'), ...src('secondary') },
      { hs: '420221', duty: adValorem('8'), ...src('unconfirmed') },
      { hs: '711311', duty: adValorem('5'), ...src('estimated') },
      { hs: '691200', duty: adValorem('4'), ...src() },
      { hs: '64', duty: adValorem('15'), ...src('confirmed') },
    ],
  },
});

describe('confidence of each duty line, from the mark of the figure used', () => {
  it.each([
    ['610910', 'MFN', 'confirmed'],
    ['620520', 'MFN', 'secondary'],
    // An unconfirmed or estimated mark makes the line an estimate, with the reason in the rule.
    ['420221', 'estimated:unconfirmed', 'estimated'],
    ['711311', 'estimated:file-estimate', 'estimated'],
    // No mark: one source nobody vouched for counts as secondary, never confirmed.
    ['691200', 'MFN', 'secondary'],
    // A chapter rate (64, marked confirmed) is not the HS code's own: estimated.
    ['640391', 'estimated:chapter', 'estimated'],
    // No line at all: the country default, an estimate.
    ['950300', 'estimated:country-default', 'estimated'],
  ])('when the item is HS %s, then the duty rule is %s and its confidence %s', (hs, rule, confidence) => {
    const o = only(quote(marked, input({ items: [item({ hs })] })));
    expect(o.duties.lines.map((l) => [l.rule, l.confidence])).toEqual([[rule, confidence]]);
    // The option is as sure as its least sure line (the valuation basis is confirmed).
    expect(o.confidence).toEqual({ level: confidence, figures: [{ kind: 'valuation', confidence: 'confirmed' }] });
  });
});

describe('confidence of tax and fee lines, and of the option', () => {
  const withTaxes = tariff(
    { duties: { default: { duty: adValorem('0'), ...src('confirmed') }, mfn: [{ hs: '61', duty: adValorem('0'), ...src('confirmed') }] } },
    {
      taxes: [{ code: 'VAT', name, rate: '16', base: ['customsValue'], reduced: [{ hs: '6912', rate: '8', ...src('unconfirmed') }], ...src('confirmed') }],
      fees: [{ code: 'F1', name, currency: 'USD', charge: { type: 'flat', amount: '2' }, ...src('secondary') }],
    },
  );

  it('when one item takes the standard rate and one a reduced rate marked unconfirmed, then VAT 16% is confirmed, 8% estimated, the fee secondary', () => {
    const o = only(quote(withTaxes, input({ items: [item({ hs: '610910' }), item({ index: 1, hs: '691200' })] })));
    expect(o.taxes.lines.map((l) => [l.rate, l.rule, l.confidence])).toEqual([['16', 'standard', 'confirmed'], ['8', 'reduced:6912', 'estimated']]);
    expect(o.fees.lines.map((l) => [l.code, l.confidence])).toEqual([['F1', 'secondary']]);
    expect(o.confidence.level).toBe('estimated');
  });

  it('when the tax de minimis (marked unconfirmed) waives the tax, then the zero tax line is as sure as that threshold, and the option lists it', () => {
    const t = tariff({}, {
      deMinimis: { duty: [], tax: [{ id: 'TAX-800', amount: '800', currency: 'USD', basis: 'goods', ...src('unconfirmed') }] },
      taxes: [{ code: 'VAT', name, rate: '16', base: ['customsValue'], ...src('confirmed') }],
    });
    const o = only(quote(t, input()));
    expect(o.taxes.lines.map((l) => [l.rule, l.amount, l.confidence])).toEqual([['de-minimis', '0.00', 'estimated']]);
    expect(o.confidence).toEqual({
      level: 'estimated',
      figures: [{ kind: 'valuation', confidence: 'confirmed' }, { kind: 'threshold', id: 'TAX-800', confidence: 'estimated' }],
    });
  });

  it('when a tax rate is marked estimated (a generated figure), then its line is estimated and the UNCONFIRMED_FIGURES warning lists it', () => {
    const o = only(quote(tariff({}, { taxes: [{ code: 'VAT', name, rate: '16', base: ['customsValue'], ...src('estimated') }] }), input()));
    expect(o.taxes.lines.map((l) => [l.rate, l.confidence])).toEqual([['16', 'estimated']]);
    expect(o.notes.find((n) => n.code === 'UNCONFIRMED_FIGURES')?.text).toContain('VAT 16%');
  });

  it('when a simplified regime marked secondary replaces the duty, then its line and the option are secondary', () => {
    const regime = { id: 'R', name, replaces: ['duty'], currency: 'USD', basis: 'goods', bands: [{ treatment: { type: 'exempt' } }], ...src('secondary') };
    const o = only(quote(tariff({}, { regimes: [regime] }), input()));
    expect(o.duties.lines.map((l) => [l.rule, l.confidence])).toEqual([['regime:R', 'secondary']]);
    expect(o.confidence.figures).toEqual([{ kind: 'valuation', confidence: 'confirmed' }, { kind: 'regime', id: 'R', confidence: 'secondary' }]);
    expect(o.confidence.level).toBe('secondary');
  });

  it('when the valuation basis is marked secondary and every line is confirmed, then the option is secondary', () => {
    const o = only(quote(tariff({}, { valuation: { basis: 'CIF', ...src('secondary') } }), input()));
    expect(o.duties.lines.map((l) => l.confidence)).toEqual(['confirmed']);
    expect(o.confidence.level).toBe('secondary');
  });
});

describe('confidence of a carrier\'s duty-paid fee, and the quote summary', () => {
  // A collection fee of USD 5 whenever duties or taxes are due (the test tariff charges 10% MFN on HS 610910).
  const dapFee = (status?: 'sourced' | 'illustrative'): DutyDependentFee => ({
    code: 'DISB',
    name,
    option: 'dap',
    price: () => ({ amount: new D(5), working: 'flat 5' }),
    ...(status ? { status } : {}),
  });

  it.each([
    ['sourced', 'unset (the service\'s)', 'confirmed'],
    ['illustrative', 'unset (the service\'s)', 'estimated'],
    // A live-priced (sourced) service whose fee comes from an illustrative table keeps the table's status.
    ['sourced', 'illustrative', 'estimated'],
  ] as const)('when the service is %s and the fee\'s table status %s, then the fee is %s', (svcStatus, feeStatus, confidence) => {
    const o = only(quote(tariff(), input(), [service('10', 'USD', { status: svcStatus, dutyFees: [dapFee(feeStatus === 'illustrative' ? feeStatus : undefined)] })]));
    expect(o.fees.lines.map((l) => [l.code, l.rule, l.confidence])).toEqual([['DISB', 'carrier:test-carrier', confidence]]);
  });

  it('when one option has an illustrative fee and one none, then the summary says 1 confirmed, 1 estimated, lowest estimated', () => {
    const q = quote(tariff(), input(), [
      service('10', 'USD', { service: 'a', status: 'illustrative', dutyFees: [dapFee()] }),
      service('12', 'USD', { service: 'b' }),
    ]);
    // Sorted by landed cost: b = 100 + 12 + 10 duty = 122.00 before a = 100 + 10 + 10 + 5 fee = 125.00.
    expect(q.options.map((o) => [o.service, o.landedCost, o.confidence.level])).toEqual([['b', '122.00', 'confirmed'], ['a', '125.00', 'estimated']]);
    expect(q.confidence).toEqual({ lowest: 'estimated', byLevel: { confirmed: 1, secondary: 0, estimated: 1 } });
    expect(() => quoteResponseSchema.parse(q)).not.toThrow();
  });

  it('when no carrier can take the shipment, then the summary has no lowest level and counts nothing', () => {
    const q = quote(tariff(), input(), []);
    expect(q.confidence).toEqual({ byLevel: { confirmed: 0, secondary: 0, estimated: 0 } });
  });
});
