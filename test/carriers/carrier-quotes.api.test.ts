import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { defaultDataPaths, loadDataSnapshot } from '../../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { D } from '../../src/domain/money';
import { createApp } from '../../src/http/app';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { notesOf } from '../helpers/answer-notes';

/**
 * The "done when", through createApp with the real tariffs/,
 * carriers/ and exchange-rate files: carriers compared side by side, a
 * bigger box costing more where volumetric weight applies, and delivery
 * dates that never land on a weekend or a destination public holiday.
 */
const loaded = loadDataSnapshot(defaultDataPaths(join(__dirname, '..', '..')));
const holidays = createHolidayCalendar();
const app = createApp({
  data: () => loaded.snapshot,
  holidays,
  timeZoneOf: countryTimeZone,
  // 09:00 in Mexico City on Monday 2026-01-05: every ship date below is today or later.
  clock: () => new Date('2026-01-05T15:00:00Z'),
  newId: () => 'q_test',
  logger: pino({ level: 'silent' }),
});

type Box = { length: number; width: number; height: number; weight: number };
type Option = ReturnType<typeof quoteResponseSchema.parse>['options'][number];

function body(over: { destination?: { country: string; region?: string; postalCode?: string }; box?: Box; boxes?: Box[]; shipDate?: string; currency?: string } = {}) {
  const boxes = over.boxes ?? [over.box ?? { length: 30, width: 20, height: 10, weight: 1.2 }];
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: over.destination ?? { country: 'US', postalCode: '10001' },
    ...(over.currency === undefined ? {} : { currency: over.currency }),
    incoterm: 'DAP',
    shipDate: over.shipDate ?? '2026-03-10',
    items: [
      {
        description: 'Cotton T-shirt',
        hsCode: '6109.10',
        quantity: 2,
        unitPrice: { amount: '350.00', currency: 'MXN' },
        unitWeight: { value: 0.2, unit: 'kg' },
      },
    ],
    parcels: boxes.map((box) => ({ ...box, dimensionUnit: 'cm', weightUnit: 'kg' })),
    locale: 'en',
  };
}

async function quote(b: ReturnType<typeof body>) {
  const res = await request(app).post('/quote').send(b);
  expect(res.status).toBe(200);
  return quoteResponseSchema.parse(res.body);
}

const id = (o: Option) => `${o.carrier}/${o.service}`;

describe('the bundled data loads cleanly', () => {
  it('every carrier table and tariff file loads without a problem', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.snapshot.carriers.map((c) => c.id)).toEqual(['correos-de-mexico', 'dhl-express', 'estafeta', 'fedex', 'ups']);
  });
});

