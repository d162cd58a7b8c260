import { MissingQuantityError } from '../../src/domain/duty-expression';
import { computeExcise, type ExciseItem } from '../../src/domain/excise';
import { D } from '../../src/domain/money';
import { exciseRuleSchema, type ExciseRule } from '../../src/tariffs/excise-schema';

const SRC = { source: 'test' };
const rule = (r: Record<string, unknown>): ExciseRule => exciseRuleSchema.parse({ name: { es: 'x', en: 'x' }, ...SRC, ...r });

/** One 0.75 l bottle unless told, values in the rule's currency (convert is the identity). */
function bottle(over: Partial<ExciseItem> = {}): ExciseItem {
  return {
    index: 0,
    hs: '220890',
    quantity: new D(1),
    litres: new D('0.75'),
    abv: new D(40),
    values: { goods: new D(500), shipping: new D(0), insurance: new D(0), customsValue: new D(500) },
    duties: new D(0),
    fees: new D(0),
    ...over,
  };
}

/** Every rule here is in the answer currency, so conversion is the identity. */
const ctx = (currency: string, date = '2026-11-26') => ({ date, currency, convert: (a: InstanceType<typeof D>) => a });

const GB = rule({
  id: 'GB-SPIRITS',
  hs: ['2208'],
  bands: [
    { abvAbove: '1.2', abvBelow: '3.5', charge: { type: 'specific', amount: '9.96', currency: 'GBP', per: 'litreOfAlcohol' } },
    { abvFrom: '3.5', abvBelow: '8.5', charge: { type: 'specific', amount: '26.61', currency: 'GBP', per: 'litreOfAlcohol' } },
    { abvFrom: '8.5', abvUpTo: '22', charge: { type: 'specific', amount: '30.62', currency: 'GBP', per: 'litreOfAlcohol' } },
    { abvAbove: '22', charge: { type: 'specific', amount: '33.99', currency: 'GBP', per: 'litreOfAlcohol' } },
  ],
});

describe('excise per unit of alcohol', () => {
  it('when 0.75 l of 40 % tequila enters the US, then 0.75 / 3.785411784 × 2 × 0.40 = 0.158503 proof gallons × USD 13.50 = 2.1398 (26 U.S.C. 5001, research US)', () => {
    const us = rule({ id: 'US-FET', hs: ['2208'], charge: { type: 'specific', amount: '13.50', currency: 'USD', per: 'proofGallon' } });
    const [line] = computeExcise([us], [bottle()], ctx('USD'));
    expect(line!.amount.toFixed(4)).toBe('2.1398');
    expect(line!.rate).toBe('13.5 USD/proof gal');
    expect(line!.base).toBeUndefined();
    expect(line!.working).toContain('0.75 l / 3.785411784 × 2 × 40%');
  });

  it.each([
    // 1 litre, so litres of alcohol = ABV / 100, times the band's GBP rate (GOV.UK wording, GB-EXC-2026):
    ['1.2', 'none'], // not "above 1.2 %": no band, no line
    ['3.49', '0.347604'], // 0.0349 × 9.96
    ['3.5', '0.93135'], // "at least 3.5 %": 0.035 × 26.61
    ['8.49', '2.259189'], // 0.0849 × 26.61
    ['8.5', '2.6027'], // "at least 8.5 %": 0.085 × 30.62
    ['22', '6.7364'], // "not exceeding 22 %": 0.22 × 30.62
    ['22.01', '7.481199'], // "exceeding 22 %": 0.2201 × 33.99
  ])('when a litre at %s %% enters the UK, then Alcohol Duty %s GBP (the band the law words at the boundary)', (abv, amount) => {
    const lines = computeExcise([GB], [bottle({ litres: new D(1), abv: new D(abv) })], ctx('GBP'));
    expect(lines.map((l) => l.amount.toString())).toEqual(amount === 'none' ? [] : [amount]);
  });

  it('when a Japanese spirit is 40 %, then JPY 370,000 + 3 points × 10,000 = 400,000 per kl × 0.00075 kl = 300; at 36 % and 37 % the same 370,000 (JP-EXC-SPIRITS)', () => {
    const kl = (amount: string, extra: Record<string, unknown> = {}) => ({ type: 'specific', amount, currency: 'JPY', per: 'litre', quantity: '1000', ...extra });
    const jp = rule({ id: 'JP', hs: ['2208'], bands: [{ abvBelow: '37', charge: kl('370000') }, { abvFrom: '37', charge: kl('370000', { perAbvPointAbove: { abv: '37', amount: '10000' } }) }] });
    const at = (abv: string) => computeExcise([jp], [bottle({ abv: new D(abv) })], ctx('JPY'))[0]!.amount.toString();
    expect(at('40')).toBe('300');
    expect(at('36')).toBe('277.5');
    expect(at('37')).toBe('277.5');
  });
});

