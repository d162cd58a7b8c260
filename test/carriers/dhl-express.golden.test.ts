import { en } from '../helpers/wording';
import { join } from 'node:path';
import { D, sum } from '../../src/domain/money';
import { loadCarrierFile } from '../../src/carriers/carrier-loader';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { amounts, option, parcel, shipment } from './rate-helpers';

// Golden case on carriers/dhl-express.json (illustrative prices): if the file's
// prices change, redo the arithmetic below by hand and update the figures.
const loaded = loadCarrierFile(join(__dirname, '..', '..', 'carriers', 'dhl-express.json'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const dhl = new TableCarrierRater(loaded.value);

// 1.2 kg, 30×20×10 cm, MX 64000 → CA M5V 2T6, shipped 2026-11-26.
const request = shipment({
  destination: { country: 'CA', region: 'ON', postalCode: 'M5V 2T6' },
  parcels: [parcel(30, 20, 10, '1.2')],
  declaredValue: { amount: new D(700), currency: 'MXN' },
  shipDate: '2026-11-26',
});

describe('carriers/dhl-express.json, golden: 1.2 kg 30×20×10 cm MX → CA on 2026-11-26', () => {
  const rated = option(dhl.rate(request), 'express-worldwide');

  it('volumetric 30×20×10/5000 = 1.2 kg = actual 1.2 kg → 0.5 kg step → 1.5 kg; CA is zone 2', () => {
    expect(rated.chargeableKg.toFixed()).toBe('1.5');
    expect(rated.zone).toBe('2');
  });

  it('base 1.5 kg zone 2 = 1510.00; demand 6.00/kg × 1.5 = 9.00 (window 2026-10-01..2027-02-15); fuel 28.75% (2026-11-01) × (1510 + 9) = 436.7125', () => {
    expect(amounts(rated)).toEqual([
      ['base', '1510'],
      ['DEMAND', '9'],
      ['fuel', '436.7125'],
    ]);
    expect(rated.lines.map((l) => en(l.working))).toEqual([
      'piece 1: 1.2 kg actual, 30×20×10 cm / 5000 = 1.2 kg volumetric → 1.5 kg; zone 2, 1.5 kg → 1510.00',
      '6.00/kg × 1.5 kg = 9.00',
      '28.75% (from 2026-11-01) × (1510.00 + 9.00) = 436.7125',
    ]);
    // 1510 + 9 + 436.7125
    expect(sum(rated.lines.map((l) => l.amount)).toFixed()).toBe('1955.7125');
  });

  it('transit zone 2: 2–3 days; customs CA (default) 0–1; cut-off 17:00; table of 2026-01-01; sample-rates warning', () => {
    expect(rated).toMatchObject({
      carrier: 'dhl-express',
      service: 'express-worldwide',
      serviceName: { es: 'DHL Express Worldwide', en: 'DHL Express Worldwide' },
      currency: 'MXN',
      status: 'illustrative',
      transitDays: { min: 2, max: 3 },
      customsDays: { min: 0, max: 1 },
      cutoffLocal: '17:00',
      dataDate: '2026-01-01',
    });
    expect(rated.notes.map((n) => n.code)).toEqual(['SAMPLE_RATES']);
    expect(rated.insurance).toBeUndefined();
  });

  it('insured: 1.5% × 700 = 10.50, below the minimum 280.00 → 280.00; the shipping lines do not change', () => {
    const insured = option(dhl.rate({ ...request, insure: true }), 'express-worldwide');
    expect(insured.insurance?.amount.toFixed()).toBe('280');
    expect(amounts(insured)).toEqual(amounts(rated));
  });

  it.each<[string, string, string, string]>([
    ['DTP (ddp): 2% × 500 = 10 → minimum 350', 'DTP', '500', '350'],
    ['DTP (ddp): 2% × 20000 = 400', 'DTP', '20000', '400'],
    ['collection (dap): 2% × 500 = 10 → minimum USD 15 × 18 = 270', 'DUTY_COLLECTION', '500', '270'],
  ])('%s', (_name, code, dutiesAndTaxes, fee) => {
    expect(rated.dutyFees.find((f) => f.code === code)?.price(new D(dutiesAndTaxes)).amount.toFixed()).toBe(fee);
  });
});
