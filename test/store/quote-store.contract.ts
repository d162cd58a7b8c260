import type { QuoteResult } from '../../src/quote/quote-result';
import { DuplicateQuoteIdError, type QuoteStore } from '../../src/store/quote-store';

/** A minimal answer that follows the response schema; `createdAt` is the store's "now" when saving. */
export function sampleQuote(id: string, createdAt: string, validUntil: string): QuoteResult {
  return {
    quoteId: id,
    createdAt,
    validUntil,
    currency: 'CAD',
    incoterm: 'DDP',
    locale: 'es',
    goodsValue: '52.50',
    exchangeRates: {
      asOf: '2026-11-20',
      source: 'test rates',
      base: 'CAD',
      rates: { MXN: '13.33333333' },
      details: { CAD: { asOf: '2026-11-20', source: 'test rates', official: true }, MXN: { asOf: '2026-11-20', source: 'test rates', official: true } },
    },
    dataDates: { tariff: '2026-11-25', exchangeRates: '2026-11-20', carriers: { fake: '2026-01-01' } },
    options: [],
    confidence: { byLevel: { confirmed: 0, secondary: 0, estimated: 0 } },
    notes: [{ code: 'ESTIMATE', severity: 'info', text: 'Estimación, no una resolución aduanera.' }],
    optionNotes: {},
    sources: {},
  };
}

const T0 = '2026-11-25T15:00:00Z';
const T1 = '2026-11-26T15:00:00Z';
const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);

/**
 * The behaviour every QuoteStore must have. `open` returns a store on the
 * same, initially empty, backing storage every time it is called (so a
 * second call is "after a restart"); `cleanup` removes that storage.
 */
