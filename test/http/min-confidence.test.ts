import request from 'supertest';
import type { CarrierRater, DutyDependentFee } from '../../src/carriers/carrier-rater';
import { D } from '../../src/domain/money';
import { applyMinConfidence, MinConfidenceError } from '../../src/quote/min-confidence';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { input, only, quote, service, tariff } from '../helpers/engine-fixtures';
import { FakeCarrier, exampleBody, expectProblem, testApp, testSnapshot } from '../helpers/http-fixtures';

/**
 * The api.md example to Ontario with the test CA tariff: MFN 10% on 610910 marked confirmed, the
 * valuation basis confirmed, HST 13% unmarked (so `secondary`). The fake carrier is `sourced`.
 */
describe('POST /quote with minConfidence', () => {
  it('when minConfidence is "confirmed" and the only option has a secondary HST line, then 422 MIN_CONFIDENCE_NOT_MET names that line', async () => {
    const res = await request(testApp()).post('/quote').send({ ...exampleBody(), minConfidence: 'confirmed' });
    const body = expectProblem(res, 422, 'MIN_CONFIDENCE_NOT_MET', 'options[0].taxes.lines[0]');
    expect(res.body.errors).toEqual([{
      path: 'options[0].taxes.lines[0]',
      message: 'fake/express: impuesto HST standard es "secondary", por debajo de minConfidence "confirmed"',
      carrier: 'fake',
      service: 'express',
      kind: 'tax',
      code: 'HST',
      rule: 'standard',
      confidence: 'secondary',
    }]);
    expect(body.detail).toBe('Ninguna opción alcanza la confianza mínima "confirmed": 1 cifra está por debajo (vea "errors"). Sin minConfidence se responde con esas cifras.');
  });

  it.each(['secondary', 'estimated'])('when minConfidence is "%s", then the secondary option is answered as without it', async (min) => {
    const res = await request(testApp()).post('/quote').send({ ...exampleBody(), minConfidence: min });
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    expect(q.options.map((o) => [o.carrier, o.confidence.level])).toEqual([['fake', 'secondary']]);
    expect(q.options[0]!.duties.lines.map((l) => [l.rule, l.confidence])).toEqual([['MFN', 'confirmed']]);
    expect(q.confidence).toEqual({ lowest: 'secondary', byLevel: { confirmed: 0, secondary: 1, estimated: 0 } });
    expect(q.notes.map((n) => n.code)).not.toContain('MIN_CONFIDENCE_DROPPED');
  });

  it('when one carrier charges a DDP fee from a sample (illustrative) table and minConfidence is "secondary", then only that option is left out, with a note', async () => {
    // A fee on the duties advanced: 2 × the duty, estimated because the table is illustrative.
    const ddp: DutyDependentFee = { code: 'DTP', name: { es: 'DTP', en: 'DTP' }, option: 'ddp', status: 'illustrative', price: (dt) => ({ amount: dt.times(2), working: '2 × duties' }) };
    const sample: CarrierRater = {
      id: 'sample',
      name: 'Sample Express',
      rate: () => ({ options: [service('10', 'USD', { carrier: 'sample', carrierName: 'Sample Express', status: 'illustrative', dutyFees: [ddp] })], rejections: [] }),
    };
    const data = testSnapshot([new FakeCarrier(), sample]);
    const res = await request(testApp({ data: () => data })).post('/quote').send({ ...exampleBody(), minConfidence: 'secondary', locale: 'en' });
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    expect(q.options.map((o) => o.carrier)).toEqual(['fake']);
    expect(q.confidence).toEqual({ lowest: 'secondary', byLevel: { confirmed: 0, secondary: 1, estimated: 0 } });
    expect(q.notes.find((n) => n.code === 'MIN_CONFIDENCE_DROPPED')?.text).toBe('Options below minConfidence "secondary" were left out: sample/express (estimated).');
  });

  it('when minConfidence is not a level, then 422 INVALID_REQUEST names the field', async () => {
    const res = await request(testApp()).post('/quote').send({ ...exampleBody(), locale: 'en', minConfidence: 'high' });
    expectProblem(res, 422, 'INVALID_REQUEST', 'minConfidence');
    expect(res.body.errors[0].message).toBe('expected "confirmed", "secondary" or "estimated", got "high"');
    // The body's locale "es": the same field error in Spanish.
    const es = await request(testApp()).post('/quote').send({ ...exampleBody(), minConfidence: 'high' });
    expect(es.body.errors[0].message).toBe('se esperaba "confirmed", "secondary" o "estimated"; llegó "high"');
  });
});

describe('applyMinConfidence on the engine\'s answer', () => {
  it('when a de minimis threshold marked unconfirmed decided, then the refusal names it as a figure of the option', () => {
    // USD 100 goods ≤ USD 800 duty threshold (unconfirmed): the zero duty line and the threshold are estimates.
    const t = tariff({}, { deMinimis: { duty: [{ id: 'DUTY-800', amount: '800', currency: 'USD', basis: 'goods', source: 'test', confidence: 'unconfirmed' }], tax: [] } });
    const q = quote(t, input(), [service('10')]);
    expect(only(q).confidence.level).toBe('estimated');
    let refused: MinConfidenceError | undefined;
    try {
      applyMinConfidence(q, 'secondary', 'en');
    } catch (err) {
      refused = err as MinConfidenceError;
    }
    expect(refused?.code).toBe('MIN_CONFIDENCE_NOT_MET');
    expect(refused?.errors.map((e) => [e.path, e.kind, e.code, e.rule, e.confidence])).toEqual([
      ['options[0].duties.lines[0]', 'duty', '610910', 'de-minimis', 'estimated'],
      ['options[0].confidence.figures[1]', 'threshold', 'DUTY-800', undefined, 'estimated'],
    ]);
    expect(refused?.errors[1]?.message).toBe('test-carrier/express: threshold DUTY-800 is "estimated", below minConfidence "secondary"');
  });

  it('when the quote has no option (no carrier can take it), then there is nothing to refuse', () => {
    const q = quote(tariff(), input(), []);
    expect(applyMinConfidence(q, 'confirmed', 'en')).toBe(q);
  });

  it('when no minConfidence is given, then the quote is untouched', () => {
    const q = quote(tariff(), input(), [service('10', 'USD', { status: 'illustrative', dutyFees: [{ code: 'X', name: { es: 'X', en: 'X' }, option: 'dap', price: () => ({ amount: new D(1), working: '1' }) }] })]);
    expect(applyMinConfidence(q, undefined, 'en')).toBe(q);
  });
});
