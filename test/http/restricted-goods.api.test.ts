import request from 'supertest';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { loadCarrier } from '../carriers/rate-helpers';
import { FakeCarrier, expectProblem, testApp, testSnapshot } from '../helpers/http-fixtures';
import { notesOf } from '../helpers/answer-notes';

/**
 * Restricted goods through POST /quote: the bundled DHL Express table refuses
 * alcoholic beverages to US consumers (rule dhl-us-alcohol-consumers, source
 * dhl-us-import-alcohol); the refusal is the CARRIER_UNAVAILABLE note the form lists.
 */
const snapshot = testSnapshot([new TableCarrierRater(loadCarrier('dhl-express.json')), new FakeCarrier()]);
const app = testApp({ data: () => snapshot });

function tequilaToUs(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country: 'US', postalCode: '78701' },
    currency: 'USD',
    shipDate: '2026-11-26',
    items: [{ description: 'Tequila añejo', hsCode: '2208.90', quantity: 1, unitPrice: { amount: '900.00', currency: 'MXN' }, unitWeight: { value: 1.4, unit: 'kg' } }],
    locale: 'es',
    ...extra,
  };
}

describe('POST /quote with restricted goods', () => {
  it('when tequila goes to a US consumer (the default buyer), then DHL gives no option and the note says why in Spanish; the other carrier still quotes', async () => {
    const res = await request(app).post('/quote').send(tequilaToUs());
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    expect(q.options.map((o) => o.carrier)).toEqual(['fake']);
    const note = q.notes.find((n) => n.code === 'CARRIER_UNAVAILABLE:dhl-express/express-worldwide');
    expect(note?.severity).toBe('warning');
    expect(note?.text).toContain('artículo 1 "Tequila añejo" (HS 220890, bebidas alcohólicas)');
    expect(note?.text).toContain('[regla dhl-us-alcohol-consumers]');
  });

  it('when the buyer is a business, then DHL quotes, with the approval warning on its option', async () => {
    const res = await request(app).post('/quote').send(tequilaToUs({ buyer: 'business', locale: 'en' }));
    const q = quoteResponseSchema.parse(res.body);
    const dhl = q.options.find((o) => o.carrier === 'dhl-express');
    expect(notesOf(q, dhl!).map((n) => n.code)).toContain('RESTRICTED_GOODS:dhl-alcohol-approval');
    expect(notesOf(q, dhl!).find((n) => n.code === 'RESTRICTED_GOODS:dhl-alcohol-approval')?.text).toContain('prior approval');
  });

  it('when buyer is not consumer or business, then 422 names the field', async () => {
    const res = await request(app).post('/quote').send(tequilaToUs({ buyer: 'shop' }));
    const problem = expectProblem(res, 422, 'INVALID_REQUEST', 'buyer');
    expect(problem.errors?.find((e) => e.path === 'buyer')?.message).toMatch(/consumer/);
  });
});
