import pino from 'pino';
import { quoteLandedCost, SLICED_ABOVE_ITEMS } from '../../src/quote/quote-landed-cost';
import type { QuoteDeps } from '../../src/quote/quote-deps';
import { quoteRequestSchema } from '../../src/schema/quote-request-schema';
import { D } from '../../src/domain/money';
import { buildQuote, buildQuoteInSlices } from '../../src/quote/build-quote';
import { input, item, NO_HOLIDAYS, RATES, service, tariff } from '../helpers/engine-fixtures';
import { FakeCarrier, testSnapshot } from '../helpers/http-fixtures';

/** Six carriers, one option each (FakeCarrier: 20.00 USD a kg). */
const snapshot = testSnapshot(Array.from({ length: 6 }, (_, i) => new FakeCarrier(`fake-${i}`, `Fake ${i}`)));
const deps: QuoteDeps & { logger: pino.Logger } = {
  data: () => snapshot, holidays: NO_HOLIDAYS, timeZoneOf: () => 'America/Mexico_City', clock: () => new Date('2026-11-25T15:00:00Z'), newId: () => 'q_slices', logger: pino({ level: 'silent' }),
};

function cart(items: number) {
  return quoteRequestSchema.parse({
    origin: { country: 'MX' }, destination: { country: 'US' }, shipDate: '2026-11-26',
    items: Array.from({ length: items }, (_, i) => ({ hsCode: '6109.10', quantity: 1, unitPrice: { amount: `${10 + i}.00`, currency: 'USD' }, unitWeight: { value: 0.01, unit: 'kg' } })),
  });
}

/** How many turns of the event loop other work got while `work` ran. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: T }> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work();
  done = true;
  return { turns, result };
}

describe(`a cart over ${SLICED_ABOVE_ITEMS} items does not hold the event loop (issue 13.10)`, () => {
  it('when 1,000 items are quoted with 6 carrier options, then other work gets at least one turn per option', async () => {
    const { turns, result } = await turnsDuring(() => quoteLandedCost(cart(1000), deps, { locale: 'en' }));
    expect(result.options).toHaveLength(6);
    expect(turns).toBeGreaterThanOrEqual(6);
  });

  it('when the destination values FOB, then the 1,000 item duties are resolved 100 a turn before the 6 options: at least 10 + 6 turns for other work', async () => {
    expect(snapshot.tariffs.get('US')!.file.periods.every((p) => p.valuation.basis === 'FOB')).toBe(true);
    const { turns, result } = await turnsDuring(() => quoteLandedCost(cart(1000), deps, { locale: 'en' }));
    expect(result.options).toHaveLength(6);
    expect(turns).toBeGreaterThanOrEqual(16);
  });

  it('when a CIF cart of 150 items is priced in slices (duties not resolved ahead: each option has its own customs value), then the answer is exactly the one buildQuote gives in one go', async () => {
    const cif = tariff({}, { valuation: { basis: 'CIF', source: 'test' } });
    const q = input({ items: Array.from({ length: 150 }, (_, i) => item({ index: i, unitPrice: new D(`${10 + i}.00`) })) });
    const ctx = { tariff: cif, rates: RATES, rated: { options: [service('12.00'), service('9.00', 'USD', { carrier: 'other' })], rejections: [] },
      holidays: NO_HOLIDAYS, originTimeZone: 'America/Mexico_City', now: new Date('2026-11-25T15:00:00Z'), quoteId: 'q_same', validForHours: 24 };
    const sliced = await buildQuoteInSlices(q, ctx, () => new Promise((r) => setImmediate(r)));
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(buildQuote(q, ctx)));
  });

  it('when the engine prices in slices, then the answer is exactly the one buildQuote gives in one go', async () => {
    const q = input({ items: Array.from({ length: 150 }, (_, i) => item({ index: i, unitPrice: new D(`${10 + i}.00`) })) });
    const ctx = { tariff: tariff(), rates: RATES, rated: { options: [service('12.00'), service('9.00', 'USD', { carrier: 'other' }), service('30.00', 'MXN', { carrier: 'third' })], rejections: [] },
      holidays: NO_HOLIDAYS, originTimeZone: 'America/Mexico_City', now: new Date('2026-11-25T15:00:00Z'), quoteId: 'q_same', validForHours: 24 };
    const sliced = await buildQuoteInSlices(q, ctx, () => new Promise((r) => setImmediate(r)));
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(buildQuote(q, ctx)));
  });

  it(`when the cart has ${SLICED_ABOVE_ITEMS} items or fewer, then it is priced in one go`, async () => {
    const { turns, result } = await turnsDuring(() => quoteLandedCost(cart(SLICED_ABOVE_ITEMS), deps, { locale: 'en' }));
    expect(result.options).toHaveLength(6);
    expect(turns).toBeLessThan(6);
  });
});
