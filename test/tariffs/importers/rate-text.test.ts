import { parseEuDuty } from '../../../src/tariffs/importers/eu-rate-text';
import { parseUsRate, parseUsSpecial } from '../../../src/tariffs/importers/us-rate-text';
import { parseCsvRecords as parseCsv } from '../../../src/schema/csv';

const ad = (percent: string) => ({ type: 'adValorem', percent });
const usd = (amount: string, per: string, quantity?: string) => ({ type: 'specific', amount, currency: 'USD', per, ...(quantity ? { quantity } : {}) });
const eur = (amount: string, per: string, quantity?: string) => ({ type: 'specific', amount, currency: 'EUR', per, ...(quantity ? { quantity } : {}) });

describe('US HTS rate text', () => {
  it.each([
    ['Free', ad('0'), []],
    ['16.5%', ad('16.5'), []],
    ['2.8¢/kg + 5%', { type: 'sum', of: [usd('0.028', 'kg'), ad('5')] }, []], // 2.8 cents = USD 0.028
    ['76¢/pr. + 32%', { type: 'sum', of: [usd('0.76', 'unit'), ad('32')] }, ['pair']],
    ['14¢/gross + 4.3%', { type: 'sum', of: [usd('0.14', 'unit', '144'), ad('4.3')] }, []],
    ['$1.25/kg', usd('1.25', 'kg'), []],
    ['8¢/doz.', usd('0.08', 'unit', '12'), []],
    ['0.7¢ each', usd('0.007', 'unit'), []],
    ['19.8¢/liter', usd('0.198', 'litre'), []],
    ['26.4¢/pf. liter', usd('0.264', 'proofLitre'), ['proof-litre']],
    ['0.3¢/thousand', usd('0.003', 'unit', '1000'), []],
  ])('when the rate is "%s", then it reads %j', (text, duty, flags) => {
    expect(parseUsRate(text)).toEqual({ ok: true, duty, flags });
  });

  it.each([
    ['The rate applicable to each garment in the ensemble if separately entered', 'ensemble'],
    ['The rate applicable to the article of which it is an accessory', 'by-reference'],
    ['1.1¢/m2', 'unit'],
    ['35.3¢/kg of total sugars', 'unit'],
  ])('when the rate is "%s", then it is not guessed (%s)', (text, reason) => {
    expect(parseUsRate(text)).toMatchObject({ ok: false, reason });
  });

  it('when the special column has several groups with spaced codes, then each group keeps its codes', () => {
    expect(parseUsSpecial('Free (AU,BH, CL,S) 3.2% (JP) See 9823.08.01-9823.08.38 (S+)')).toEqual([
      { rate: 'Free', codes: ['AU', 'BH', 'CL', 'S'] },
      { rate: '3.2%', codes: ['JP'] },
      { rate: 'See 9823.08.01-9823.08.38', codes: ['S+'] },
    ]);
  });
});

describe('EU TARIC duty text', () => {
  it.each([
    ['12 %', ad('12'), false],
    ['32 EUR / hl', eur('32', 'litre', '100'), false],
    ['10.2 % + 93.1 EUR / 100 kg', { type: 'sum', of: [ad('10.2'), eur('93.1', 'kg', '100')] }, false],
    // "A MIN B": B is a minimum, so the higher of the two
    ['3.8 % MIN 0.4 EUR / 100 kg/br', { type: 'max', of: [ad('3.8'), eur('0.4', 'kg', '100')] }, true],
    // "A MAX B": B is a ceiling, so the lower of the two
    ['7.9 % + 54 EUR / 100 kg MAX 17.8 % + 6.9 EUR / 100 kg', { type: 'min', of: [{ type: 'sum', of: [ad('7.9'), eur('54', 'kg', '100')] }, { type: 'sum', of: [ad('17.8'), eur('6.9', 'kg', '100')] }] }, false],
  ])('when the duty is "%s", then it reads %j', (text, duty, grossWeight) => {
    expect(parseEuDuty(text)).toEqual({ ok: true, duty, grossWeight });
  });

  it.each([
    ['8.3 % + EA MAX 18.7 % +ADSZ', 'agricultural-component'],
    ['9 % + EAR', 'agricultural-component'],
    ['1 EUR / % vol/hl', 'alcohol-strength'],
    ['0.4 EUR / 100 kg/net/%sacchar.', 'sugar-content'],
  ])('when the duty is "%s", then it is reported as %s', (text, reason) => {
    expect(parseEuDuty(text)).toMatchObject({ ok: false, reason });
  });
});

describe('CSV', () => {
  it('when fields are quoted with commas, doubled quotes and CRLF, then they are read whole', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n1,\n';
    expect(parseCsv(text)).toEqual([{ a: 'x, y', b: 'say "hi"' }, { a: '1', b: '' }]);
  });
});
