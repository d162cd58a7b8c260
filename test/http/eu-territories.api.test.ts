import request from 'supertest';
import { bundledHsNomenclature } from '../../src/hs/hs-validity';
import { RATES } from '../helpers/engine-fixtures';
import { FakeCarrier, expectProblem, testApp } from '../helpers/http-fixtures';
import { realTariff } from '../quote/destinations/destination-fixtures';

/**
 * Special territories of the EU members through POST /quote with the bundled ES.json, FR.json and
 * DE.json (TERR-UCC-ART4, TERR-VAT-DIRECTIVE, DE-BUESINGEN): a refused territory is a 422 naming it,
 * never the mainland's VAT.
 */
// Loaded once, before the tests run (parsing the files and the HS nomenclature takes seconds on a busy machine).
const snapshot = { tariffs: new Map(['ES', 'FR', 'DE', 'MX'].map((c) => [c, realTariff(c)])), carriers: [new FakeCarrier()], rates: RATES, hs: bundledHsNomenclature() };
const app = testApp({ data: () => snapshot });

function body(destination: Record<string, unknown>, locale: 'es' | 'en', items?: Record<string, unknown>[]): Record<string, unknown> {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination,
    currency: 'EUR',
    shipDate: '2026-11-26',
    items: items ?? [{ hsCode: '6109.10', quantity: 1, unitPrice: { amount: '20.00', currency: 'USD' }, unitWeight: { value: 0.2, unit: 'kg' } }],
    locale,
  };
}

describe('POST /quote to EU special territories', () => {
  it('when the Spanish postcode is 51001 (Ceuta), then 422 UNSUPPORTED_TERRITORY on destination.postalCode, in Spanish, naming the IPSI', async () => {
    const res = await request(app).post('/quote').send(body({ country: 'ES', postalCode: '51001' }, 'es'));
    const problem = expectProblem(res, 422, 'UNSUPPORTED_TERRITORY', 'destination.postalCode');
    expect(problem.detail).toContain('Ceuta (ES, código postal 51001)');
    expect(problem.detail).toContain('IPSI');
  });

  it('when the French postcode is 97110 (Guadeloupe), then 422 in English: the octroi de mer is not loaded', async () => {
    const res = await request(app).post('/quote').send(body({ country: 'FR', postalCode: '97110' }, 'en'));
    const problem = expectProblem(res, 422, 'UNSUPPORTED_TERRITORY', 'destination.postalCode');
    expect(problem.detail).toContain('Guadeloupe (FR, postcode 97110)');
    expect(problem.detail).toContain('octroi de mer');
  });

  it('when the German postcode is 78266 (Büsingen), then 422 tells to quote Switzerland', async () => {
    const res = await request(app).post('/quote').send(body({ country: 'DE', postalCode: '78266' }, 'en'));
    const problem = expectProblem(res, 422, 'UNSUPPORTED_TERRITORY', 'destination.postalCode');
    expect(problem.detail).toContain('destination.country "CH"');
  });

  it('when tequila goes to Germany without its strength, then 422 MISSING_QUANTITY on items.0.alcoholByVolume (DE-ALKOHOLSTEUER is per litre of alcohol)', async () => {
    const tequila = { hsCode: '2208.90', quantity: 1, unitPrice: { amount: '50.00', currency: 'USD' }, unitWeight: { value: 1.2, unit: 'kg' }, unitVolume: { value: 700, unit: 'ml' } };
    const res = await request(app).post('/quote').send(body({ country: 'DE', postalCode: '10115' }, 'en', [tequila]));
    expectProblem(res, 422, 'MISSING_QUANTITY', 'items.0.alcoholByVolume');
  });

  it('when the Canary Islands postcode 35001 is sent, then 200 with IGIC and no IVA line', async () => {
    const res = await request(app).post('/quote').send(body({ country: 'ES', postalCode: '35001' }, 'en'));
    expect(res.status).toBe(200);
    const codes = (res.body.options[0].taxes.lines as { code: string }[]).map((l) => l.code);
    expect(codes).toEqual(['IGIC']);
  });
});
