import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { defaultDataPaths, loadDataSnapshot } from '../../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { createApp } from '../../src/http/app';
import { HsNomenclature } from '../../src/hs/hs-validity';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { expectProblem } from '../helpers/http-fixtures';

/** POST /quote with the bundled tariffs, carriers, rates and HS 2022 table (issue 12, items 1 and 7). */
const loaded = loadDataSnapshot(defaultDataPaths(join(__dirname, '..', '..')));
const app = createApp({
  data: () => loaded.snapshot,
  holidays: createHolidayCalendar(),
  timeZoneOf: countryTimeZone,
  clock: () => new Date('2026-11-25T15:00:00Z'),
  newId: () => 'q_test',
  logger: pino({ level: 'silent' }),
});

function body(item: Record<string, unknown>, destination: Record<string, unknown> = { country: 'US', postalCode: '10001' }) {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination,
    incoterm: 'DAP',
    shipDate: '2026-11-26',
    items: [{ description: 'Item', quantity: 1, unitPrice: { amount: '500.00', currency: 'MXN' }, unitWeight: { value: 1, unit: 'kg' }, ...item }],
    parcels: [{ length: 30, width: 20, height: 10, dimensionUnit: 'cm', weight: 1.5, weightUnit: 'kg' }],
  };
}

const post = (b: object, lang = 'en') => request(app).post('/quote').set('Accept-Language', lang).send(b);

describe('UNKNOWN_HS_CODE: codes that are not HS 2022 subheadings', () => {
  it('when 9999.99 is asked, then 422 naming items.0.hsCode, with headings of the nearest chapter (97) as suggestions, in English and Spanish', async () => {
    const en = expectProblem(await post(body({ hsCode: '9999.99' })), 422, 'UNKNOWN_HS_CODE', 'items.0.hsCode');
    const err = en.errors![0]! as { message: string; suggestions?: { code: string; description: string }[] };
    expect(err.message).toContain('"9999.99" is not an HS 2022 subheading: chapter 99 does not exist');
    expect(err.suggestions?.map((s) => s.code)).toEqual(['9701', '9702', '9703', '9704', '9705', '9706']);
    const es = expectProblem(await post(body({ hsCode: '9999.99' }), 'es'), 422, 'UNKNOWN_HS_CODE', 'items.0.hsCode');
    expect(es.errors![0]!.message).toContain('"9999.99" no es una subpartida del Sistema Armonizado 2022: el capítulo 99 no existe');
  });

  it('when 6109.99 is asked, then the suggestions are the subheadings of heading 6109', async () => {
    const p = expectProblem(await post(body({ hsCode: '6109.99' })), 422, 'UNKNOWN_HS_CODE', 'items.0.hsCode');
    const err = p.errors![0]! as { suggestions?: { code: string }[] };
    expect(err.suggestions?.map((s) => s.code)).toEqual(['6109.10', '6109.90']);
  });

  it('when 6109.10.00.10 is asked to the US, then it is accepted and the HTS line under 6109.10 is used', async () => {
    const res = await post(body({ hsCode: '6109.10.00.10' }));
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    const line = q.options[0]!.duties.lines.find((l) => l.item === 0)!;
    expect(line.hsCode).toBe('6109100010');
    expect(line.matchedHs?.startsWith('610910')).toBe(true);
  });

  it('when a valid subheading the Japanese file does not list (0101.21, live horses) is asked, then it is quoted as a country-default estimate', async () => {
    const res = await post(body({ hsCode: '0101.21', claimPreference: false, unitPrice: { amount: '5000.00', currency: 'MXN' } }, { country: 'JP' }));
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    expect(q.options[0]!.duties.lines.map((l) => l.rule)).toContain('estimated:country-default');
  });
});

describe('alcoholByVolume', () => {
  const tequila = { hsCode: '2208.90.30', unitVolume: { value: 750, unit: 'ml' } };

  it('when tequila to the US has no strength, then 422 MISSING_QUANTITY naming items.0.alcoholByVolume', async () => {
    const p = expectProblem(await post(body(tequila)), 422, 'MISSING_QUANTITY', 'items.0.alcoholByVolume');
    expect(p.errors![0]!.message).toContain('excise');
  });

  it('when it is 40, then the federal excise is a tax line excise:US-FET-SPIRITS of USD 2.14 (0.75 l / 3.785411784 × 2 × 0.40 × 13.50)', async () => {
    const res = await post({ ...body({ ...tequila, alcoholByVolume: 40 }), currency: 'USD' });
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    const fet = q.options[0]!.taxes.lines.find((l) => l.rule === 'excise:US-FET-SPIRITS')!;
    expect([fet.amount, fet.base]).toEqual(['2.14', undefined]);
  });

  it.each([
    [101, 'at most 100'],
    [-1, 'at least 0'],
    [40.123, 'at most two decimals'],
    ['40', 'as a number'],
  ])('when it is %j, then 422 naming the field (%s)', async (abv, words) => {
    const p = expectProblem(await post(body({ ...tequila, alcoholByVolume: abv })), 422, 'INVALID_REQUEST', 'items.0.alcoholByVolume');
    expect(p.errors![0]!.message).toContain(words);
  });
});

describe('HsNomenclature', () => {
  const hs = loaded.snapshot.hs;

  it('when the bundled table is read, then it has the 5,612 subheadings of HS 2022 and no Comtrade aggregate', () => {
    expect(hs.size).toBe(5612);
    expect(hs.has('610910')).toBe(true);
    expect(hs.has('999999')).toBe(false);
  });

  it('when a heading is missing in an existing chapter, then the nearest headings of that chapter are suggested', () => {
    const p = new HsNomenclature([
      { hs6: '610910', description: 'T-shirts of cotton', heading: '6109', headingDescription: 'T-shirts' },
      { hs6: '611020', description: 'Jerseys of cotton', heading: '6110', headingDescription: 'Jerseys' },
      { hs6: '610120', description: 'Coats of cotton', heading: '6101', headingDescription: 'Coats' },
    ]).check('61081100');
    expect(p).toEqual({ hs6: '610811', missing: 'heading', alternatives: [{ code: '6101', description: 'Coats' }, { code: '6109', description: 'T-shirts' }, { code: '6110', description: 'Jerseys' }] });
  });
});
