import { en } from '../helpers/wording';
import { D } from '../../src/domain/money';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { amounts, convertBothWays, loadCarrier, option, parcel, shipment } from './rate-helpers';

// Golden cases on carriers/estafeta.json (prepaid labels, illustrative prices, MXN):
// one label per box, bought by weight cap and region. Sides rounded up to the cm,
// /5000, chargeable rounded up to the kg, then the smallest label that holds it.
// Region centro-sudamerica: 1 kg 860.00, 3 kg 1490.00, 5 kg 2010.00, 10 kg 3190.00.
const estafeta = new TableCarrierRater(loadCarrier('estafeta.json'));
const internacional = (over: Parameters<typeof shipment>[0]) => option(estafeta.rate(shipment({ convert: convertBothWays, ...over })), 'internacional');

describe('carriers/estafeta.json, golden: two boxes MX → CO on 2026-03-10', () => {
  // Box 1: 34.2×30×25 cm → 35×30×25, 2.5 kg: 26250 / 5000 = 5.25 kg → 6 kg → the 10 kg label, 3190.00.
  // Box 2: 20×20×10 cm, 0.8 kg: 4000 / 5000 = 0.8 kg → 1 kg → the 1 kg label, 860.00.
  const rated = internacional({
    destination: { country: 'CO', postalCode: '110111' },
    parcels: [parcel('34.2', 30, 25, '2.5'), parcel(20, 20, 10, '0.8')],
    shipDate: '2026-03-10',
  });

  it('two labels: 3190.00 + 860.00 = 4050.00; the label price includes fuel (0%)', () => {
    expect(rated.zone).toBe('centro-sudamerica');
    expect(rated.chargeableKg.toFixed()).toBe('7');
    expect(amounts(rated)).toEqual([
      ['base', '4050'],
      ['fuel', '0'],
    ]);
    expect(en(rated.lines[0]?.working)).toBe(
      'piece 1: 2.5 kg actual, 35×30×25 cm / 5000 = 5.25 kg volumetric → 6 kg; piece 2: 0.8 kg actual, 20×20×10 cm / 5000 = 0.8 kg volumetric → 1 kg; ' +
        'zone centro-sudamerica, piece 1: 6 kg → label "10 kg" 3190.00; piece 2: 1 kg → label "1 kg" 860.00; total 4050.00',
    );
  });

  it('transit from 5 business days (not guaranteed), customs 0–2 by default, cut-off 14:00, sample-rates warning', () => {
    expect(rated).toMatchObject({ transitDays: { min: 5, max: 8 }, customsDays: { min: 0, max: 2 }, cutoffLocal: '14:00', channel: 'courier' });
    expect(rated.notes.map((n) => n.code)).toEqual(['SAMPLE_RATES']);
  });
});

describe('carriers/estafeta.json: the export pedimento A1 above USD 5,000', () => {
  it.each<[string, string, Array<[string, string]>]>([
    ['90000 MXN = USD 5000.00 is not above 5,000: no pedimento', '90000', [['base', '690'], ['fuel', '0']]],
    ['100000 MXN = USD 5555.56 is above 5,000: USD 30 × 18 = 540.00', '100000', [['base', '690'], ['EXPORT_PEDIMENTO_A1', '540'], ['fuel', '0']]],
  ])('%s (1 kg to the US: the 1 kg label, 690.00)', (_name, value, lines) => {
    const rated = internacional({ parcels: [parcel(10, 10, 10, 1)], declaredValue: { amount: new D(value), currency: 'MXN' }, shipDate: '2026-03-10' });
    expect(amounts(rated)).toEqual(lines);
  });
});

describe('carriers/estafeta.json: limits and options', () => {
  it.each<[string, Parameters<typeof parcel>, string, string]>([
    ['a side over 150 cm', [160, 50, 50, 10], 'OVER_SIZE', 'Piece 1 measures 160 × 50 × 50 cm; Estafeta International (prepaid label) takes at most 150 × 115 × 115 cm.'],
    ['two sides over 115 cm', [120, 120, 50, 10], 'OVER_SIZE', 'Piece 1 measures 120 × 120 × 50 cm; Estafeta International (prepaid label) takes at most 150 × 115 × 115 cm.'],
    ['69 kg, over the 68 kg label', [50, 50, 50, 69], 'OVER_PIECE_WEIGHT', 'Piece 1 weighs 69 kg; Estafeta International (prepaid label) takes at most 68 kg per piece.'],
  ])('%s: left out with the reason', (_name, box, code, reason) => {
    const result = estafeta.rate(shipment({ parcels: [parcel(...box)], shipDate: '2026-03-10' }));
    expect(result.options).toEqual([]);
    expect(result.rejections).toEqual([{ carrier: 'estafeta', service: 'internacional', code, reason: expect.objectContaining({ en: reason }) }]);
  });

  it('150×115×115 cm is the largest box taken: 1983750 / 5000 = 396.75 kg volumetric has no label → NO_RATE', () => {
    const result = estafeta.rate(shipment({ parcels: [parcel(150, 115, 115, 10)], shipDate: '2026-03-10' }));
    expect(result.rejections[0]?.code).toBe('NO_RATE');
  });

  it('insurance is not sold with the label: a warning, no insurance line', () => {
    const rated = internacional({ insure: true, shipDate: '2026-03-10' });
    expect(rated.insurance).toBeUndefined();
    expect(rated.notes.map((n) => n.code)).toEqual(['SAMPLE_RATES', 'INSURANCE_UNAVAILABLE']);
  });
});