export function quoteStoreContract(
  name: string,
  open: () => Promise<QuoteStore>,
  cleanup: () => Promise<void> = async () => undefined,
  openEmptyWithBudget?: (maxBytes: number) => Promise<QuoteStore>,
): void {
  describe(`${name}: the QuoteStore contract`, () => {
    let store: QuoteStore;
    const opened: QuoteStore[] = [];
    const openTracked = async () => {
      const s = await open();
      opened.push(s);
      return s;
    };
    let n = 0;
    const id = () => `q_contract_${++n}`;

    beforeAll(async () => {
      store = await openTracked();
    });
    afterAll(async () => {
      for (const s of opened) await s.close();
      await cleanup();
    });

    it('when a quote is saved, then get returns it unchanged, key order included, until just before it expires', async () => {
      const q = sampleQuote(id(), T0, T1);
      await store.save(q, new Date(T1));
      const got = await store.get(q.quoteId, at(T1, -1));
      expect(JSON.stringify(got)).toBe(JSON.stringify(q));
    });

    it.each([
      ['at the expiry instant', 0],
      ['one millisecond after it', 1],
      ['a day after it', 86_400_000],
    ])('when the clock is %s, then get finds nothing', async (_when, ms) => {
      const q = sampleQuote(id(), T0, T1);
      await store.save(q, new Date(T1));
      expect(await store.get(q.quoteId, at(T1, ms))).toBeUndefined();
    });

    it('when the id was never saved, then get finds nothing', async () => {
      expect(await store.get('q_never', at(T0))).toBeUndefined();
    });

    it('when the same quote id is saved twice, then the second save rejects with DuplicateQuoteIdError', async () => {
      const q = sampleQuote(id(), T0, T1);
      await store.save(q, new Date(T1));
      await expect(store.save(q, new Date(T1))).rejects.toThrow(new DuplicateQuoteIdError(q.quoteId));
      await expect(store.save(q, new Date(T1))).rejects.toBeInstanceOf(DuplicateQuoteIdError);
    });

    it('when a quote is saved under an idempotency key, then findByIdempotencyKey returns it with the body hash until it expires', async () => {
      const q = sampleQuote(id(), T0, T1);
      const saved = await store.save(q, new Date(T1), { key: 'shop-a k1', bodyHash: 'h1' });
      expect(saved.quote.quoteId).toBe(q.quoteId);
      const found = await store.findByIdempotencyKey('shop-a k1', at(T1, -1));
      expect(found?.quote).toEqual(q);
      expect(found?.idempotency).toEqual({ key: 'shop-a k1', bodyHash: 'h1' });
      expect(found?.expiresAt.toISOString()).toBe('2026-11-26T15:00:00.000Z');
      expect(await store.findByIdempotencyKey('shop-a k1', at(T1))).toBeUndefined();
      expect(await store.findByIdempotencyKey('shop-b k1', at(T0))).toBeUndefined();
    });

    it('when a second quote comes under a key whose quote is still valid, then the first is returned and the second is not kept', async () => {
      const first = sampleQuote(id(), T0, T1);
      const second = sampleQuote(id(), '2026-11-25T16:00:00Z', '2026-11-26T16:00:00Z');
      await store.save(first, new Date(T1), { key: 'shop-a k2', bodyHash: 'h1' });
      const res = await store.save(second, new Date('2026-11-26T16:00:00Z'), { key: 'shop-a k2', bodyHash: 'h2' });
      expect(res.quote.quoteId).toBe(first.quoteId);
      expect(res.idempotency).toEqual({ key: 'shop-a k2', bodyHash: 'h1' });
      expect(await store.get(second.quoteId, at(T0))).toBeUndefined();
    });

    it('when the quote under a key has expired, then a new quote may take the key', async () => {
      const old = sampleQuote(id(), T0, T1);
      const fresh = sampleQuote(id(), '2026-11-27T00:00:00Z', '2026-11-28T00:00:00Z');
      await store.save(old, new Date(T1), { key: 'shop-a k3', bodyHash: 'h1' });
      const res = await store.save(fresh, new Date('2026-11-28T00:00:00Z'), { key: 'shop-a k3', bodyHash: 'h2' });
      expect(res.quote.quoteId).toBe(fresh.quoteId);
      expect((await store.findByIdempotencyKey('shop-a k3', at('2026-11-27T00:00:00Z')))?.idempotency?.bodyHash).toBe('h2');
    });

    it('when five saves race under one key, then all five get the same quote and only it is kept', async () => {
      const qs = [1, 2, 3, 4, 5].map(() => sampleQuote(id(), T0, T1));
      const results = await Promise.all(qs.map((q) => store.save(q, new Date(T1), { key: 'shop-a race', bodyHash: 'h' })));
      const winners = new Set(results.map((r) => r.quote.quoteId));
      expect(winners.size).toBe(1);
      const kept = await Promise.all(qs.map((q) => store.get(q.quoteId, at(T0))));
      expect(kept.filter((k) => k !== undefined).map((k) => k?.quoteId)).toEqual([...winners]);
    });

    it('when purgeExpired runs, then it deletes exactly the quotes expired at that instant', async () => {
      const before = await store.purgeExpired(at('2030-01-01T00:00:00Z'));
      expect(before).toBeGreaterThanOrEqual(0);
      const a = sampleQuote(id(), '2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z');
      const b = sampleQuote(id(), '2030-01-01T00:00:00Z', '2030-01-03T00:00:00Z');
      await store.save(a, new Date('2030-01-02T00:00:00Z'));
      await store.save(b, new Date('2030-01-03T00:00:00Z'));
      // a expires at 2030-01-02T00:00Z (≤ now), b at 2030-01-03 (> now): one row goes.
      expect(await store.purgeExpired(at('2030-01-02T00:00:00Z'))).toBe(1);
      expect(await store.get(b.quoteId, at('2030-01-02T00:00:00Z'))).toBeDefined();
    });

    it('when a quote is saved with an owner, then only that reader (or a caller without keys) gets it; an unowned quote any reader gets (issue 13.8)', async () => {
      const owned = sampleQuote(id(), T0, T1);
      const unowned = sampleQuote(id(), T0, T1);
      await store.save(owned, new Date(T1), undefined, { owner: 'shop-a' });
      await store.save(unowned, new Date(T1));
      expect((await store.get(owned.quoteId, at(T0), 'shop-a'))?.quoteId).toBe(owned.quoteId);
      expect(await store.get(owned.quoteId, at(T0), 'shop-b')).toBeUndefined();
      expect((await store.get(owned.quoteId, at(T0)))?.quoteId).toBe(owned.quoteId);
      expect((await store.get(unowned.quoteId, at(T0), 'shop-b'))?.quoteId).toBe(unowned.quoteId);
    });

    it('when the caller hands over the JSON text already made, then that text is what get returns', async () => {
      const q = sampleQuote(id(), T0, T1);
      await store.save(q, new Date(T1), undefined, { json: JSON.stringify(q) });
      expect(JSON.stringify(await store.get(q.quoteId, at(T0)))).toBe(JSON.stringify(q));
    });

    if (openEmptyWithBudget) {
      it('when saves go over the byte budget, then the oldest quotes go first, the newest stay and the total ends within it (issue 13.7)', async () => {
        const ids = Array.from({ length: 10 }, (_, i) => `q_budget_${i}`);
        const quotes = ids.map((qid, i) => sampleQuote(qid, `2026-11-25T15:00:0${i}Z`, T1));
        const size = Buffer.byteLength(JSON.stringify(quotes[0]));
        // Budget 5 quotes; over it, delete down to 90 % = 4.5: the 6th, 8th and 10th saves each delete the 2 oldest.
        const s = await openEmptyWithBudget(5 * size);
        opened.push(s);
        for (const q of quotes) await s.save(q, new Date(T1));
        const kept = await Promise.all(ids.map((qid) => s.get(qid, at(T0))));
        expect(kept.map((q) => q?.quoteId ?? null)).toEqual([null, null, null, null, null, null, 'q_budget_6', 'q_budget_7', 'q_budget_8', 'q_budget_9']);
        expect(await s.storedBytes()).toBe(4 * size);
      });
    }

    it('when quotes are saved and purged, then storedBytes adds and takes their JSON sizes', async () => {
      const before = await store.storedBytes();
      const q = sampleQuote(id(), '2031-01-01T00:00:00Z', '2031-01-02T00:00:00Z');
      await store.save(q, new Date('2031-01-02T00:00:00Z'));
      expect(await store.storedBytes()).toBe(before + Buffer.byteLength(JSON.stringify(q)));
      await store.purgeExpired(at('2031-01-02T00:00:00Z'));
      expect(await store.storedBytes()).toBeLessThanOrEqual(before);
    });

    it('when the store is closed and opened again, then a saved quote and its key are still there', async () => {
      const q = sampleQuote(id(), T0, T1);
      await store.save(q, new Date(T1), { key: 'shop-a restart', bodyHash: 'h' });
      await store.close();
      store = await openTracked();
      expect(await store.get(q.quoteId, at(T0))).toEqual(q);
      expect((await store.findByIdempotencyKey('shop-a restart', at(T0)))?.quote.quoteId).toBe(q.quoteId);
    });
  });
}
