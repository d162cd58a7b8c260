import { en } from '../helpers/wording';
import { D, sum } from '../../src/domain/money';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { amounts, loadCarrier, option, parcel, shipment } from './rate-helpers';

// Golden cases on carriers/fedex.json (illustrative prices, MXN): if the file's
// prices change, redo the arithmetic below by hand and update the figures.
// Zone A (US): 0.5 kg 1020.00, +125.00 per 0.5 kg to 10 kg, +95.00 per 0.5 kg to 20 kg.
// International Economy zone A: 0.5 kg 836.00, +102.00 per 0.5 kg to 10 kg.
// Zone B (CA) 20.1–44 kg: 296.00 per kg of the whole weight.
// Fuel is weekly: 36.25% from Monday 2026-03-09, 36% from Monday 2026-11-09.
const fedex = new TableCarrierRater(loadCarrier('fedex.json'));

describe('carriers/fedex.json, golden: two boxes MX → US 10001 on Tuesday 2026-03-10', () => {
  // Box 1: 40×30×20 cm, 3 kg: 24000 / 5000 = 4.8 kg volumetric → 5 kg.
  // Box 2: 20×15×10 cm, 1.2 kg: 3000 / 5000 = 0.6 kg volumetric < 1.2 → 1.5 kg.
  // Priced on the shipment: 5 + 1.5 = 6.5 kg.
  const request = shipment({ parcels: [parcel(40, 30, 20, 3), parcel(20, 15, 10, '1.2')], shipDate: '2026-03-10' });
  const result = fedex.rate(request);

  it('International Priority: 6.5 kg zone A = 1020 + 125 × 12 = 2520.00; fuel 36.25% × 2520 = 913.50', () => {
    const ip = option(result, 'international-priority');
    expect(ip.chargeableKg.toFixed()).toBe('6.5');
    expect(ip.zone).toBe('A');
    expect(amounts(ip)).toEqual([
      ['base', '2520'],
      ['fuel', '913.5'],
    ]);
    expect(ip.lines.map((l) => en(l.working))).toEqual([
      'piece 1: 3 kg actual, 40×30×20 cm / 5000 = 4.8 kg volumetric → 5 kg; piece 2: 1.2 kg actual, 20×15×10 cm / 5000 = 0.6 kg volumetric → 1.5 kg; shipment 6.5 kg; zone A, 6.5 kg → 2520.00',
      '36.25% (from 2026-03-09) × (2520.00) = 913.50',
    ]);
    // 2520 + 913.50
    expect(sum(ip.lines.map((l) => l.amount)).toFixed()).toBe('3433.5');
    expect(ip).toMatchObject({ transitDays: { min: 1, max: 2 }, customsDays: { min: 0, max: 1 }, cutoffLocal: '17:00', status: 'illustrative' });
    expect(ip.notes.map((n) => n.code)).toEqual(['SAMPLE_RATES']);
  });

  it('International Economy: 6.5 kg zone A = 836 + 102 × 12 = 2060.00; fuel 36.25% × 2060 = 746.75; 2–4 days, cut-off 16:00', () => {
    const ie = option(result, 'international-economy');
    expect(amounts(ie)).toEqual([
      ['base', '2060'],
      ['fuel', '746.75'],
    ]);
    expect(ie).toMatchObject({ transitDays: { min: 2, max: 4 }, cutoffLocal: '16:00' });
  });
});

describe('carriers/fedex.json, golden: one long box to a remote Canadian postcode in the demand window', () => {
  // 125×40×30 cm, 20 kg, MX → CA X0A 0H0 on 2026-11-10; declared 20000 MXN; insured.
  // 125 × 40 × 30 / 5000 = 30 kg volumetric > 20 → 30 kg (1 kg steps above 20 kg).
  const request = shipment({
    destination: { country: 'CA', postalCode: 'X0A 0H0' },
    parcels: [parcel(125, 40, 30, 20)],
    declaredValue: { amount: new D(20000), currency: 'MXN' },
    shipDate: '2026-11-10',
    insure: true,
  });
  const ip = option(fedex.rate(request), 'international-priority');

  it.each<[string, string, string]>([
    ['base: zone B, 30 kg × 296.00/kg', 'base', '8880'],
    ['out of delivery area: USD 0.59 × 18 = 10.62/kg × 30 = 318.60, below USD 28 × 18 = 504.00', 'OUT_OF_DELIVERY_AREA', '504'],
    ['additional handling: the longest side 125 cm is over 121 cm', 'ADDITIONAL_HANDLING', '420'],
    ['demand (2026-10-26 to 2027-01-17): 5.50 × 30 kg', 'DEMAND', '165'],
    ['fuel 36% × (8880 + 504 + 420 + 165 = 9969)', 'fuel', '3588.84'],
  ])('%s', (_name, code, amount) => {
    expect(ip.lines.find((l) => l.code === code)?.amount.toFixed()).toBe(amount);
  });

  it('the lines come in order: base, surcharges in file order, fuel', () => {
    expect(ip.lines.map((l) => l.code)).toEqual(['base', 'OUT_OF_DELIVERY_AREA', 'ADDITIONAL_HANDLING', 'DEMAND', 'fuel']);
    expect(en(ip.lines[1]?.working)).toBe('10.62 (USD 0.59)/kg × 30 kg = 318.60, minimum 504.00 (USD 28.00)');
  });

  it('insurance 1% × 20000 = 200, below the minimum 250.00 → 250.00, without fuel', () => {
    expect(ip.insurance?.amount.toFixed()).toBe('250');
  });

  it.each<[string, string, string, string]>([
    ['duties paid (ddp): 2% × 5000 = 100 → minimum 300', 'DTP', '5000', '300'],
    ['duties paid (ddp): 2% × 40000 = 800', 'DTP', '40000', '800'],
    ['advancement (dap): 2% × 5000 = 100 → minimum USD 15 × 18 = 270', 'ADVANCEMENT_FEE', '5000', '270'],
  ])('%s', (_name, code, dutiesAndTaxes, fee) => {
    expect(ip.dutyFees.find((f) => f.code === code)?.price(new D(dutiesAndTaxes)).amount.toFixed()).toBe(fee);
  });
});

describe('carriers/fedex.json: limits leave a service out with a reason', () => {
  it.each<[string, Parameters<typeof parcel>, string, string]>([
    ['a 70 kg piece (max 68 kg)', [40, 40, 40, 70], 'OVER_PIECE_WEIGHT', 'Piece 1 weighs 70 kg; FedEx International Priority takes at most 68 kg per piece.'],
    ['a 280 cm piece (max 274 cm)', [280, 10, 10, 5], 'OVER_SIZE', 'Piece 1 is 280 cm long; FedEx International Priority takes at most 274 cm on the longest side.'],
    [
      'length plus girth 200 + 2 × (40 + 40) = 360 cm (max 330 cm)',
      [200, 40, 40, 5],
      'OVER_SIZE',
      'Piece 1 measures 360 cm (200 + 2 × (40 + 40)) in length plus girth; FedEx International Priority takes at most 330 cm.',
    ],
  ])('%s', (_name, box, code, reason) => {
    const result = fedex.rate(shipment({ parcels: [parcel(...box)], shipDate: '2026-03-10' }));
    expect(result.options).toEqual([]);
    expect(result.rejections.find((r) => r.service === 'international-priority')).toMatchObject({ code, reason: { en: reason } });
  });
});