describe('ad valorem excise and shares', () => {
  const ieps = (pct: string, above?: string, upTo?: string) => ({ ...(above ? { abvAbove: above } : { abvFrom: '3' }), abvUpTo: upTo, charge: { type: 'adValorem', percent: pct, base: ['customsValue', 'duties', 'fees'] } });
  const MX = rule({ id: 'IEPS', hs: ['2208'], bands: [ieps('26.5', undefined, '14'), ieps('30', '14', '20'), ieps('53', '20', '55')] });

  it.each([
    // base = customs value 500 + IGI 50 + DTA 4 = 554 (LIEPS art. 14); rate by °GL (art. 2-I-A, MX-EXC-IEPS)
    ['14', '146.81'], // 26.5 % × 554
    ['14.01', '166.2'], // 30 % × 554
    ['20', '166.2'],
    ['40', '293.62'], // 53 % × 554
  ])('when Mexico imports a %s %% drink, then IEPS %s', (abv, amount) => {
    const [line] = computeExcise([MX], [bottle({ abv: new D(abv), duties: new D(50), fees: new D(4) })], ctx('MXN'));
    expect(line!.base!.toString()).toBe('554');
    expect(line!.amount.toString()).toBe(amount);
  });

  it('when Korea charges liquor tax 72 % on value + duty and education tax 30 % of it, then 72 % × 600 = 432 and 30 % × 432 = 129.6 (KR-EXC)', () => {
    const liquor = rule({ id: 'KR-LIQUOR', hs: ['2208'], charge: { type: 'adValorem', percent: '72', base: ['customsValue', 'duties'] } });
    const edu = rule({ id: 'KR-EDU', hs: ['2208'], charge: { type: 'percentOfExcise', excise: 'KR-LIQUOR', percent: '30' } });
    const lines = computeExcise([liquor, edu], [bottle({ duties: new D(100) })], ctx('KRW'));
    expect(lines.map((l) => [l.id, l.amount.toString()])).toEqual([['KR-LIQUOR', '432'], ['KR-EDU', '129.6']]);
  });
});

describe('what an excise needs and when it applies', () => {
  it('when the strength is missing for a banded rule, then MissingQuantityError names abv', () => {
    const err = (() => {
      try {
        computeExcise([GB], [bottle({ abv: undefined })], ctx('GBP'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(MissingQuantityError);
    expect((err as MissingQuantityError).needs).toBe('abv');
  });

  it('when the volume is missing for a per-litre rule, then MissingQuantityError names litres', () => {
    const perLitre = rule({ id: 'L', hs: ['2203'], charge: { type: 'specific', amount: '37.69', currency: 'CAD', per: 'litre', quantity: '100' } });
    expect(() => computeExcise([perLitre], [bottle({ hs: '220300', litres: undefined })], ctx('CAD'))).toThrow(MissingQuantityError);
  });

  it('when a rule is not modelled, out of force or excludes the code, then no line and nothing is asked of the item', () => {
    const rules = [
      rule({ id: 'NM', hs: ['2208'], notModelled: { es: 'x', en: 'x' } }),
      rule({ id: 'OLD', hs: ['2208'], charge: { type: 'specific', amount: '1', currency: 'USD', per: 'unit' }, effectiveTo: '2026-01-31' }),
      rule({ id: 'EX', hs: ['2208'], excludeHs: ['220890'], charge: { type: 'specific', amount: '1', currency: 'USD', per: 'unit' } }),
    ];
    expect(computeExcise(rules, [bottle({ abv: undefined, litres: undefined })], ctx('USD', '2026-02-01'))).toEqual([]);
  });

  it('when the destination is a special territory, then only the rules that reach it charge (territories / exceptTerritories)', () => {
    // Mainland rule EUR 9.5894 per l of alcohol (ES-ALCOHOL's 958.94 per hl) not in XX-ISLE; the isle's own rule only there.
    // 0.75 l × 40 % = 0.3 l of alcohol: mainland 0.3 × 9.5894 = 2.87682; isle 0.3 × 8 = 2.4.
    const mainland = rule({ id: 'M', hs: ['2208'], exceptTerritories: ['XX-ISLE'], charge: { type: 'specific', amount: '958.94', currency: 'EUR', per: 'litreOfAlcohol', quantity: '100' } });
    const isle = rule({ id: 'I', hs: ['2208'], territories: ['XX-ISLE'], charge: { type: 'specific', amount: '8', currency: 'EUR', per: 'litreOfAlcohol' } });
    const at = (territory?: string) => computeExcise([mainland, isle], [bottle()], { ...ctx('EUR'), ...(territory ? { territory } : {}) }).map((l) => [l.id, l.amount.toString()]);
    expect(at()).toEqual([['M', '2.87682']]);
    expect(at('XX-ISLE')).toEqual([['I', '2.4']]);
    expect(at('XX-OTHER')).toEqual([['M', '2.87682']]);
  });

  it('when a rule has both a charge and bands, or neither, then the schema refuses it', () => {
    expect(exciseRuleSchema.safeParse({ id: 'X', name: { es: 'x', en: 'x' }, hs: ['2208'], ...SRC }).success).toBe(false);
    expect(exciseRuleSchema.safeParse({ id: 'X', name: { es: 'x', en: 'x' }, hs: ['2208'], notModelled: { es: 'x', en: 'x' }, charge: { type: 'specific', amount: '1', currency: 'USD', per: 'unit' }, ...SRC }).success).toBe(false);
  });
});
