import { join } from 'node:path';
import { loadCuratedProducts, parseCuratedProducts } from '../../src/hs/curated-products';
import { loadHsNomenclature } from '../../src/hs/hs-nomenclature';
import { BUNDLED_HS_DIR } from '../../src/hs/hs-search';

const file = loadCuratedProducts(join(BUNDLED_HS_DIR, 'curated-products.json'));
const nomenclature = new Map(loadHsNomenclature(join(BUNDLED_HS_DIR, 'harmonized-system.csv')).map((l) => [l.hs6, l.description]));

describe('the curated list of products Mexican exporters ship', () => {
  it('when the bundled file is read, then it passes its schema with at least 150 products', () => {
    expect(file.edition).toBe('HS 2022');
    expect(file.products.length).toBeGreaterThanOrEqual(150);
  });

  it('when each product is checked, then its code is an HS 2022 subheading', () => {
    const unknown = file.products.filter((p) => !nomenclature.has(p.hs6)).map((p) => `${p.es} ${p.hs6}`);
    expect(unknown).toEqual([]);
  });

  it('when the Spanish names are compared, then no two products share one', () => {
    const names = file.products.map((p) => p.es.toLowerCase());
    expect(names.length - new Set(names).size).toBe(0);
  });

  // The products the issue names, with the subheading text that justifies each code.
  it.each([
    ['Camiseta de algodón', '610910', 'T-shirts, singlets and other vests; of cotton, knitted or crocheted'],
    ['Bolsa de piel', '420221', 'handbags'],
    ['Tequila', '220890', 'Spirits, liqueurs and other spirituous beverages'],
    ['Mezcal', '220890', 'Spirits, liqueurs and other spirituous beverages'],
    ['Café tostado en grano', '090121', 'Coffee; roasted, not decaffeinated'],
    ['Joyería de plata', '711311', 'Jewellery; of silver'],
    ['Plata en barra', '710691', 'silver, unwrought'],
    ['Talavera (vajilla)', '691200', 'Ceramic tableware, kitchenware'],
    ['Huaraches de piel', '640320', 'uppers consisting of leather straps across instep and around the big toe'],
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
  ])('when a product has %s, then the file is rejected naming it', (_what, change, message) => {
    const bad = { ...file, products: [{ ...file.products[0], ...change }, ...file.products.slice(1)] };
    expect(() => parseCuratedProducts(bad)).toThrow(message);
  });

  it('when the list is shorter than 150, then the file is rejected', () => {
    expect(() => parseCuratedProducts({ ...file, products: file.products.slice(0, 149) })).toThrow('expected at least 150 products, got 149');
  });
});
