import { en, es } from '../helpers/wording';
import { say } from '../../src/domain/wording';
import { D } from '../../src/domain/money';
import { toCm, toKg } from '../../src/domain/units';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import type { NormalisedParcel } from '../../src/carriers/carrier-rater';
import { amounts, loadFixture, option, parcel, shipment } from './rate-helpers';

// Fixture tiny-courier.json, service "express": /5000, sides to the nearest cm,
// 0.5 kg steps to 2 kg then 1 kg; priced on the shipment's summed chargeable
// weight. Zone 1 (US): breaks 0.5 → 100, 1 → 150, 1.5 → 190, 2 → 220;
// 2.1–5 kg 100/kg whole; 5.1–60 kg 2 kg price + 70 per extra kg.
// Fuel 20% from 2026-01-01, 25% from 06-01, 30% from 07-01, on base, REMOTE,
// OVERWEIGHT and PEAK. Default shipment: MX → US 10001, 2026-05-04.
const courier = new TableCarrierRater(loadFixture('tiny-courier.json'));
const post = new TableCarrierRater(loadFixture('tiny-post.json'));

const express = (over: Parameters<typeof shipment>[0] = {}) => option(courier.rate(shipment(over)), 'express');
const expressRejection = (over: Parameters<typeof shipment>[0]) =>
  courier.rate(shipment(over)).rejections.find((r) => r.service === 'express');

describe('TableCarrierRater: chargeable weight', () => {
  it.each<[string, NormalisedParcel, string, string]>([
    ['actual beats volumetric: 10×10×10/5000 = 0.2 < 1.2 kg → step 0.5 → 1.5 kg', parcel(10, 10, 10, '1.2'), '1.5', '190'],
    ['a big light box: 40×30×20/5000 = 4.8 > 0.4 kg → past 2 kg step 1 → 5 kg × 100', parcel(40, 30, 20, '0.4'), '5', '500'],
    ['sides to nearest cm: 20.4→20, 20.5→21, 10.6→11; 21×20×11/5000 = 0.924 → 1 kg', parcel('20.4', '20.5', '10.6', '0.3'), '1', '150'],
    ['a weight on a step stays: 1 kg → 1 kg', parcel(1, 1, 1, 1), '1', '150'],
    ['just over a step: 1.01 kg → 1.5 kg', parcel(1, 1, 1, '1.01'), '1.5', '190'],
    ['past the 2 kg band the step is 1 kg: 2.2 kg → 3 kg × 100', parcel(1, 1, 1, '2.2'), '3', '300'],
    [
      'lb/in converted by the caller: 10×8×6 in = 25.4×20.32×15.24 → 25×20×15 cm /5000 = 1.5 kg > 3 lb = 1.36077711 kg',
      parcel(toCm(10, 'in'), toCm(8, 'in'), toCm(6, 'in'), toKg(3, 'lb')),
      '1.5',
      '190',
    ],
  ])('%s', (_name, p, chargeableKg, base) => {
    const rated = express({ parcels: [p] });
    expect(rated.chargeableKg.toFixed()).toBe(chargeableKg);
    expect(rated.lines[0]?.code).toBe('base');
    expect(rated.lines[0]?.amount.toFixed()).toBe(base);
  });

  it('the base working shows the volumetric arithmetic and the price', () => {
    expect(en(express({ parcels: [parcel(40, 30, 20, '0.4')] }).lines[0]?.working)).toBe(
      'piece 1: 0.4 kg actual, 40×30×20 cm / 5000 = 4.8 kg volumetric → 5 kg; zone 1, 5 kg × 100.00/kg = 500.00',
    );
    // The same base line in Spanish (issue 14 item 6): the words from the phrase table, the arithmetic unchanged.
    expect(es(express({ parcels: [parcel(40, 30, 20, '0.4')] }).lines[0]?.working)).toBe(
      'bulto 1: 0.4 kg reales, 40×30×20 cm / 5000 = 4.8 kg volumétricos → 5 kg; zona 1, 5 kg × 100.00/kg = 500.00',
    );
  });

  it('priceBy shipment: pieces 1.2 → 1.5 kg and 0.5 → 0.5 kg are added (2 kg) and priced once: 220, not 190 + 100', () => {
    const rated = express({ parcels: [parcel(10, 10, 10, '1.2'), parcel(5, 5, 5, '0.5')] });
    expect(rated.chargeableKg.toFixed()).toBe('2');
    expect(rated.lines[0]?.amount.toFixed()).toBe('220');
  });

  it.each<[string, NormalisedParcel[], string, string]>([
    [
      'scope shipment sums first: actual 1 + 0.5 = 1.5; volumetric 30×20×11 (10.2 up) /6000 = 1.1 + 10×10×10/6000 = 0.1667 → max 1.5 → 2 kg',
      [parcel(30, 20, '10.2', 1), parcel(10, 10, 10, '0.5')],
      '2',
      '130',
    ],
    [
      'scope shipment: actual 2.1, volumetric 1000/6000 + 120000/6000 = 20.1667 → 21 kg × 60',
      [parcel(10, 10, 10, 2), parcel(60, 50, 40, '0.1')],
      '21',
      '1260',
    ],
  ])('economy, %s', (_name, parcels, chargeableKg, base) => {
    const rated = option(courier.rate(shipment({ parcels })), 'economy');
    expect(rated.chargeableKg.toFixed()).toBe(chargeableKg);
    expect(rated.lines[0]?.amount.toFixed()).toBe(base);
  });
});

