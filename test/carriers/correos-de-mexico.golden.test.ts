import { en } from '../helpers/wording';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { amounts, loadCarrier, option, parcel, shipment } from './rate-helpers';

// Golden cases on carriers/correos-de-mexico.json (Mexpost, illustrative prices, MXN):
// postal structure "up to 1 kg by zone + per extra kg", each parcel priced on its own,
// no volumetric weight. Zone 2 (CA): 520.00 up to 1 kg, +150.00 per started kg.
const correos = new TableCarrierRater(loadCarrier('correos-de-mexico.json'));

describe('carriers/correos-de-mexico.json, golden: two parcels MX → CA on 2026-03-10', () => {
  // Parcel 1: 3.4 kg → 4 kg = 520.00 + 150.00 × (4 − 1) = 970.00 (its 40×30×20 cm do not count).
  // Parcel 2: 0.6 kg → 1 kg = 520.00.
  const rated = option(
    correos.rate(shipment({ destination: { country: 'CA', postalCode: 'M5V 2T6' }, parcels: [parcel(40, 30, 20, '3.4'), parcel(15, 10, 5, '0.6')], shipDate: '2026-03-10' })),
    'mexpost',
  );

  it('970.00 + 520.00 = 1490.00, no fuel on postal prices', () => {
    expect(amounts(rated)).toEqual([
      ['base', '1490'],
      ['fuel', '0'],
    ]);
    expect(en(rated.lines[0]?.working)).toBe(
      'piece 1: 3.4 kg actual → 4 kg; piece 2: 0.6 kg actual → 1 kg; zone 2, piece 1: 4 kg: 1 kg → 520.00 + 3 × 150.00 per 1 kg = 970.00; piece 2: 1 kg → 520.00; total 1490.00',
    );
  });

  it('postal channel, 8–10 days (Mexpost Express), customs 1–3 for Canada by post, cut-off 13:00', () => {
    expect(rated).toMatchObject({ channel: 'postal', transitDays: { min: 8, max: 10 }, customsDays: { min: 1, max: 3 }, cutoffLocal: '13:00' });
  });
});

describe('carriers/correos-de-mexico.json: parcels to the US are suspended since 2025-08-27', () => {
  it.each(['2026-01-01', '2026-03-10', '2027-06-01'])('ship %s: no US option, and the reason says why', (shipDate) => {
    const result = correos.rate(shipment({ shipDate }));
    expect(result.options).toEqual([]);
    expect(result.rejections).toEqual([
      {
        carrier: 'correos-de-mexico',
        service: 'mexpost',
        code: 'SUSPENDED',
        reason: {
          es: expect.stringContaining('suspendió los paquetes a EE. UU. el 27 de agosto de 2025'),
          en: 'Correos de México suspended parcels to the US on 27 August 2025, when the US ended its de minimis exemption (Executive Order 14324, 29 August 2025). Only letters and documents without commercial value resumed on 12 September 2025; parcels and commercial goods remain suspended.',
        },
      },
    ]);
  });

  it('other destinations still have Mexpost', () => {
    expect(correos.rate(shipment({ destination: { country: 'ES', postalCode: '28001' }, shipDate: '2026-03-10' })).options).toHaveLength(1);
  });

  it('insurance is not offered internationally: a warning, no insurance line', () => {
    const rated = option(correos.rate(shipment({ destination: { country: 'CA' }, insure: true, shipDate: '2026-03-10' })), 'mexpost');
    expect(rated.insurance).toBeUndefined();
    expect(rated.notes.map((n) => n.code)).toContain('INSURANCE_UNAVAILABLE');
  });

  it('a 31 kg parcel is over the 30 kg limit', () => {
    const result = correos.rate(shipment({ destination: { country: 'CA' }, parcels: [parcel(40, 40, 40, 31)], shipDate: '2026-03-10' }));
    expect(result.rejections[0]?.code).toBe('OVER_PIECE_WEIGHT');
  });
});
