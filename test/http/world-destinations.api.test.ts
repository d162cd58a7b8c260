import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { defaultDataPaths, loadDataSnapshot } from '../../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { createApp } from '../../src/http/app';
import { parseCsvRecords } from '../../src/schema/csv';

const ROOT = join(__dirname, '..', '..');
const { snapshot, problems } = loadDataSnapshot(defaultDataPaths(ROOT));
const app = createApp({
  data: () => snapshot,
  holidays: createHolidayCalendar(),
  timeZoneOf: countryTimeZone,
  clock: () => new Date('2026-12-03T15:00:00Z'),
  newId: () => 'q_world',
  logger: pino({ level: 'silent' }),
});

/** The reference tables the generated files were built from: the answer must show their figures. */
const table = (file: string) => new Map(parseCsvRecords(readFileSync(join(ROOT, 'data', 'reference', 'world', file), 'utf8')).map((r) => [r['iso2'], r]));
const VAT = table('vat-standard-rates-worldwide.csv');
const WB = table('wb-applied-tariff-simple-mean.csv');

/**
 * Generated files whose researched overlay adds the EFTA–Mexico agreement (data/reference/world/overlays/,
 * source EFTA-MX-FTA): a T-shirt (chapter 61, industrial) from Mexico enters at 0 % under it.
 */
const EFTA_MX = new Set(['CH', 'NO']);

/** The list: every one of them has a generated tariff file and a carrier zone. */
const DESTINATIONS = ['CH', 'NO', 'NZ', 'SG', 'ZA', 'IN', 'AE', 'SA', 'TR', 'IL', 'TH', 'VN', 'PH', 'ID', 'MY', 'EC', 'UY', 'PY', 'BO', 'DO', 'HN', 'SV', 'NI'];

function body(country: string): Record<string, unknown> {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country },
    currency: 'USD',
    shipDate: '2026-12-07',
    locale: 'en',
    items: [{ description: 'Cotton T-shirt', hsCode: '6109.10', quantity: 2, unitPrice: { amount: '350.00', currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' } }],
    parcels: [{ length: 30, width: 20, height: 10, dimensionUnit: 'cm', weight: 1.2, weightUnit: 'kg' }],
  };
}

describe('POST /quote from MX to the generated destinations (bundled data)', () => {
  it('loads every bundled file without a problem', () => {
    expect(problems).toEqual([]);
    for (const cc of DESTINATIONS) expect(snapshot.tariffs.get(cc)?.file.generated?.by).toBe('npm run import:world');
  });

  it.each(DESTINATIONS)('%s: a T-shirt quotes 200 with options; the VAT/GST line has the table’s standard rate, the duty the World Bank mean (or the de minimis, or EFTA–MX 0 % for CH and NO)', async (cc) => {
    const res = await request(app).post('/quote').send(body(cc));
    expect(res.status).toBe(200);
    const options = res.body.options as { carrier: string; taxes: { lines: { rate: string; code: string }[] }; duties: { lines: { rate: string; rule: string }[] } }[];
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) {
      expect(o.taxes.lines.map((l) => l.rate)).toEqual([VAT.get(cc)?.['standard_rate_pct']]);
      for (const d of o.duties.lines) {
        if (d.rule === 'de-minimis') expect(d.rate).toBe('0');
        else if (EFTA_MX.has(cc)) expect([d.rule, d.rate]).toEqual(['preferential:EFTA-MX', '0']);
        else expect([d.rule, d.rate]).toEqual(['estimated:country-default', WB.get(cc)?.['applied_simple_mean_all_products_pct']]);
      }
    }
    const codes = (res.body.notes as { code: string }[]).map((n) => n.code);
    expect(codes).toContain('WORLD-ESTIMATE');
    expect(codes.some((c) => c === 'WORLD-NO-THRESHOLD' || c === 'WORLD-DE-MINIMIS')).toBe(true);
  });
});