describe('TableCarrierRater: zones', () => {
  it.each<[string, { country: string; postalCode?: string }, string, string]>([
    ['US 99501: range 995–999 beats the US country rule → zone 3, 200', { country: 'US', postalCode: '99501' }, '3', '200'],
    ['US 99401: 994 is below the range → zone 1, 100', { country: 'US', postalCode: '99401' }, '1', '100'],
    ['US "99" is shorter than the range bounds → country rule, zone 1', { country: 'US', postalCode: '99' }, '1', '100'],
    ['CA "X0A 1H0": prefix x0a, spaces and case ignored → zone 3, 200', { country: 'CA', postalCode: 'X0A 1H0' }, '3', '200'],
    ['CA "x0a1h0" → zone 3', { country: 'CA', postalCode: 'x0a1h0' }, '3', '200'],
    ['CA "M5V 2T6" → country rule, zone 2, 120', { country: 'CA', postalCode: 'M5V 2T6' }, '2', '120'],
    ['DE → zone 4: the 0.5 kg break 80 is below the zone minimum 150', { country: 'DE', postalCode: '10115' }, '4', '150'],
  ])('0.5 kg to %s', (_name, destination, zone, base) => {
    const rated = express({ destination, parcels: [parcel(10, 10, 10, '0.4')] });
    expect(rated.zone).toBe(zone);
    expect(rated.lines[0]?.amount.toFixed()).toBe(base);
  });

  it('without a postcode the zone is chosen by country and a note says so', () => {
    const rated = express({ destination: { country: 'US' } });
    expect(rated.zone).toBe('1');
    expect(rated.notes.map((n) => n.code)).toEqual(['POSTCODE_MISSING']);
  });

  it('a destination no zone covers is rejected, naming it', () => {
    expect(expressRejection({ destination: { country: 'FR', postalCode: '75001' } })).toEqual({
      carrier: 'tiny-courier',
      service: 'express',
      code: 'NO_ZONE',
      reason: {
        es: 'Tiny Exprés no entrega en FR (código postal 75001): ninguna zona de la tabla lo cubre.',
        en: 'Tiny Express does not deliver to FR (postcode 75001): no zone of the table covers it.',
      },
    });
  });
});

