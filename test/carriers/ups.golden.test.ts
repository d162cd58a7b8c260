import { en } from '../helpers/wording';
import { D } from '../../src/domain/money';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { amounts, loadCarrier, option, parcel, shipment } from './rate-helpers';

// Golden cases on carriers/ups.json (illustrative prices, USD): if the file's
// prices change, redo the arithmetic below by hand and update the figures.
// Saver zone 6 (Europe): 0.5 kg 76.00, +9.30 per 0.5 kg to 10 kg, +7.00 per 0.5 kg to 20 kg.
// Expedited zone 6: 0.5 kg 64.60, +7.91 per 0.5 kg to 10 kg, +5.95 per 0.5 kg to 20 kg.
// Saver zone 1 (US) 20.1–44 kg: 14.45 per kg of the whole weight.
// Fuel is weekly: 33.5% from Monday 2026-03-09, 33.25% from Monday 2026-11-09.
const ups = new TableCarrierRater(loadCarrier('ups.json'));

describe('carriers/ups.json, golden: a light big box MX → DE 10115 on 2026-03-10', () => {
  // 50×40×30 cm, 4 kg: 60000 / 5000 = 12 kg volumetric → 12 kg.
  const result = ups.rate(shipment({ destination: { country: 'DE', postalCode: '10115' }, parcels: [parcel(50, 40, 30, 4)], shipDate: '2026-03-10' }));

  it('Saver: 12 kg zone 6 = 76.00 + 9.30 × 19 + 7.00 × 4 = 280.70; fuel 33.5% × 280.70 = 94.0345', () => {
    const saver = option(result, 'worldwide-saver');
    expect([saver.currency, saver.zone, saver.chargeableKg.toFixed()]).toEqual(['USD', '6', '12']);
    expect(amounts(saver)).toEqual([
      ['base', '280.7'],
      ['fuel', '94.0345'],
    ]);
    expect(en(saver.lines[1]?.working)).toBe('33.5% (from 2026-03-09) × (280.70) = 94.0345');
    expect(saver).toMatchObject({ transitDays: { min: 2, max: 3 }, customsDays: { min: 0, max: 1 }, cutoffLocal: '18:00' });
  });

  it('Expedited: 64.60 + 7.91 × 19 + 5.95 × 4 = 238.69; fuel 33.5% × 238.69 = 79.96115', () => {
    expect(amounts(option(result, 'worldwide-expedited'))).toEqual([
      ['base', '238.69'],
      ['fuel', '79.96115'],
    ]);
  });
});

describe('carriers/ups.json, golden: a large package to the US is billed at least 40 kg', () => {
  // 200×30×25 cm, 10 kg: length plus girth 200 + 2 × (30 + 25) = 310 cm > 300 → large package.
  // Volumetric 150000 / 5000 = 30 kg; the large-package minimum raises it to 40 kg.
  const saver = option(ups.rate(shipment({ parcels: [parcel(200, 30, 25, 10)], shipDate: '2026-03-10' })), 'worldwide-saver');

  it('base 40 kg × 14.45 = 578.00; large package 57.00; additional handling (longest 200 > 122 cm) excluded by it; fuel 33.5% × 635 = 212.725', () => {
    expect(saver.chargeableKg.toFixed()).toBe('40');
    expect(amounts(saver)).toEqual([
      ['base', '578'],
      ['LARGE_PACKAGE', '57'],
      ['fuel', '212.725'],
    ]);
    expect(en(saver.lines[0]?.working)).toBe(
      'piece 1: 10 kg actual, 200×30×25 cm / 5000 = 30 kg volumetric → 40 kg (Large package minimum: at least 40 kg); zone 1, 40 kg × 14.45/kg = 578.00',
    );
  });

  it('a 26 kg box under the large-package size pays additional handling (over 25 kg), 3.75', () => {
    // 40×40×30 / 5000 = 9.6 kg < 26 kg actual → 26 kg × 14.45 = 375.70; fuel 33.5% × (375.70 + 3.75) = 127.11575.
    const heavy = option(ups.rate(shipment({ parcels: [parcel(40, 40, 30, 26)], shipDate: '2026-03-10' })), 'worldwide-saver');
    expect(amounts(heavy)).toEqual([
      ['base', '375.7'],
      ['ADDITIONAL_HANDLING', '3.75'],
      ['fuel', '127.11575'],
    ]);
  });
});

