import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CatalogueError, loadCatalogue, parseCatalogueCsv, parseCatalogueJson } from '../../../src/integrations/shopify/catalogue';
import { parseCsv } from '../../../src/schema/csv';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof CatalogueError) return err.problems.map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  throw new Error('expected a CatalogueError');
}

describe('product catalogue', () => {
  it('when the bundled example is loaded, then every product is found by its SKU and the first by its variant id', () => {
    const c = loadCatalogue(resolve(__dirname, '../../../data/catalogue.example.json'));
    expect(c.size).toBe(7);
    expect(c.find(40000000000001, null)?.hsCode).toBe('610910');
    expect(c.find(null, 'TEQUILA-BLANCO-750')).toMatchObject({ unitVolume: { value: 750, unit: 'ml' }, alcoholByVolume: 40 });
    expect(c.find(null, 'GORRA-IMPORTADA')).toMatchObject({ originCountry: 'CN', claimPreference: false });
  });

  it('when a CSV row gives alcohol_by_volume, then the entry carries the strength; a strength over 100 names the column', () => {
    const c = parseCatalogueCsv('sku,hs_code,unit_volume,volume_unit,alcohol_by_volume\nT,2208.90,750,ml,38\n', 'c.csv');
    expect(c.find(null, 'T')).toMatchObject({ unitVolume: { value: 750, unit: 'ml' }, alcoholByVolume: 38 });
    expect(problemsOf(() => parseCatalogueCsv('sku,hs_code,alcohol_by_volume\nT,2208.90,140\n', 'c.csv'))).toEqual(['line 2 alcohol_by_volume: expected a strength of at most 100 % vol, got 140']);
  });

  it('when both a variant id and a SKU are given, then the variant id wins, and an unknown variant falls back to the SKU', () => {
    const c = parseCatalogueJson(JSON.stringify({ products: [
      { sku: 'A', hsCode: '610910' },
      { sku: 'B', variantId: 7, hsCode: '420221' },
    ] }), 'c.json');
    expect(c.find(7, 'A')?.hsCode).toBe('420221');
    expect(c.find(8, 'A')?.hsCode).toBe('610910');
    expect(c.find(undefined, 'C')).toBeUndefined();
  });

  it.each([
    ['a product without sku or variantId', { products: [{ hsCode: '610910' }] }, 'products[0]: expected "sku" or "variantId" (or both) to find the product by'],
    ['a short HS code', { products: [{ sku: 'A', hsCode: '6109' }] }, 'products[0].hsCode: expected an HS code of 6 to 10 digits (dots and spaces allowed) such as "6109.10", got "6109"'],
    ['an unknown country', { products: [{ sku: 'A', hsCode: '610910', originCountry: 'XX' }] }, 'products[0].originCountry: expected an ISO 3166-1 alpha-2 country code such as "MX", got "XX"'],
    ['a SKU listed twice', { products: [{ sku: 'A', hsCode: '610910' }, { sku: 'A', hsCode: '420221' }] }, 'products[1]: SKU "A" is listed twice'],
    ['a field the schema does not know', { products: [{ sku: 'A', hsCode: '610910', hs: 'x' }] }, 'products[0]: Unrecognized key: "hs"'],
  ])('when the JSON catalogue has %s, then the error names the path', (_when, json, expected) => {
    expect(problemsOf(() => parseCatalogueJson(JSON.stringify(json), 'c.json'))).toContain(expected);
  });

  it('when a CSV catalogue is read, then quoted cells, a BOM, CRLF and any column order work', () => {
    const csv = '\uFEFFhs_code,sku,variant_id,description,origin_country,unit_weight,weight_unit,length,width,height,dimension_unit,claim_preference\r\n'
      + '6109.10,CAM-M,40000000000001,"T-shirt, cotton ""premium""",mx,0.2,kg,30,25,2,cm,yes\r\n'
      + '\r\n'
      + '4202.21,BOLSA,,Bag,MX,2,lb,,,,,no\r\n';
    const c = parseCatalogueCsv(csv, 'c.csv');
    expect(c.size).toBe(2);
    expect(c.find(40000000000001, null)).toEqual({
      sku: 'CAM-M', variantId: '40000000000001', description: 'T-shirt, cotton "premium"', hsCode: '610910', originCountry: 'MX',
      claimPreference: true, unitWeight: { value: 0.2, unit: 'kg' }, unitSize: { length: 30, width: 25, height: 2, unit: 'cm' },
    });
    expect(c.find(null, 'BOLSA')).toMatchObject({ unitWeight: { value: 2, unit: 'lb' }, claimPreference: false });
  });

  it.each([
    ['a bad HS code on line 3', 'sku,hs_code\nA,610910\nB,61\n', 'line 3 hs_code: expected an HS code of 6 to 10 digits (dots and spaces allowed) such as "6109.10", got "61"'],
    ['a weight that is not a number', 'sku,hs_code,unit_weight\nA,610910,heavy\n', 'line 2 unit_weight: expected a weight as a positive number, got "heavy"'],
    ['an unknown column', 'sku,hs_code,colour\nA,610910,red\n', 'line 1: expected a header row with hs_code and sku or variant_id, from: sku, variant_id, description, hs_code, origin_country, claim_preference, unit_weight, weight_unit, length, width, height, dimension_unit, unit_volume, volume_unit, alcohol_by_volume; unknown column(s): colour'],
    ['a SKU listed twice', 'sku,hs_code\nA,610910\nA,610910\n', 'line 3: SKU "A" is listed twice'],
  ])('when the CSV catalogue has %s, then the error names the line and column', (_when, csv, expected) => {
    expect(problemsOf(() => parseCatalogueCsv(csv, 'c.csv'))).toContain(expected);
  });

  it('when a quoted cell spans two lines, then the next row keeps its own line number', () => {
    expect(parseCsv('a,b\n"x\ny",z\nlast,row')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x\ny', 'z'], line: 2 },
      { cells: ['last', 'row'], line: 4 },
    ]);
  });

  it('when the file is .csv, then loadCatalogue reads it as CSV; a missing file is a CatalogueError naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontera-cat-'));
    try {
      writeFileSync(join(dir, 'c.csv'), 'sku,hs_code\nA,610910\n');
      expect(loadCatalogue(join(dir, 'c.csv')).find(null, 'A')?.hsCode).toBe('610910');
      expect(problemsOf(() => loadCatalogue(join(dir, 'missing.json')))[0]).toMatch(/^\(file\): ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