describe('TableCarrierRater: base price', () => {
  it.each<[string, string, string, string]>([
    ['breaks: 2 kg is the last break', '2', '220', 'zone 1, 2 kg → 220.00'],
    ['perKgWhole: 2.2 → 3 kg × 100 = 300', '2.2', '300', 'zone 1, 3 kg × 100.00/kg = 300.00'],
    ['perKgWhole: 5 kg × 100 = 500', '5', '500', 'zone 1, 5 kg × 100.00/kg = 500.00'],
    ['addPerStep: 7.5 → 8 kg = 220 + 70 × (8 − 2)/1 = 640', '7.5', '640', 'zone 1, 8 kg: 2 kg → 220.00 + 6 × 70.00 per 1 kg = 640.00'],
  ])('%s', (_name, kg, base, working) => {
    const line = express({ parcels: [parcel(1, 1, 1, kg)] }).lines[0];
    expect(line?.amount.toFixed()).toBe(base);
    expect(say(line!.working, 'en').endsWith(working)).toBe(true);
  });

  it('the zone minimum shows in the working: DE 0.5 kg 80 → minimum 150', () => {
    const line = express({ destination: { country: 'DE', postalCode: '10115' }, parcels: [parcel(1, 1, 1, '0.5')] }).lines[0];
    expect(say(line!.working, 'en').endsWith('zone 4, 0.5 kg → 80.00, below the minimum 150.00 → 150.00')).toBe(true);
    expect(say(line!.working, 'es').endsWith('zona 4, 0.5 kg → 80.00, por debajo del mínimo 150.00 → 150.00')).toBe(true);
  });

  it('a weight past the last band is rejected with the table ceiling: 31 + 31 = 62 kg > 60 kg', () => {
    expect(expressRejection({ parcels: [parcel(1, 1, 1, 31), parcel(1, 1, 1, 31)] })?.reason.en).toBe(
      'Tiny Express has no price for a chargeable weight of 62 kg to zone 1 (the table goes up to 60 kg).',
    );
  });

  it('a piece-priced table prices each piece and adds: 0.8 → 1 kg 250; 2.5 → 3 kg = 250 + 90 × 2 = 430; total 680', () => {
    const rated = option(post.rate(shipment({ destination: { country: 'CA' }, parcels: [parcel(20, 20, 20, '0.8'), parcel(30, 30, 30, '2.5')] })), 'parcel');
    expect(rated.chargeableKg.toFixed()).toBe('4');
    expect(amounts(rated)).toEqual([
      ['base', '680'],
      ['fuel', '0'],
    ]);
    expect(en(rated.lines[0]?.working)).toBe(
      'piece 1: 0.8 kg actual → 1 kg; piece 2: 2.5 kg actual → 3 kg; zone N, piece 1: 1 kg → 250.00; piece 2: 3 kg: 1 kg → 250.00 + 2 × 90.00 per 1 kg = 430.00; total 680.00',
    );
  });

  it('without a divisor a big light parcel pays its actual weight: 0.3 kg 60×60×60 → 1 kg → 250', () => {
    const rated = option(post.rate(shipment({ destination: { country: 'CA' }, parcels: [parcel(60, 60, 60, '0.3')] })), 'parcel');
    expect(rated.lines[0]?.amount.toFixed()).toBe('250');
  });
});