describe('when a shop quotes MX → US, then it compares at least 4 carriers and 6 services', () => {
  it('DHL, FedEx ×2, UPS ×2 and Estafeta answer; Mexpost is left out with the reason', async () => {
    const q = await quote(body());
    expect(q.options.map(id).sort()).toEqual([
      'dhl-express/express-worldwide',
      'estafeta/internacional',
      'fedex/international-economy',
      'fedex/international-priority',
      'ups/worldwide-expedited',
      'ups/worldwide-saver',
    ]);
    expect(new Set(q.options.map((o) => o.carrier)).size).toBeGreaterThanOrEqual(4);
    const mexpost = q.notes.find((n) => n.code === 'CARRIER_UNAVAILABLE:correos-de-mexico/mexpost');
    expect(mexpost).toMatchObject({ severity: 'warning' });
    expect(mexpost?.text).toContain('suspended parcels to the US on 27 August 2025');
    expect(mexpost?.text).toContain('Executive Order 14324');
  });

  it('every option uses sample rates and says so; every landed cost adds up exactly', async () => {
    const q = await quote(body());
    for (const o of q.options) {
      expect(o.rateStatus).toBe('illustrative');
      expect(notesOf(q, o).find((n) => n.code === 'SAMPLE_RATES')?.text).toBe('Sample rates: load your negotiated table');
      const parts = [q.goodsValue, o.shipping.amount, o.insurance.amount, o.duties.amount, o.taxes.amount, o.fees.amount];
      expect(parts.reduce((a, p) => a.plus(p), new D(0)).toFixed(2)).toBe(o.landedCost);
      expect(o.shipping.lines.reduce((a, l) => a.plus(l.amount), new D(0)).toFixed(2)).toBe(o.shipping.amount);
    }
  });

  it('the options are sorted by landed cost, then by the slowest delivery', async () => {
    const q = await quote(body());
    const keys = q.options.map((o) => [Number(o.landedCost), o.deliveryDays.max] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(keys).toEqual(sorted);
  });
});

describe('when one box of a shipment breaks a carrier limit, then that carrier is left out with a note', () => {
  it('a 1.2 kg box and a 69 kg box to the US: FedEx (68 kg) and Estafeta (68 kg) are out; DHL and UPS (70 kg) price both boxes', async () => {
    const q = await quote(body({ boxes: [{ length: 30, width: 20, height: 10, weight: 1.2 }, { length: 50, width: 50, height: 50, weight: 69 }] }));
    expect(q.options.map(id).sort()).toEqual(['dhl-express/express-worldwide', 'ups/worldwide-expedited', 'ups/worldwide-saver']);
    const note = (code: string) => q.notes.find((n) => n.code === code)?.text;
    expect(note('CARRIER_UNAVAILABLE:fedex/international-priority')).toBe('Piece 2 weighs 69 kg; FedEx International Priority takes at most 68 kg per piece.');
    expect(note('CARRIER_UNAVAILABLE:fedex/international-economy')).toBe('Piece 2 weighs 69 kg; FedEx International Economy takes at most 68 kg per piece.');
    expect(note('CARRIER_UNAVAILABLE:estafeta/internacional')).toBe('Piece 2 weighs 69 kg; Estafeta International (prepaid label) takes at most 68 kg per piece.');
    // DHL: 1.2 → 1.5 kg and 69 kg (50×50×50 / 5000 = 25 kg volumetric) → 70.5 kg, past 30 kg rounded up to the whole kg → 71 kg, priced once.
    expect(q.options.find((o) => o.carrier === 'dhl-express')?.shipping.chargeableWeightKg).toBe('71');
  });
});

describe('when the box is bigger but weighs the same, then it costs more where volumetric weight applies', () => {
  // 2 kg either way. Small: 20×20×15 / 5000 = 1.2 kg volumetric → billed on 2 kg.
  // Big: 60×40×40 / 5000 = 19.2 kg volumetric → billed on 19.5 kg (DHL, FedEx, UPS) or the 20 kg label (Estafeta).
  const small = { length: 20, width: 20, height: 15, weight: 2 };
  const big = { length: 60, width: 40, height: 40, weight: 2 };
  const canada = { country: 'CA', region: 'ON', postalCode: 'M5V 2T6' };

  it.each([
    ['US', { country: 'US', postalCode: '10001' }],
    ['CA (ON)', canada],
  ])('to %s: every courier service charges more shipping for the big box', async (_name, destination) => {
    const [q1, q2] = await Promise.all([quote(body({ destination, box: small })), quote(body({ destination, box: big }))]);
    const courier = (o: Option) => o.carrier !== 'correos-de-mexico';
    const shippingOf = (q: typeof q1) => new Map(q.options.filter(courier).map((o) => [id(o), new D(o.shipping.amount)]));
    const before = shippingOf(q1);
    const after = shippingOf(q2);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(before.size).toBe(6);
    for (const [service, amount] of before) expect({ service, bigger: after.get(service)?.gt(amount) }).toEqual({ service, bigger: true });
    const chargeable = q2.options.filter(courier).map((o) => [id(o), o.shipping.chargeableWeightKg]);
    expect(Object.fromEntries(chargeable)).toEqual({
      'dhl-express/express-worldwide': '19.5',
      'estafeta/internacional': '20',
      'fedex/international-economy': '19.5',
      'fedex/international-priority': '19.5',
      'ups/worldwide-expedited': '19.5',
      'ups/worldwide-saver': '19.5',
    });
  });

  it('Mexpost (post, no volumetric weight) charges the same for both boxes to Canada: 2 kg = 520.00 + 150.00 MXN', async () => {
    const [q1, q2] = await Promise.all([quote(body({ destination: canada, box: small, currency: 'MXN' })), quote(body({ destination: canada, box: big, currency: 'MXN' }))]);
    const mexpost = (q: typeof q1) => q.options.find((o) => o.carrier === 'correos-de-mexico')?.shipping.amount;
    expect([mexpost(q1), mexpost(q2)]).toEqual(['670.00', '670.00']);
  });
});

describe('when shipping on many dates, then no delivery date falls on a weekend or a public holiday of the destination', () => {
  // Dates around the 2026 holidays of the four destinations with a tariff file, and of Mexico (pickup).
  const shipDates = [
    '2026-01-05', '2026-02-13', '2026-03-13', '2026-03-27', '2026-04-01', '2026-04-02', '2026-05-21', '2026-05-22',
    '2026-06-30', '2026-07-02', '2026-08-28', '2026-09-04', '2026-09-15', '2026-10-02', '2026-11-13', '2026-11-25',
    '2026-12-18', '2026-12-23', '2026-12-24', '2026-12-31',
  ];
  const destinations = [
    { country: 'US', postalCode: '10001' },
    { country: 'CA', region: 'ON', postalCode: 'M5V 2T6' },
    { country: 'DE', postalCode: '10115' },
    { country: 'GB', postalCode: 'SW1A 1AA' },
  ];
  const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

  it.each(destinations)('to $country: every option of every ship date', async (destination) => {
    const problems: string[] = [];
    let checked = 0;
    for (const shipDate of shipDates) {
      const q = await quote(body({ destination, shipDate }));
      for (const o of q.options) {
        const { pickup, earliest, latest } = o.estimatedDelivery;
        if (weekend(pickup) || holidays.isHoliday('MX', undefined, pickup)) problems.push(`${shipDate} ${id(o)}: pickup ${pickup}`);
        for (const d of [earliest, latest]) {
          if (weekend(d) || holidays.isHoliday(destination.country, destination.region, d)) problems.push(`${shipDate} ${id(o)}: delivery ${d}`);
        }
        if (!(shipDate <= pickup && pickup < earliest && earliest <= latest)) problems.push(`${shipDate} ${id(o)}: ${pickup} ${earliest} ${latest} out of order`);
        checked++;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(shipDates.length * 6);
  }, 30_000);
});
