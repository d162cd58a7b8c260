import request from 'supertest';
import { bundledHsNomenclature } from '../../src/hs/hs-validity';
import { parseTariffText } from '../../src/tariffs/tariff-loader';
import { tariffJson, RATES } from '../helpers/engine-fixtures';
import { FakeCarrier, expectProblem, testApp } from '../helpers/http-fixtures';
import { realTariff } from '../quote/destinations/destination-fixtures';

/** Special territories through POST /quote with the bundled US.json (US-INSULAR, PR-CUSTOMS) and the loader's checks. */
const app = testApp({ data: () => ({ tariffs: new Map([['US', realTariff('US')]]), carriers: [new FakeCarrier()], rates: RATES, hs: bundledHsNomenclature() }) });

function toUs(destination: Record<string, unknown>, locale = 'es'): Record<string, unknown> {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination,
    currency: 'USD',
    shipDate: '2026-11-26',
    items: [{ hsCode: '6109.10', quantity: 1, unitPrice: { amount: '20.00', currency: 'USD' }, unitWeight: { value: 0.2, unit: 'kg' } }],
    locale,
  };
}

describe('POST /quote to special territories', () => {
  it('when the ZIP is 00802 (US Virgin Islands), then 422 UNSUPPORTED_TERRITORY on destination.postalCode, in Spanish', async () => {
    const res = await request(app).post('/quote').send(toUs({ country: 'US', postalCode: '00802' }));
    const body = expectProblem(res, 422, 'UNSUPPORTED_TERRITORY', 'destination.postalCode');
    expect(body.detail).toContain('Islas Vírgenes de EE. UU. (US, código postal 00802): fuera del territorio aduanero de EE. UU.');
    expect(body.detail).toContain('no se cotiza');
  });

  it('when destination.country is PR, then 422 says to send US with the postcode', async () => {
    const res = await request(app).post('/quote').send(toUs({ country: 'PR', postalCode: '00901' }, 'en'));
    const body = expectProblem(res, 422, 'UNSUPPORTED_DESTINATION', 'destination.country');
    expect(body.errors?.[0]?.message).toBe('Puerto Rico (PR) is quoted as a territory of US: send destination.country "US" with its postcode.');
  });

  it('when destination.country is VI, then 422 says why it is not quoted', async () => {
    const res = await request(app).post('/quote').send(toUs({ country: 'VI' }, 'en'));
    const body = expectProblem(res, 422, 'UNSUPPORTED_DESTINATION', 'destination.country');
    expect(body.errors?.[0]?.message).toMatch(/^U\.S\. Virgin Islands \(VI\) is not quoted: outside the US customs territory/);
  });
});

describe('tariff loader: territory checks', () => {
  const territory = {
    id: 'X-ISLAND',
    name: { es: 'Isla', en: 'Island' },
    postcodes: { regex: '^99\\d{3}$', examples: ['99001', '98001'] },
    customs: 'inside',
    vat: 'outside',
    treatment: { type: 'mainland' },
    source: 'test',
  };
  it('when a territory rule does not match its own example, then the file is refused at that path', () => {
    const r = parseTariffText('US.json', JSON.stringify(tariffJson({ territories: [territory] })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['territories[0].postcodes.examples[1]']);
  });
  it('when a regex is not anchored, or a fee excludes an unknown territory, then refused', () => {
    const bad = { ...territory, postcodes: { regex: '99\\d{3}' } };
    expect(parseTariffText('US.json', JSON.stringify(tariffJson({ territories: [bad] }))).ok).toBe(false);
    const fee = { code: 'F', name: { es: 'F', en: 'F' }, currency: 'USD', charge: { type: 'flat', amount: '1' }, scope: { exceptTerritories: ['NOPE'] }, source: 'test' };
    const r = parseTariffText('US.json', JSON.stringify(tariffJson({}, { fees: [fee] })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['periods[0].fees[0].scope.exceptTerritories[0]']);
  });
});