describe('TableCarrierRater: surcharges and fuel', () => {
  it.each<[string, Parameters<typeof shipment>[0], Array<[string, string]>]>([
    [
      'remote area per kg below its minimum: 10 × 1.5 kg = 15 → 50; fuel 20% × (190 + 50) = 48',
      { destination: { country: 'US', postalCode: '59801' } },
      [['base', '190'], ['REMOTE', '50'], ['fuel', '48']],
    ],
    [
      'remote area per kg above its minimum: 7.5 → 8 kg, 10 × 8 = 80; base 640; fuel 20% × (640 + 80) = 144',
      { destination: { country: 'US', postalCode: '59801' }, parcels: [parcel(1, 1, 1, '7.5')] },
      [['base', '640'], ['REMOTE', '80'], ['fuel', '144']],
    ],
    [
      'a range remote rule 18565–18565 (DE); USD 20 risk × 18 = 360 without fuel; base 0.5 kg → minimum 150; remote 10 × 0.5 = 5 → 50; fuel 20% × (150 + 50) = 40',
      { destination: { country: 'DE', postalCode: '18565' }, parcels: [parcel(1, 1, 1, '0.5')] },
      [['base', '150'], ['REMOTE', '50'], ['ELEVATED_RISK', '360'], ['fuel', '40']],
    ],
    [
      'piece trigger: piece 1 is 35 kg > 30 → 1 × 300; 35 + 5 = 40 kg = 220 + 70 × 38 = 2880; security 5% × 2880 = 144 (shipment 40 kg ≥ 10), no fuel on it; fuel 20% × (2880 + 300) = 636',
      { parcels: [parcel(10, 10, 10, 35), parcel(10, 10, 10, 5)] },
      [['base', '2880'], ['OVERWEIGHT', '300'], ['SECURITY', '144'], ['fuel', '636']],
    ],
    [
      'excludes per piece: piece 1 (35 kg, 110 cm) is overweight so not oversize; piece 2 (5 kg, 120 cm) is oversize → 100, no fuel on it',
      { parcels: [parcel(110, 20, 20, 35), parcel(120, 10, 10, 5)] },
      [['base', '2880'], ['OVERWEIGHT', '300'], ['OVERSIZE', '100'], ['SECURITY', '144'], ['fuel', '636']],
    ],
    [
      'length plus girth 90 + 2 × (50 + 31) = 252 > 250 → oversize; 90×50×31/5000 = 27.9 → 28 kg = 220 + 70 × 26 = 2040; fuel 20% × 2040 = 408',
      { parcels: [parcel(90, 50, 31, 2)] },
      [['base', '2040'], ['OVERSIZE', '100'], ['fuel', '408']],
    ],
    [
      'length plus girth 90 + 2 × (50 + 30) = 250 is not over 250; 27 kg = 220 + 70 × 25 = 1970; fuel 394',
      { parcels: [parcel(90, 50, 30, 2)] },
      [['base', '1970'], ['fuel', '394']],
    ],
  ])('%s', (_name, over, lines) => {
    expect(amounts(express(over))).toEqual(lines);
  });

  it.each<[string, string, Array<[string, string]>]>([
    ['2026-11-14, the day before the peak window: fuel 30% × 190 = 57', '2026-11-14', [['base', '190'], ['fuel', '57']]],
    ['2026-11-15, first day: peak 2 × 1.5 = 3; fuel 30% × (190 + 3) = 57.9', '2026-11-15', [['base', '190'], ['PEAK', '3'], ['fuel', '57.9']]],
    ['2026-12-15, last day (inclusive)', '2026-12-15', [['base', '190'], ['PEAK', '3'], ['fuel', '57.9']]],
    ['2026-12-16, the day after', '2026-12-16', [['base', '190'], ['fuel', '57']]],
  ])('dated surcharge window: %s', (_name, shipDate, lines) => {
    expect(amounts(express({ shipDate }))).toEqual(lines);
  });

  it.each<[string, string, string]>([
    ['2026-05-31: the 2026-01-01 entry, 20% × 150 = 30', '2026-05-31', '30'],
    ['2026-06-01: 25% × 150 = 37.5', '2026-06-01', '37.5'],
    ['2026-06-30: still 25%', '2026-06-30', '37.5'],
    ['2026-07-01: 30% × 150 = 45 (history out of order in the file)', '2026-07-01', '45'],
  ])('fuel percentage by date, 1 kg base 150: %s', (_name, shipDate, fuel) => {
    const rated = express({ shipDate, parcels: [parcel(1, 1, 1, 1)] });
    expect(rated.lines.at(-1)?.code).toBe('fuel');
    expect(rated.lines.at(-1)?.amount.toFixed()).toBe(fuel);
  });

  it('the fuel working shows the percentage, its date and what it is charged on', () => {
    const rated = express({ destination: { country: 'US', postalCode: '59801' } });
    expect(rated.lines.map((l) => en(l.working)).slice(1)).toEqual(['10.00/kg × 1.5 kg = 15.00, minimum 50.00', '20% (from 2026-01-01) × (190.00 + 50.00) = 48.00']);
    expect(rated.lines.map((l) => es(l.working)).slice(1)).toEqual(['10.00/kg × 1.5 kg = 15.00, mínimo 50.00', '20% (desde el 2026-01-01) × (190.00 + 50.00) = 48.00']);
  });

  it('a surcharge in another currency says so: USD 20 → 360 MXN', () => {
    const rated = express({ destination: { country: 'DE', postalCode: '10115' } });
    expect(rated.lines.find((l) => l.code === 'ELEVATED_RISK')?.working).toBe('360.00 (USD 20.00)');
  });

  it('surcharges limited to a service stay off the others: economy has no security or overweight', () => {
    const rated = option(courier.rate(shipment({ parcels: [parcel(10, 10, 10, 25)] })), 'economy');
    // 25 kg actual > 1000/6000 → 25 kg × 60 = 1500; fuel 20% × 1500 = 300.
    expect(amounts(rated)).toEqual([
      ['base', '1500'],
      ['fuel', '300'],
    ]);
  });
});

