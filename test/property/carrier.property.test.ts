import fc from 'fast-check';
import { join } from 'node:path';
import { loadCarrierFile } from '../../src/carriers/carrier-loader';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { D, sum } from '../../src/domain/money';
import { convert } from '../../src/fx/rate-table';
import { RATES } from '../helpers/engine-fixtures';

const loaded = loadCarrierFile(join(__dirname, '../../carriers/dhl-express.json'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const rater = new TableCarrierRater(loaded.value);

function shippingTotal(kg: number, dims: [number, number, number], country: string, postalCode: string) {
  const r = rater.rate({
    origin: { country: 'MX' },
    destination: { country, postalCode },
    parcels: [{ lengthCm: new D(dims[0]), widthCm: new D(dims[1]), heightCm: new D(dims[2]), weightKg: new D(kg) }],
    declaredValue: { amount: new D(100), currency: 'USD' },
    shipDate: '2026-11-26',
    insure: false,
    items: [],
    buyer: 'consumer',
    convert: (a, f, t) => convert(a, f, t, RATES),
  });
  const o = r.options[0];
  return o ? sum(o.lines.map((l) => l.amount)) : undefined;
}

describe('carrier table properties (DHL Express table)', () => {
  it('when a parcel gets heavier (same box), then shipping never gets cheaper', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom(['US', '10001'], ['CA', 'M5V 2T6'], ['DE', '10115'], ['GB', 'SW1A 1AA'], ['US', '99501']),
        (grams, extra, [country, postcode]) => {
          const light = shippingTotal(grams / 100, [20, 15, 10], country!, postcode!);
          const heavy = shippingTotal((grams + extra) / 100, [20, 15, 10], country!, postcode!);
          if (light === undefined || heavy === undefined) return;
          expect(heavy.gte(light)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when a box of the same weight gets bigger, then shipping never gets cheaper', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 100 }), (side, grow, dag) => {
        const kg = dag / 10;
        const small = shippingTotal(kg, [side, side, side], 'US', '10001');
        const big = shippingTotal(kg, [side + grow, side, side], 'US', '10001');
        if (small === undefined || big === undefined) return;
        expect(big.gte(small)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
