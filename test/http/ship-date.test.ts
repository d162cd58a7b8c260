import request from 'supertest';
import { MAX_SHIP_DATE_AHEAD_DAYS } from '../../src/quote/ship-date';
import { tariff } from '../helpers/engine-fixtures';
import { expectProblem, testApp, testSnapshot } from '../helpers/http-fixtures';

/**
 * An illustrative US file: MFN 10 % on 6109.10, plus a +10 % additional duty on goods of Mexico
 * from 2026-07-24 (shaped like the real Section 301 line, US-2, but test data only).
 */
const US_WITH_LATER_DUTY = tariff({
  duties: {
    default: { duty: { type: 'adValorem', percent: '5' }, source: 'test', confidence: 'confirmed' },
    mfn: [{ hs: '610910', duty: { type: 'adValorem', percent: '10' }, source: 'test', confidence: 'confirmed' }],
    additional: [{
      id: 'TEST-ADD-MX', name: { es: 'Arancel adicional de prueba', en: 'Test additional duty' }, origins: ['MX'],
      duty: { type: 'adValorem', percent: '10' }, effectiveFrom: '2026-07-24', source: 'test', confidence: 'confirmed',
    }],
  },
});

/** The test clock is 2026-11-25T15:00Z: 09:00 in Mexico City, so today at the origin is 2026-11-25. */
const app = () => testApp({ data: () => ({ ...testSnapshot(), tariffs: new Map([['US', US_WITH_LATER_DUTY]]) }) });

function body(shipDate: string, locale: 'es' | 'en' = 'en') {
  return {
    origin: { country: 'MX' }, destination: { country: 'US' }, currency: 'USD', incoterm: 'DDP', shipDate, locale,
    items: [{ hsCode: '6109.10', claimPreference: false, quantity: 1, unitPrice: { amount: '100.00', currency: 'USD' }, unitWeight: { value: 1, unit: 'kg' } }],
  };
}

interface Answer {
  options: { duties: { amount: string; lines: { rule: string; amount: string }[] }; estimatedDelivery: { pickup: string } }[];
  notes: { code: string; severity: string; text: string }[];
}

describe('shipDate is the day the rules apply, and a day in the window (issue 13.3)', () => {
  it('when the ship date is 2026-07-01 (before the +10 % duty) and today is 2026-11-25, then today\'s rules apply: duties 10.00 + 10.00 = 20.00 USD, with a note', async () => {
    const res = await request(app()).post('/quote').send(body('2026-07-01'));
    expect(res.status).toBe(200);
    const answer = res.body as Answer;
    const option = answer.options[0]!;
    // MFN 10 % × 100.00 = 10.00; additional 10 % × 100.00 = 10.00 (in force on 2026-11-25, not on 2026-07-01)
    expect(option.duties.lines.map((l) => l.amount)).toEqual(['10.00', '10.00']);
    expect(option.duties.amount).toBe('20.00');
    expect(option.estimatedDelivery.pickup).toBe('2026-11-25');
    const note = answer.notes.find((n) => n.code === 'SHIP_DATE_PAST');
    expect(note?.severity).toBe('warning');
    expect(note?.text).toContain('2026-07-01');
    expect(note?.text).toContain('2026-11-25');
  });

  it('when the ship date is in the past and the answer is in Spanish, then the note is in Spanish', async () => {
    const res = await request(app()).post('/quote').send(body('2026-11-24', 'es'));
    expect(res.status).toBe(200);
    const note = (res.body as Answer).notes.find((n) => n.code === 'SHIP_DATE_PAST');
    expect(note?.text).toMatch(/^La fecha de envío 2026-11-24 ya pasó.*2026-11-25/);
  });

  it('when the ship date is today or later, then there is no SHIP_DATE_PAST note and that day\'s rules apply', async () => {
    const res = await request(app()).post('/quote').send(body('2026-11-25'));
    expect(res.status).toBe(200);
    expect((res.body as Answer).notes.map((n) => n.code)).not.toContain('SHIP_DATE_PAST');
    expect((res.body as Answer).options[0]!.duties.amount).toBe('20.00');
  });

  it(`when the ship date is today + ${MAX_SHIP_DATE_AHEAD_DAYS} days (2026-11-25 + 365 = 2026-11-25 next year), then it is quoted`, async () => {
    const res = await request(app()).post('/quote').send(body('2027-11-25'));
    expect(res.status).toBe(200);
  });

  it.each(['2027-11-26', '5000-01-03', '9999-12-24', '9999-12-31'])('when the ship date is %s (over a year ahead), then 422 SHIP_DATE_OUT_OF_RANGE naming shipDate, never a 5xx', async (shipDate) => {
    const res = await request(app()).post('/quote').set('Accept-Language', 'es').send(body(shipDate, 'es'));
    const problem = expectProblem(res, 422, 'SHIP_DATE_OUT_OF_RANGE', 'shipDate');
    expect(problem.errors?.[0]?.message).toContain('2027-11-25');
    expect(problem.title).toBe('Solicitud no válida');
  });
});
