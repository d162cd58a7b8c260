import type { CuratedProduct } from '../../src/hs/curated-products';
import type { HsSubheading } from '../../src/hs/hs-nomenclature';
import { HsSearch } from '../../src/hs/hs-search';

const line = (hs6: string, description: string): HsSubheading => ({ hs6, description, heading: hs6.slice(0, 4), headingDescription: 'Heading' });
const product = (es: string, en: string, hs6: string, synonyms: { es?: string[]; en?: string[] } = {}, note?: { es: string; en: string }): CuratedProduct => ({
  es, en, hs6, synonyms: { es: synonyms.es ?? [], en: synonyms.en ?? [] }, ...(note ? { note } : {}),
});

/**
 * A small list built to reproduce what the issue saw with the hand-written
 * index: cocoa powder has the synonym "chocolate para taza", and the
 * nomenclature has ceramic roof tiles and bricks.
 */
const search = new HsSearch(
  [
    line('691200', 'Ceramic tableware, kitchenware, other household articles and toilet articles; other than of porcelain or china'),
    line('691110', 'Tableware and kitchenware; of porcelain or china'),
    line('690510', 'Ceramic roofing tiles'),
    line('690410', 'Ceramic building bricks'),
    line('180610', 'Cocoa; powder, containing added sugar or other sweetening matter'),
    line('610910', 'T-shirts, singlets and other vests; of cotton, knitted or crocheted'),
    line('610990', 'T-shirts, singlets and other vests; of textile materials (other than cotton), knitted or crocheted'),
    line('220890', 'Spirits, liqueurs and other spirituous beverages; n.e.c. in heading no. 2208'),
    line('190120', 'Food preparations; mixes and doughs for the preparation of bread, pastry, cakes, biscuits and other bakers\' wares'),
  ],
  [
    product('Chocolate en polvo con azúcar', 'Sweetened cocoa powder', '180610', { es: ['chocolate para taza', 'cocoa'] }),
    product('Taza de cerámica', 'Ceramic mug', '691200', { es: ['tarro de barro'], en: ['cup', 'coffee mug'] }, { es: 'Si es de porcelana: 6911.10.', en: 'Of porcelain: 6911.10.' }),
    product('Playera de algodón', 'Cotton T-shirt', '610910', { es: ['camiseta'], en: ['tee'] }),
    product('Tequila', 'Tequila', '220890'),
    product('Mezcla para pastel', 'Cake mix', '190120'),
  ],
);

const codes = (q: string, locale: 'es' | 'en') => search.search(q, locale).map((s) => `${s.code} ${s.label}`);

describe('HsSearch ranking over a small list', () => {
  it('when "tazas" is searched, then the cup (its name) comes before cocoa (only a synonym says "taza")', () => {
    expect(codes('tazas', 'es')).toEqual(['6912.00 Taza de cerámica', '1806.10 Chocolate en polvo con azúcar']);
  });

  it('when "taza de cerámica" is searched, then only the product with both words comes back', () => {
    expect(codes('taza de cerámica', 'es')).toEqual(['6912.00 Taza de cerámica']);
  });

  it('when "ceramic mug" is searched in English, then the curated mug comes first and hides the nomenclature line with its code', () => {
    expect(codes('ceramic mug', 'en')).toEqual(['6912.00 Ceramic mug']);
  });

  it('when only "ceramic" is searched, then the curated mug comes before the nomenclature lines that also say "ceramic"', () => {
    expect(codes('ceramic', 'en')[0]).toBe('6912.00 Ceramic mug');
    expect(codes('ceramic', 'en').slice(1).sort()).toEqual(['6904.10 Ceramic building bricks', '6905.10 Ceramic roofing tiles']);
  });

  it('when an English synonym is searched, then the curated product comes back with its English name', () => {
    expect(codes('cup', 'en')).toEqual(['6912.00 Ceramic mug']);
    expect(codes('tee', 'en')).toEqual(['6109.10 Cotton T-shirt']);
  });

  it('when a product with a note is suggested, then the note comes in the language asked for, with the code and the official text', () => {
    expect(search.search('taza', 'es')[0]).toEqual({
      code: '6912.00', hs6: '691200', label: 'Taza de cerámica', lang: 'es', source: 'curated',
      official: 'Ceramic tableware, kitchenware, other household articles and toilet articles; other than of porcelain or china', officialLang: 'en',
      note: 'Si es de porcelana: 6911.10.',
    });
    expect(search.search('mug', 'en')[0]?.note).toBe('Of porcelain: 6911.10.');
    expect(search.search('tequila', 'es')[0]).not.toHaveProperty('note');
  });

  it('when a word is half typed, then it matches as the start of a word', () => {
    expect(codes('playe', 'es')).toEqual(['6109.10 Playera de algodón']);
  });

  it('when a word finds nothing as typed, then it is tried again allowing a typo ("tequilla" → Tequila)', () => {
    expect(codes('tequilla', 'es')[0]).toBe('2208.90 Tequila');
  });

  it('when a word finds something as typed, then no typo match is added ("mezcal" does not bring "mezcla")', () => {
    expect(codes('mezcla', 'es')).toEqual(['1901.20 Mezcla para pastel']);
    expect(codes('tequila', 'es')).toEqual(['2208.90 Tequila']);
  });

  it('when the Spanish names have nothing, then English words are found in the nomenclature, labelled in Spanish by the curated product of that code', () => {
    expect(search.search('spirits', 'es').map((s) => [s.code, s.label, s.lang, s.source])).toEqual([['2208.90', 'Tequila', 'es', 'hs2022']]);
    expect(search.search('spirits', 'en').map((s) => [s.code, s.lang, s.source])).toEqual([['2208.90', 'en', 'hs2022']]);
  });

  it.each([
    ['6109', ['6109.10', '6109.90']],
    ['6109.10', ['6109.10']],
    ['6109.10.0012', ['6109.10']],
    ['22 08', ['2208.90']],
  ])('when the code "%s" is typed, then the subheadings under it are listed', (q, expected) => {
    expect(search.search(q, 'es').map((s) => s.code)).toEqual(expected);
  });

  it('when nothing matches or only stopwords are typed, then there are no suggestions', () => {
    expect(search.search('xyzzy', 'es')).toEqual([]);
    expect(search.search('de la', 'es')).toEqual([]);
  });

  it('when a curated product names a code the nomenclature lacks, then the search refuses to start', () => {
    expect(() => new HsSearch([line('610910', 'T-shirts')], [product('Mezcal', 'Mezcal', '220890')])).toThrow('Mezcal (220890)');
  });
});
