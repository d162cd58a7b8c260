import { join } from 'node:path';
import { hasRate } from '../../../src/fx/rate-table';
import { defaultDataPaths } from '../../../src/data/load-data';
import { loadBundledRates } from '../../../src/fx/snapshot-loader';
import { planWorldImport } from '../../../src/tariffs/importers/world-import';
import { applyWorldOverlay } from '../../../src/tariffs/importers/world-overlay';
import { parseWorldOverlay, readWorldFolder, readWorldTables } from '../../../src/tariffs/importers/world-tables';
import { buildWorldTariff } from '../../../src/tariffs/importers/world-tariff';
import type { JsonObject } from '../../../src/tariffs/importers/tariff-writer';

/** Researched overlays merged into generated files (data/reference/world/overlays/, tariffs/README.md "Generated files"). */
const ROOT = join(__dirname, '..', '..', '..');
const REF = join(ROOT, 'data', 'reference', 'world');
const RATES = loadBundledRates(defaultDataPaths(ROOT));
const options = { isQuoted: (c: string) => hasRate(RATES, c) };
const SRC = { S: { title: 'a source', reviewed: '2026-12-03' } };
const levy = (from: string, to?: string) => ({
  code: 'LEVY', name: { es: 'l', en: 'l' }, currency: 'NZD', charge: { type: 'flat', amount: '2' }, effectiveFrom: from, ...(to ? { effectiveTo: to } : {}), source: 'S',
});
const overlay = (o: Record<string, unknown>, cc = 'NZ') => parseWorldOverlay(`overlays/${cc}.json`, cc, JSON.stringify({ country: cc, sources: SRC, ...o }));
const generated = (): JsonObject => ({
  generated: { by: 'npm run import:world', from: ['data/reference/world/countries.csv'], at: '2026-12-03' },
  sources: { 'WORLD-VAT': { title: 't', reviewed: '2026-12-03' } },
  periods: [
    { effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', taxes: [{ code: 'GST', base: ['customsValue', 'duties'] }], fees: [] },
    { effectiveFrom: '2026-01-01', taxes: [{ code: 'GST', base: ['customsValue', 'duties'] }], fees: [] },
  ],
  agreements: {},
  notes: [{ code: 'WORLD-ESTIMATE' }],
});

describe('parseWorldOverlay', () => {
  it.each([
    [{ country: 'SG', sources: SRC }, 'country: says "SG", expected "NZ"'],
    [{ country: 'NZ', sources: SRC, duties: {} }, 'Unrecognized key'],
    [{ country: 'NZ', sources: SRC, taxBase: { GST: { add: ['excise'], source: 'NOPE' } } }, 'taxBase.GST.source: no source "NOPE"'],
    [{ country: 'NZ', sources: SRC, fees: [{ code: 'X' }] }, 'fees.0.name'],
  ])('when the overlay is %j, then the command stops naming the problem: %s', (json, message) => {
    expect(() => parseWorldOverlay('overlays/NZ.json', 'NZ', JSON.stringify(json))).toThrow(message);
  });
});

describe('applyWorldOverlay', () => {
  it('when a fee starts 2026-04-01, then it goes into the 2026 period only; the tax base gets excise once; notes, sources and the marker are extended', () => {
    const out = applyWorldOverlay(generated(), overlay({ fees: [levy('2026-04-01')], taxBase: { GST: { add: ['excise', 'duties'], source: 'S' } }, notes: [{ code: 'N', text: { es: 'n', en: 'n' }, source: 'S' }] }), 'data/reference/world/overlays/NZ.json');
    const periods = out['periods'] as JsonObject[];
    expect(periods.map((p) => (p['fees'] as JsonObject[]).map((f) => f['code']))).toEqual([[], ['LEVY']]);
    expect(periods.map((p) => (p['taxes'] as JsonObject[])[0]?.['base'])).toEqual([['customsValue', 'duties', 'excise'], ['customsValue', 'duties', 'excise']]);
    expect((out['notes'] as JsonObject[]).map((n) => n['code'])).toEqual(['WORLD-ESTIMATE', 'N']);
    expect(Object.keys(out['sources'] as JsonObject)).toEqual(['WORLD-VAT', 'S']);
    expect((out['generated'] as JsonObject)['from']).toEqual(['data/reference/world/countries.csv', 'data/reference/world/overlays/NZ.json']);
  });

  it('when a fee ends 2025-06-30, then only the 2025 period holds it', () => {
    const out = applyWorldOverlay(generated(), overlay({ fees: [levy('2025-01-01', '2025-06-30')] }), 'o');
    expect((out['periods'] as JsonObject[]).map((p) => (p['fees'] as JsonObject[]).length)).toEqual([1, 0]);
  });

  it('when the overlay names a tax the file does not have, or redefines a generated source key, then the command stops', () => {
    expect(() => applyWorldOverlay(generated(), overlay({ taxBase: { VAT: { add: ['excise'], source: 'S' } } }), 'o')).toThrow('the generated file has no tax "VAT"');
    const clash = parseWorldOverlay('o', 'NZ', JSON.stringify({ country: 'NZ', sources: { 'WORLD-VAT': SRC.S } }));
    expect(() => applyWorldOverlay(generated(), clash, 'o')).toThrow('sources.WORLD-VAT: the generator already writes a source with this key');
  });
});

describe('the bundled overlays', () => {
  const tables = readWorldTables(readWorldFolder(REF));

  it('CH, IS, NO and NZ have one, and each is merged into its generated file (the marker names it)', () => {
    expect([...tables.overlays.keys()].sort()).toEqual(['CH', 'IS', 'NO', 'NZ']);
    for (const cc of tables.overlays.keys()) {
      const out = buildWorldTariff(cc, tables, options);
      expect(out.ok && ((out.json['generated'] as JsonObject)['from'] as string[]).at(-1)).toBe(`data/reference/world/overlays/${cc}.json`);
    }
  });

  it('when an overlay names a country the tables give no file (TW), then the plan lists it as unused', () => {
    const withTw = { ...tables, overlays: new Map([...tables.overlays, ['TW', overlay({}, 'TW')]]) };
    expect(planWorldImport(withTw, new Map(), { ...options, only: ['TW', 'NZ'] }).unusedOverlays).toEqual(['TW']);
  });
});