describe('TableCarrierRater: insurance and duty-dependent fees', () => {
  it('no insurance unless asked', () => {
    const rated = express({ insure: false });
    expect(rated.insurance).toBeUndefined();
    expect(rated.lines.map((l) => l.code)).toEqual(['base', 'fuel']);
  });

  it.each<[string, string, string, string]>([
    ['2% × 1000 = 20, below the minimum 50', '1000', 'MXN', '50'],
    ['2% × 5000 = 100', '5000', 'MXN', '100'],
    ['USD 100 × 18 = 1800 MXN; 2% = 36 → minimum 50', '100', 'USD', '50'],
    ['2% × 60000 = 1200, above the maximum 1000', '60000', 'MXN', '1000'],
  ])('insurance when asked: %s', (_name, value, currency, premium) => {
    const rated = express({ insure: true, declaredValue: { amount: new D(value), currency } });
    expect(rated.insurance?.code).toBe('INSURANCE');
    expect(rated.insurance?.amount.toFixed()).toBe(premium);
    // Not a shipping line and no fuel on it: fuel stays 20% × 190 = 38.
    expect(amounts(rated)).toEqual([
      ['base', '190'],
      ['fuel', '38'],
    ]);
  });

  it('asking for insurance a table does not offer leaves a warning', () => {
    const rated = option(post.rate(shipment({ destination: { country: 'CA' }, insure: true })), 'parcel');
    expect(rated.insurance).toBeUndefined();
    expect(rated.notes.map((n) => n.code)).toContain('INSURANCE_UNAVAILABLE');
  });

  const fees = express().dutyFees;
  it('ddp and dap fees come back as duty-dependent fees', () => {
    expect(fees.map((f) => [f.code, f.option])).toEqual([
      ['DTP', 'ddp'],
      ['COLLECT', 'dap'],
    ]);
  });

  it.each<[string, string, string, string]>([
    ['DTP, nothing advanced → 0', 'DTP', '0', '0'],
    ['DTP 3% × 1000 = 30 → minimum 40', 'DTP', '1000', '40'],
    ['DTP 3% × 5000 = 150', 'DTP', '5000', '150'],
    ['DTP 3% × 20000 = 600 → maximum 400', 'DTP', '20000', '400'],
    ['COLLECT flat USD 5 × 18 = 90', 'COLLECT', '100', '90'],
    ['COLLECT, nothing to collect → 0', 'COLLECT', '0', '0'],
  ])('%s', (_name, code, dutiesAndTaxes, fee) => {
    const priced = fees.find((f) => f.code === code)?.price(new D(dutiesAndTaxes));
    expect(priced?.amount.toFixed()).toBe(fee);
  });

  it('the fee working shows the arithmetic', () => {
    expect(en(fees[0]?.price(new D(1000)).working)).toBe('3% × 1000.00 duties and taxes = 30.00, minimum 40.00');
  });
});