describe('carriers/ups.json, golden: extended and remote areas are different lists at different rates', () => {
  // 2 kg box 20×20×10 (0.8 kg volumetric) → 2 kg, zone 2 (CA) Saver: 63.00 + 7.60 × 3 = 85.80, on 2026-11-10 (peak).
  // Peak 0.35 × 2 = 0.70. Fuel 33.25% from 2026-11-09.
  it.each<[string, string, Array<[string, string]>]>([
    [
      'P0A 1A0 is extended: 0.43 × 2 = 0.86 → minimum 28.00; fuel 33.25% × (85.80 + 28 + 0.70 = 114.50) = 38.07125',
      'P0A 1A0',
      [['base', '85.8'], ['EXTENDED_AREA', '28'], ['PEAK', '0.7'], ['fuel', '38.07125']],
    ],
    [
      'X0A 0H0 is remote: 0.60 × 2 = 1.20 → minimum 33.00; fuel 33.25% × (85.80 + 33 + 0.70 = 119.50) = 39.73375',
      'X0A 0H0',
      [['base', '85.8'], ['REMOTE_AREA', '33'], ['PEAK', '0.7'], ['fuel', '39.73375']],
    ],
    ['M5V 2T6 is neither: fuel 33.25% × (85.80 + 0.70 = 86.50) = 28.76125', 'M5V 2T6', [['base', '85.8'], ['PEAK', '0.7'], ['fuel', '28.76125']]],
  ])('%s', (_name, postalCode, lines) => {
    const saver = option(
      ups.rate(shipment({ destination: { country: 'CA', postalCode }, parcels: [parcel(20, 20, 10, 2)], shipDate: '2026-11-10' })),
      'worldwide-saver',
    );
    expect(amounts(saver)).toEqual(lines);
  });
});

describe('carriers/ups.json: options and limits', () => {
  const saver = option(
    ups.rate(shipment({ parcels: [parcel(30, 20, 10, 1)], declaredValue: { amount: new D(1000), currency: 'USD' }, insure: true, shipDate: '2026-03-10' })),
    'worldwide-saver',
  );

  it('insurance 1% × USD 1000 = 10.00 (minimum 4.00)', () => {
    expect(saver.insurance?.amount.toFixed()).toBe('10');
  });

  it.each<[string, string, string, string]>([
    ['duty and tax forwarding (ddp): a flat 15.00 per shipment', 'DUTY_TAX_FORWARDING', '200', '15'],
    ['disbursement (dap): 2% × 200 = 4 → minimum 15.00', 'DISBURSEMENT', '200', '15'],
    ['disbursement (dap): 2% × 1000 = 20.00', 'DISBURSEMENT', '1000', '20'],
    ['nothing advanced, nothing charged', 'DUTY_TAX_FORWARDING', '0', '0'],
  ])('%s', (_name, code, dutiesAndTaxes, fee) => {
    expect(saver.dutyFees.find((f) => f.code === code)?.price(new D(dutiesAndTaxes)).amount.toFixed()).toBe(fee);
  });

  it('a 71 kg piece is over the 70 kg limit: both services are left out with the reason', () => {
    const result = ups.rate(shipment({ parcels: [parcel(50, 50, 50, 71)], shipDate: '2026-03-10' }));
    expect(result.options).toEqual([]);
    expect(result.rejections.map((r) => [r.service, r.code])).toEqual([
      ['worldwide-saver', 'OVER_PIECE_WEIGHT'],
      ['worldwide-expedited', 'OVER_PIECE_WEIGHT'],
    ]);
  });
});
