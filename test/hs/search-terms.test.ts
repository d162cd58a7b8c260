import { foldText, phraseKey, textTerms, words, wordTerms } from '../../src/hs/search-terms';

describe('the terms the HS search indexes and looks for', () => {
  it.each([
    ['Café', 'cafe'],
    ['PIÑA', 'pina'],
    ['Joyería de plata', 'joyeria de plata'],
    ['Ünïcödé', 'unicode'],
  ])('when "%s" is folded, then it is "%s" (lower case, no diacritics)', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('when a hyphenated word is split, then its parts and the joined word are all words', () => {
    expect(words('T-shirts, singlets')).toEqual(['t', 'shirts', 'tshirts', 'singlets']);
  });

  // Snowball stems (@orama/stemmers): the plural and the singular meet on one stem.
  it.each([
    ['tazas', 'es', ['tazas', 'taz']],
    ['taza', 'es', ['taza', 'taz']],
    ['huaraches', 'es', ['huaraches', 'huarach']],
    ['aretes', 'es', ['aretes', 'aret']],
    ['piel', 'es', ['piel']],
    ['earrings', 'en', ['earrings', 'ear']],
    ['mugs', 'en', ['mugs', 'mug']],
    ['mug', 'en', ['mug']],
  ] as const)('when "%s" is turned into %s terms, then they are the word and its stem %j', (word, lang, expected) => {
    expect(wordTerms(word, lang)).toEqual(expected);
  });

  it('when a word is a stopword, a single letter or a number, then it gives no term, no term, and the number', () => {
    expect(wordTerms('de', 'es')).toEqual([]);
    expect(wordTerms('the', 'en')).toEqual([]);
    expect(wordTerms('t', 'en')).toEqual([]);
    expect(wordTerms('925', 'es')).toEqual(['925']);
  });

  it('when a name is indexed, then stopwords in either language are dropped', () => {
    expect(textTerms('Bolsa de piel', 'es')).toEqual(['bolsa', 'bols', 'piel']);
  });

  it('when two texts differ only in accents, plurals and stopwords, then their phrase keys are equal', () => {
    expect(phraseKey('Tazas de cerámica', 'es')).toBe('taz ceram');
    expect(phraseKey('taza ceramica', 'es')).toBe('taz ceram');
  });
});