describe('TableCarrierRater: rejections', () => {
  const name = { es: 'Tiny Exprés', en: 'Tiny Express' };
  it.each<[string, NormalisedParcel[], string, string, string]>([
    [
      '4 pieces > 3',
      [1, 2, 3, 4].map(() => parcel(10, 10, 10, 1)),
      'TOO_MANY_PIECES',
      `El envío tiene 4 bultos; ${name.es} acepta como máximo 3 bultos por envío.`,
      `The shipment has 4 pieces; ${name.en} takes at most 3 pieces per shipment.`,
    ],
    [
      '3 × 40 = 120 kg > 100 kg',
      [1, 2, 3].map(() => parcel(10, 10, 10, 40)),
      'OVER_SHIPMENT_WEIGHT',
      `El envío pesa 120 kg; ${name.es} acepta como máximo 100 kg por envío.`,
      `The shipment weighs 120 kg; ${name.en} takes at most 100 kg per shipment.`,
    ],
    [
      '51 kg > 50 kg a piece',
      [parcel(10, 10, 10, 1), parcel(10, 10, 10, 51)],
      'OVER_PIECE_WEIGHT',
      `El bulto 2 pesa 51 kg; ${name.es} acepta como máximo 50 kg por bulto.`,
      `Piece 2 weighs 51 kg; ${name.en} takes at most 50 kg per piece.`,
    ],
    [
      '151 cm > 150 cm',
      [parcel(10, 151, 10, 5)],
      'OVER_SIZE',
      `El bulto 1 mide 151 cm de largo; ${name.es} acepta como máximo 150 cm en el lado más largo.`,
      `Piece 1 is 151 cm long; ${name.en} takes at most 150 cm on the longest side.`,
    ],
    [
      '140 + 2 × (60 + 50) = 360 > 300 cm',
      [parcel(50, 140, 60, 5)],
      'OVER_SIZE',
      `El bulto 1 mide 360 cm (140 + 2 × (60 + 50)) de largo más contorno; ${name.es} acepta como máximo 300 cm.`,
      `Piece 1 measures 360 cm (140 + 2 × (60 + 50)) in length plus girth; ${name.en} takes at most 300 cm.`,
    ],
  ])('%s', (_name, parcels, code, es, en) => {
    expect(expressRejection({ parcels })).toEqual({ carrier: 'tiny-courier', service: 'express', code, reason: { es, en } });
  });

  it('limits apply to the sides as the carrier rounds them: 150.4 cm → 150 cm is accepted', () => {
    expect(express({ parcels: [parcel('150.4', 10, 10, 5)] }).zone).toBe('1');
  });

  it.each<[string, string, boolean]>([
    ['2026-07-31, the day before', '2026-07-31', false],
    ['2026-08-01, first day', '2026-08-01', true],
    ['2026-08-31, last day', '2026-08-31', true],
    ['2026-09-01, the day after', '2026-09-01', false],
  ])('a dated suspension to CA: %s', (_name, shipDate, suspended) => {
    const result = courier.rate(shipment({ shipDate, destination: { country: 'CA', postalCode: 'M5V 2T6' } }));
    const rejection = result.rejections.find((r) => r.service === 'express');
    if (suspended) {
      expect(rejection?.code).toBe('SUSPENDED');
      expect(rejection?.reason.en).toBe('Shipments to Canada suspended from 1 to 31 August 2026 (test strike).');
    } else {
      expect(rejection).toBeUndefined();
    }
    // The economy service has no suspension and still takes it.
    expect(option(result, 'economy').zone).toBe('A');
  });

  it.each<[string, string, boolean]>([
    ['2025-08-26, before', '2025-08-26', false],
    ['2026-03-01, during', '2026-03-01', true],
    ['2026-07-01, after', '2026-07-01', false],
  ])('postal parcels to the US suspended 2025-08-27..2026-06-30: %s', (_name, shipDate, suspended) => {
    const result = post.rate(shipment({ shipDate }));
    expect(result.rejections.map((r) => r.code)).toEqual(suspended ? ['SUSPENDED'] : []);
    expect(result.options).toHaveLength(suspended ? 0 : 1);
  });

  it('a table out of force or from another origin says so for each service', () => {
    expect(courier.rate(shipment({ shipDate: '2027-01-04' })).rejections.map((r) => [r.service, r.code])).toEqual([
      ['express', 'NOT_IN_FORCE'],
      ['economy', 'NOT_IN_FORCE'],
    ]);
    expect(courier.rate(shipment({ shipDate: '2027-01-04' })).rejections[0]?.reason.en).toBe(
      'The Tiny Courier table is in force from 2026-01-01 to 2026-12-31; the ship date is 2027-01-04.',
    );
    expect(courier.rate(shipment({ origin: { country: 'US' } })).rejections[0]?.reason.en).toBe(
      'The Tiny Courier table covers shipments from MX, not from US.',
    );
  });

  it('a service not yet in force is left out without a note: economy starts 2026-03-01', () => {
    const result = courier.rate(shipment({ shipDate: '2026-02-27' }));
    expect(result.options.map((o) => o.service)).toEqual(['express']);
    expect(result.rejections).toEqual([]);
  });

  it('a shipment without pieces is rejected', () => {
    expect(expressRejection({ parcels: [] })?.code).toBe('NO_PIECES');
  });
});

