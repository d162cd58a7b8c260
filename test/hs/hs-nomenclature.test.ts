import { join } from 'node:path';
import { BUNDLED_HS_DIR } from '../../src/hs/hs-search';
import { loadHsNomenclature, parseHsNomenclature } from '../../src/hs/hs-nomenclature';

const HEADER = 'section,hscode,description,parent,level';

describe('the HS 2022 nomenclature file', () => {
  it('when a small table is parsed, then its subheadings come with their heading text, and Comtrade aggregates are skipped', () => {
    const csv = [
      HEADER,
      'XI,61,"Apparel and clothing accessories; knitted or crocheted",TOTAL,2',
      'XI,6109,"T-shirts, singlets and other vests; knitted or crocheted",61,4',
      'XI,610910,"T-shirts, singlets and other vests; of cotton, knitted or crocheted",6109,6',
      'TOTAL,999999,Commodities not specified according to kind,9999,6',
    ].join('\n');
    expect(parseHsNomenclature(csv)).toEqual([{
      hs6: '610910',
      description: 'T-shirts, singlets and other vests; of cotton, knitted or crocheted',
      heading: '6109',
      headingDescription: 'T-shirts, singlets and other vests; knitted or crocheted',
    }]);
  });

  it.each([
    ['a different header', 'code,description\n', 'expected the header "section,hscode,description,parent,level"'],
    ['a level that is not 2, 4 or 6', `${HEADER}\nI,01,Animals; live,TOTAL,3\n`, 'line 2: level: expected level 2, 4 or 6, got "3"'],
    ['a code with letters', `${HEADER}\nI,01A,Animals,TOTAL,2\n`, 'line 2: hscode: expected a 2-, 4- or 6-digit HS code, got "01A"'],
    ['a code whose length is not its level', `${HEADER}\nI,0101,Horses,01,6\n`, 'line 2: code 0101 does not have 6 digits'],
    ['a subheading without its heading', `${HEADER}\nI,010121,Horses; live,0101,6\n`, 'subheading 010121 has no heading 0101'],
    ['a row with a missing field', `${HEADER}\nI,01,Animals,TOTAL\n`, 'line 2: expected 5 fields, got 4'],
  ])('when the file has %s, then loading fails naming the problem', (_what, csv, message) => {
    expect(() => parseHsNomenclature(csv)).toThrow(message);
  });

  it('when the bundled file is loaded, then it has the 5,612 HS 2022 subheadings, each once', () => {
    const lines = loadHsNomenclature(join(BUNDLED_HS_DIR, 'harmonized-system.csv'));
    // 5,613 level-6 rows in the file, less Comtrade's 999999 "not specified according to kind".
    expect(lines).toHaveLength(5613 - 1);
    expect(new Set(lines.map((l) => l.hs6)).size).toBe(lines.length);
    expect(lines.find((l) => l.hs6 === '610910')?.description).toBe('T-shirts, singlets and other vests; of cotton, knitted or crocheted');
    expect(lines.find((l) => l.hs6 === '041010')?.description).toBe('Animal products; insects');
  });
});
