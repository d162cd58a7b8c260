import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { D } from '../../src/domain/money';
import { indexTariff } from '../../src/tariffs/tariff-index';
import { tariffFileSchema } from '../../src/tariffs/tariff-schema';
import { input, item, only, quote, service } from '../helpers/engine-fixtures';

/**
 * Japan's legal rounding (JP-1111: Japan Customs Answer 1111; JP-RND-LAW: 関税法 13-4, 国税通則法
 * 118–119) on the bundled tariffs/JP.json, with its duty rates replaced by the 14 % of the
 * Customs example. Goods from the US (no Japanese agreement), shipping 0, so CIF = goods.
 * Test rates: 1 USD = 128 JPY.
 */
function japan(mfn: { hs: string; percent: string }[]) {
  const json = JSON.parse(readFileSync(join(__dirname, '..', '..', 'tariffs', 'JP.json'), 'utf8'));
  json.duties.mfn = mfn.map((m) => ({ hs: m.hs, duty: { type: 'adValorem', percent: m.percent }, source: 'JP-1111', confidence: 'confirmed' }));
  return indexTariff(tariffFileSchema.parse(json));
}

const jpy = (hs: string, price: string, index = 0, over = {}) => item({ index, hs, originCountry: 'US', unitPrice: new D(price), priceCurrency: 'JPY', ...over });

function quoteJp(items: ReturnType<typeof item>[], currency = 'JPY', shipDate = '2026-11-26') {
  const t = japan([{ hs: '691200', percent: '14' }, { hs: '160100', percent: '14' }, { hs: '420221', percent: '10' }]);
  return only(quote(t, input({ destination: { country: 'JP' }, currency, shipDate, items }), [service('0', 'JPY')]));
}

describe('JP: Japan Customs Answer 1111, worked example', () => {
  // Item A (standard 7.8 %) CIF 534,795; item B (food, reduced 6.24 %) CIF 126,258; duty 14 %.
  const o = quoteJp([jpy('691200', '534795'), jpy('160100', '126258', 1)]);

  it('when the values are truncated to JPY 1,000, then duty 14 % × 534,000 = 74,760 and × 126,000 = 17,640; the total 92,400 needs no rounding', () => {
    expect(o.duties.lines.map((l) => [l.base, l.amount])).toEqual([['534000', '74760'], ['126000', '17640']]);
    expect(o.duties.lines[0]!.working).toContain('534795 JPY → 534000 JPY (rounded down to JPY 1000)');
    expect(o.duties.amount).toBe('92400');
  });

  it('when the consumption-tax bases are CIF + duty (truncated to JPY 100) truncated to JPY 1,000, then 609,495 → 609,000 and 143,858 → 143,000; national 47,502 + 8,923 = 56,425 → 56,400', () => {
    const ct = o.taxes.lines.filter((l) => l.code === 'CT');
    expect(ct.map((l) => [l.rate, l.base, l.amount, l.rule])).toEqual([
      ['7.8', '609000', '47502', 'standard'],
      ['6.24', '143000', '8923', 'reduced:16'],
      ['rounded down to JPY 100', '56425', '-25', 'rounding:tax'],
    ]);
    expect(ct[0]!.working).toContain('duty 74760 JPY → 74700 JPY (rounded down to JPY 100)');
    expect(ct[0]!.working).toContain('base 609495 JPY → 609000 JPY (rounded down to JPY 1000)');
  });

  it('when the local tax is 22/78 of each national line truncated to JPY 100, then 13,397 + 2,510 = 15,907 → 15,900', () => {
    // 47,500 × 22/78 = 13,397.4 → 13,397; 8,900 × 22/78 = 2,510.3 → 2,510 (JP-1111)
    const lct = o.taxes.lines.filter((l) => l.code === 'LCT');
    expect(lct.map((l) => [l.rate, l.base, l.amount])).toEqual([
      ['22/78 × CT', '56400', '15907'],
      ['rounded down to JPY 100', '15907', '-7'],
    ]);
    // What Japan Customs collects: duty 92,400 + national 56,400 + local 15,900.
    expect(o.taxes.amount).toBe('72300');
    expect(o.landedCost).toBe(String(534795 + 126258 + 92400 + 56400 + 15900));
  });
});