describe('TableCarrierRater: the rest of the answer', () => {
  it('transit by zone, customs days by destination, cut-off, data date, status', () => {
    const rated = express({ destination: { country: 'CA', postalCode: 'M5V 2T6' } });
    expect(rated).toMatchObject({
      carrier: 'tiny-courier',
      carrierName: 'Tiny Courier',
      service: 'express',
      serviceName: { es: 'Tiny Exprés', en: 'Tiny Express' },
      channel: 'courier',
      status: 'sourced',
      currency: 'MXN',
      zone: '2',
      transitDays: { min: 2, max: 3 },
      customsDays: { min: 1, max: 2 },
      cutoffLocal: '17:00',
      dataDate: '2026-01-01',
      notes: [],
    });
  });

  it.each<[string, string, { min: number; max: number }]>([
    ['CA: the default 1–3', 'CA', { min: 1, max: 3 }],
    ['BR: its own 7–20', 'BR', { min: 7, max: 20 }],
  ])('customs days, %s', (_name, country, days) => {
    expect(option(post.rate(shipment({ destination: { country } })), 'parcel').customsDays).toEqual(days);
  });

  it('a service without customs days, and no default, adds none; its own start is the data date', () => {
    const rated = option(courier.rate(shipment()), 'economy');
    expect(rated.customsDays).toEqual({ min: 0, max: 0 });
    expect(rated.dataDate).toBe('2026-03-01');
  });

  it('an illustrative table warns that its rates are samples', () => {
    const rated = option(post.rate(shipment({ destination: { country: 'CA' } })), 'parcel');
    expect(rated.notes).toContainEqual({
      code: 'SAMPLE_RATES',
      severity: 'warning',
      text: { es: 'Tarifas de muestra: cargue su tabla negociada', en: 'Sample rates: load your negotiated table' },
    });
  });
});
