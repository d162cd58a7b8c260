import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { defaultDataPaths, loadDataSnapshot } from '../../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { createApp } from '../../src/http/app';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';

/**
 * Issue 11, item 1, "done when": a T-shirt from Mexico quotes (200, with carrier options) to every
 * EU member, through createApp with the real tariffs/ (27 member files + tariffs/unions/EU.json),
 * carriers/ and exchange-rate snapshot; the VAT line's rate is the reference table's standard rate
 * (data/reference/vat-rates: ibericode, MIT, August 2025; no member differs on 2026-12-03).
 */
const ROOT = join(__dirname, '..', '..');
const loaded = loadDataSnapshot(defaultDataPaths(ROOT));
const app = createApp({
  data: () => loaded.snapshot,
  holidays: createHolidayCalendar(),
  timeZoneOf: countryTimeZone,
  clock: () => new Date('2026-12-03T15:00:00Z'),
  newId: () => 'q_test',
  logger: pino({ level: 'silent' }),
});

const IBERICODE = JSON.parse(readFileSync(join(ROOT, 'data', 'reference', 'vat-rates', 'eu-vat-rates.ibericode.json'), 'utf8')) as {
  items: Record<string, { effective_from: string; rates: { standard: number } }[]>;
};
const MEMBERS = (JSON.parse(readFileSync(join(ROOT, 'tariffs', 'unions', 'EU.json'), 'utf8')) as { members: string[] }).members;

function standardRate(cc: string, date: string): string {
  const blocks = (IBERICODE.items[cc] ?? []).filter((b) => b.effective_from <= date).sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  return String(blocks.at(-1)?.rates.standard);
}

describe('MX → every EU member: a T-shirt', () => {
  it('lists the 27 members and loads every file without a problem', () => {
    expect(MEMBERS).toHaveLength(27);
    expect(loaded.problems).toEqual([]);
    for (const cc of MEMBERS) expect(loaded.snapshot.tariffs.has(cc)).toBe(true);
  });

  it.each(MEMBERS)('when a cotton T-shirt (MXN 350) ships from Mexico to %s on 2026-12-10, then 200 with options and VAT at the standard rate', async (cc) => {
    const res = await request(app)
      .post('/quote')
      .send({
        origin: { country: 'MX', postalCode: '64000' },
        destination: { country: cc },
        incoterm: 'DDP',
        shipDate: '2026-12-10',
        items: [{ description: 'Cotton T-shirt', hsCode: '6109.10', originCountry: 'MX', quantity: 1, unitPrice: { amount: '350.00', currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' } }],
        locale: 'en',
      });
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    expect(q.options.length).toBeGreaterThan(0);
    for (const o of q.options) {
      // One category (6109.10) under EUR 150 after 2026-07-01: the flat EUR 3 of tariffs/unions/EU.json (EU-13).
      expect(o.duties.lines.map((l) => l.rule)).toEqual(['regime:EU-LVC-3EUR']);
      expect(o.taxes.lines.map((l) => [l.code, l.rate, l.collectedAt])).toEqual([['VAT', standardRate(cc, '2026-12-10'), 'checkout']]);
    }
  });
});