describe('JP: both sides of a JPY 1,000 step', () => {
  it.each([
    // handbag, duty 10 %: value 20,999 → 20,000 → duty 2,000; value 21,000 → 21,000 → duty 2,100
    ['20999', '20000', '2000'],
    ['21000', '21000', '2100'],
  ])('when the customs value is JPY %s, then the duty base is %s and the duty %s', (price, base, duty) => {
    const o = quoteJp([jpy('420221', price)]);
    expect(o.duties.lines.map((l) => [l.base, l.amount])).toEqual([[base, duty]]);
  });

  it('when the answer is in USD, then the rounding is done in JPY first: USD 164.05 = JPY 20,998.40 → 20,000 = USD 156.25; duty 10 % = JPY 2,000 = USD 15.63', () => {
    const o = quoteJp([item({ hs: '420221', originCountry: 'US', unitPrice: new D('164.05'), priceCurrency: 'USD' })], 'USD');
    expect(o.duties.lines.map((l) => [l.base, l.amount])).toEqual([['156.25', '15.63']]);
    expect(o.duties.lines[0]!.working).toContain('20998.4 JPY → 20000 JPY (rounded down to JPY 1000) = 156.25 USD');
    // The other side: USD 164.07 = JPY 21,000.96 → 21,000 = USD 164.0625; duty JPY 2,100 = USD 16.40625 → 16.41.
    const p = quoteJp([item({ hs: '420221', originCountry: 'US', unitPrice: new D('164.07'), priceCurrency: 'USD' })], 'USD');
    expect(p.duties.lines.map((l) => [l.base, l.amount])).toEqual([['164.06', '16.41']]);
  });
});

describe('JP: a bottle of tequila (research rounding.md, illustrative)', () => {
  it('when 0.75 l at 40 % with CIF JPY 10,500 and 0 % duty is imported, then liquor tax 300, national 700, local 100: JPY 1,100', () => {
    // Liquor tax 0.00075 kl × 400,000 = 300 (JP-EXC-SPIRITS); base 10,500 + 0 + 300 = 10,800 → 10,000; national 780 → 700;
    // local 700 × 22/78 = 197.4 → 197 → 100. Duty 0: the Mexico–Japan EPA default (MX origin).
    const t = japan([]);
    const bottle = item({ hs: '220890', originCountry: 'MX', unitPrice: new D(10500), priceCurrency: 'JPY', unitLitres: new D('0.75'), abv: new D(40) });
    const o = only(quote(t, input({ destination: { country: 'JP' }, currency: 'JPY', items: [bottle] }), [service('0', 'JPY')]));
    expect(o.taxes.lines.map((l) => [l.code, l.amount])).toEqual([
      ['JP-LIQUOR-SPIRITS', '300'],
      ['CT', '780'],
      ['CT', '-80'],
      ['LCT', '197'],
      ['LCT', '-97'],
    ]);
    expect(o.taxes.amount).toBe('1100');
    expect(o.taxes.lines[0]!.rule).toBe('excise:JP-LIQUOR-SPIRITS');
  });

  it('when the value is JPY 10,000 (the exemption), then no duty or consumption tax but the liquor tax is still due (JP-6)', () => {
    const t = japan([]);
    const bottle = item({ hs: '220890', originCountry: 'MX', unitPrice: new D(10000), priceCurrency: 'JPY', unitLitres: new D('0.75'), abv: new D(40) });
    const o = only(quote(t, input({ destination: { country: 'JP' }, currency: 'JPY', items: [bottle] }), [service('0', 'JPY')]));
    expect(o.deMinimis).toEqual({ duty: 'applied', tax: 'applied' });
    expect(o.taxes.lines.map((l) => [l.code, l.amount])).toEqual([['JP-LIQUOR-SPIRITS', '300'], ['CT', '0'], ['LCT', '0']]);
  });
});
