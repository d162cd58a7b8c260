import { join } from 'node:path';
import { loadCuratedProducts, parseCuratedProducts } from '../../src/hs/curated-products';
import { loadHsNomenclature } from '../../src/hs/hs-nomenclature';
import { BUNDLED_HS_DIR } from '../../src/hs/hs-search';

const file = loadCuratedProducts(join(BUNDLED_HS_DIR, 'curated-products.json'));
const nomenclature = new Map(loadHsNomenclature(join(BUNDLED_HS_DIR, 'harmonized-system.csv')).map((l) => [l.hs6, l.description]));

/** Subheadings a note names, as written ("6109.90"). */
const codesIn = (text: string) => [...text.matchAll(/\b(\d{4})\.(\d{2})\b/g)].map((m) => `${m[1]}${m[2]}`);

describe('the curated list of products Mexican exporters ship', () => {
  it('when the bundled file is read, then it passes its schema with at least 600 products', () => {
    expect(file.edition).toBe('HS 2022');
    expect(file.products.length).toBeGreaterThanOrEqual(600);
  });

  it('when each product is checked, then its code is an HS 2022 subheading', () => {
    const unknown = file.products.filter((p) => !nomenclature.has(p.hs6)).map((p) => `${p.es} ${p.hs6}`);
    expect(unknown).toEqual([]);
  });

  it('when each note is read, then every subheading it names exists, and the Spanish and English notes name the same ones', () => {
    const problems: string[] = [];
    for (const p of file.products) {
      if (!p.note) continue;
      const es = codesIn(p.note.es);
      const en = codesIn(p.note.en);
      for (const c of [...es, ...en]) if (!nomenclature.has(c)) problems.push(`${p.es}: ${c} is not an HS 2022 subheading`);
      if (es.join() !== en.join()) problems.push(`${p.es}: es names ${es.join() || 'none'}, en names ${en.join() || 'none'}`);
    }
    expect(problems).toEqual([]);
  });

  it('when the names are compared, then no two products share one, in either language', () => {
    for (const lang of ['es', 'en'] as const) {
      const names = file.products.map((p) => p[lang].toLowerCase());
      expect([lang, names.length - new Set(names).size]).toEqual([lang, 0]);
    }
  });

  it('when the list is read, then it covers the kinds of goods the issue names, by HS chapter', () => {
    const chapters = new Set(file.products.map((p) => p.hs6.slice(0, 2)));
    // crafts 44/46/97, ceramics 69, textiles 57/63, apparel 61/62, footwear 64, leather 42, silver 71,
    // coffee 09, sauces 21, spirits 22, cosmetics 33, furniture 94, toys 95, auto parts 87
    for (const ch of ['44', '46', '97', '69', '57', '63', '61', '62', '64', '42', '71', '09', '21', '22', '33', '94', '95', '87']) expect([ch, chapters.has(ch)]).toEqual([ch, true]);
  });

  // The products the issue names, with the subheading text that justifies each code.
  it.each([
    ['Playera de algodón', '610910', 'T-shirts, singlets and other vests; of cotton, knitted or crocheted'],
    ['Bolsa de piel', '420221', 'handbags'],
    ['Tequila', '220890', 'Spirits, liqueurs and other spirituous beverages'],
    ['Mezcal', '220890', 'Spirits, liqueurs and other spirituous beverages'],
    ['Café tostado en grano', '090121', 'Coffee; roasted, not decaffeinated'],
    ['Aretes de plata', '711311', 'Jewellery; of silver'],
    ['Plata en barra', '710691', 'silver, unwrought'],
    ['Taza de cerámica', '691200', 'Ceramic tableware, kitchenware'],
    ['Taza de porcelana', '691110', 'Tableware and kitchenware; of porcelain or china'],
    ['Huaraches de piel', '640320', 'uppers consisting of leather straps across instep and around the big toe'],
    ['Sandalias de cuero', '640359', '(not covering the ankle), outer soles and uppers of leather'],
    ['Salsa picante', '210390', 'Sauces and preparations therefor'],
    ['Chapulines', '041010', 'insects'],
  ])('when "%s" is looked up, then its code is %s ("%s")', (name, hs6, words) => {
    const product = file.products.find((p) => p.es === name);
    expect(product?.hs6).toBe(hs6);
    expect(nomenclature.get(hs6)).toContain(words);
  });

  it.each([
    ['a code with dots', { hs6: '6109.10' }, 'products.0.hs6: expected six digits without dots such as "610910", got "6109.10"'],
    ['an unknown field', { colour: 'red' }, 'products.0: Unrecognized key: "colour"'],
    ['synonyms as one list', { synonyms: ['playera'] }, 'products.0.synonyms'],
    ['a note in one language only', { note: { es: 'De punto.' } }, 'products.0.note.en'],
  ])('when a product has %s, then the file is rejected naming it', (_what, change, message) => {
    const bad = { ...file, products: [{ ...file.products[0], ...change }, ...file.products.slice(1)] };
    expect(() => parseCuratedProducts(bad)).toThrow(message);
  });

  it('when the list is shorter than 600, then the file is rejected', () => {
    expect(() => parseCuratedProducts({ ...file, products: file.products.slice(0, 599) })).toThrow('expected at least 600 products, got 599');
  });
});
