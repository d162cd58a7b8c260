import { foldText, queryTerms, stem, terms, words } from '../../src/hs/fold-text';

describe('folding text for the HS search', () => {
  it.each([
    ['Café', 'cafe'],
    ['PIÑA', 'pina'],
    ['Joyería de plata', 'joyeria de plata'],
    ['Ünïcödé', 'unicode'],
  ])('when "%s" is folded, then it is "%s" (lower case, no diacritics)', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it.each([
    // singular and plural meet
    ['huaraches', 'huarach'],
    ['huarache', 'huarach'],
    ['limones', 'limon'],
    ['limon', 'limon'],
    ['chiles', 'chil'],
    ['chile', 'chil'],
    ['nueces', 'nuez'],
    ['berries', 'berry'],
    ['glasses', 'glass'],
    ['glass', 'glass'],
    ['shoes', 'shoe'],
    ['shoe', 'shoe'],
    // a final a or o is kept: plata (silver) is not plato (plate)
    ['plata', 'plata'],
    ['plato', 'plato'],
    // short words and numbers are left alone
    ['gas', 'gas'],
    ['6109', '6109'],
  ])('when "%s" is stemmed, then the stem is "%s"', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('when a hyphenated word is split, then its parts and the joined word are all terms', () => {
    expect(words('t-shirts, singlets')).toEqual(['t', 'shirts', 'tshirts', 'singlets']);
  });

  it('when a name is indexed, then stopwords in either language are dropped', () => {
    expect(terms('Bolsa de piel para la dama')).toEqual(['bolsa', 'piel', 'dama']);
    expect(terms('Articles of leather, with or without lining')).toEqual(['articl', 'leather', 'without', 'lining']);
  });

  it('when a query has a hyphenated word, then it counts once, joined', () => {
    expect(queryTerms('Cotton T-Shirt')).toEqual(['cotton', 'tshirt']);
  });

  it('when a query holds only stopwords, then it has no terms', () => {
    expect(queryTerms('de la')).toEqual([]);
  });
});
