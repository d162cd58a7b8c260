import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { defaultDataPaths } from '../../src/data/load-data';
import { LiveRates } from '../../src/fx/live/live-rates';
import type { LiveFxConfig } from '../../src/fx/live/live-fx-config';
import { parseMarketJson } from '../../src/fx/live/market-json';
import { originOf } from '../../src/fx/rate-table';
import { loadRateLayers } from '../../src/fx/snapshot-loader';
import { exampleBody, testApp, testSnapshot } from '../helpers/http-fixtures';
import { realTariff } from '../quote/destinations/destination-fixtures';
import { marketJson, startFeedServer } from './live-feed-fixtures';

const LAYERS = loadRateLayers(defaultDataPaths(join(__dirname, '..', '..')));
const LIVE_MARKET = 'fawazahmed0 currency-api market rates (live feed, fetched 2026-12-02T09:00:00Z)';

describe('the market-rate feed answer (fawazahmed0 currency-api, EUR)', () => {
  it('when it answers, then ISO currencies are kept as decimals, crypto and EUR left out, and the table is not official', () => {
    const t = parseMarketJson(marketJson());
    expect([t.asOf, t.base, t.official]).toEqual(['2026-12-01', 'EUR', false]);
    expect(t.rates.get('CLP')?.toString()).toBe('1105.25');
    expect([...t.rates.keys()].sort()).toEqual(['ARS', 'CLP', 'MXN', 'PEN', 'USD']);
  });

  it.each([
    ['an HTML page', '<html>Bad gateway</html>', 'market rates feed: the answer is not JSON'],
    ['another date format', JSON.stringify({ date: '2026.12.1', eur: { usd: 1.1, mxn: 21 } }), 'market rates feed: unexpected shape at date: expected a date as YYYY-MM-DD, got "2026.12.1"'],
    ['a negative rate', JSON.stringify({ date: '2026-12-01', eur: { usd: 1.1, mxn: -21 } }), 'market rates feed: unexpected shape at eur.mxn: expected a positive rate'],
    ['a rate as text', JSON.stringify({ date: '2026-12-01', eur: { usd: '1.1', mxn: 21 } }), 'market rates feed: unexpected shape at eur.usd'],
    ['no peso', JSON.stringify({ date: '2026-12-01', eur: { usd: 1.1 } }), 'market rates feed: no MXN rate'],
    ['another base', JSON.stringify({ date: '2026-12-01', usd: { mxn: 18 } }), 'market rates feed: unexpected shape at eur'],
  ])('when it is %s, then it is refused with a precise message', (_what, text, message) => {
    expect(() => parseMarketJson(text)).toThrow(message);
  });
});

describe('live market rates against a local feed server', () => {
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  beforeEach(async () => {
    feed = await startFeedServer();
  });
  afterEach(async () => {
    await feed.close();
  });
  const now = new Date('2026-12-02T09:00:00Z');
  const live = (config: Partial<LiveFxConfig> = {}) =>
    new LiveRates(LAYERS, {
      ecb: { url: `${feed.url}/ecb`, refreshMs: 3_600_000 },
      market: { url: `${feed.url}/market`, refreshMs: 3_600_000 },
      timeoutMs: 3000,
      maxAgeDays: 7,
      ...config,
    }, { logger: pino({ level: 'silent' }), clock: () => now });

  it('when the ECB and market feeds answer, then CLP is the live market rate and MXN stays the ECB\'s', async () => {
    const rates = live();
    await rates.start();
    rates.stop();
    const t = rates.current();
    expect(t.rates.get('CLP')?.toString()).toBe('1105.25');
    expect(originOf(t, 'CLP')).toEqual({ asOf: '2026-12-01', source: LIVE_MARKET, official: false });
    // The market feed says MXN 21.52; the ECB's 21.5 wins: market rates only fill what no official source quotes.
    expect(t.rates.get('MXN')?.toString()).toBe('21.5');
    expect(originOf(t, 'MXN').official).toBe(true);
    // GTQ is not in this market answer: the bundled market row of 2026-09-29 stays.
    expect(t.rates.get('GTQ')?.toString()).toBe('8.6748075');
    expect(feed.hits).toMatchObject({ ecb: 1, market: 1, banxico: 0 });
  });

  it.each([
    // BCRA ARS of 2026-10-08 is 54 days older than the live market's 2026-12-01: over 7 days, the market's 1790.5 is used.
    [7, '1790.5', false],
    // Within 90 days the official rate stays first.
    [90, '1699.02705', true],
  ])('when the allowed age is %s days, then ARS is %s (official: %s); COP, missing from the feed, stays Banco de la República\'s', async (maxAgeDays, ars, official) => {
    const rates = live({ maxAgeDays });
    await rates.start();
    rates.stop();
    const t = rates.current();
    expect([t.rates.get('ARS')?.toString(), originOf(t, 'ARS').official]).toEqual([ars, official]);
    expect([t.rates.get('COP')?.toString(), originOf(t, 'COP').asOf]).toEqual(['3630.1367', '2026-10-08']);
  });

  it.each([
    ['answers 503', 'error', 'HTTP 503 Service Unavailable'],
    ['sends an HTML page', 'garbage', 'market rates feed: the answer is not JSON'],
    ['sends half an answer', 'truncated', 'market rates feed: the answer is not JSON'],
  ] as const)('when the market feed %s before ever answering, then the bundled market rates serve and say why', async (_what, mode, error) => {
    feed.modes.market = mode;
    const rates = live({ ecb: undefined });
    await rates.start();
    rates.stop();
    const t = rates.current();
    expect(t.rates.get('CLP')?.toString()).toBe('1099.4163');
    expect(originOf(t, 'CLP')).toEqual({ asOf: '2026-09-29', source: `fawazahmed0 currency-api market rates (bundled); the live feed failed at 2026-12-02T09:00:00Z: ${error}`, official: false });
    expect(rates.status().feeds[0]).toMatchObject({ feed: 'market', lastError: error });
  });

  it('when the market feed later answers an older day, then the rates do not go back', async () => {
    const rates = live({ ecb: undefined });
    await rates.refresh('market');
    feed.modes.market = 'older';
    await rates.refresh('market');
    expect(originOf(rates.current(), 'CLP').asOf).toBe('2026-12-01');
  });

  it('when start() is called, then quotes have the bundled rates at once and the feeds swap in when they answer (start-up never waits)', async () => {
    feed.modes.ecb = 'slow';
    const rates = live({ timeoutMs: 1000 });
    const started = rates.start();
    // Nothing fetched yet: the bundled tables, ECB of 2026-04-13 and the market table of 2026-09-29.
    expect(rates.current().asOf).toBe('2026-04-13');
    expect(rates.current().rates.get('CLP')?.toString()).toBe('1099.4163');
    await started;
    rates.stop();
    expect(rates.current().rates.get('CLP')?.toString()).toBe('1105.25');
    expect(rates.current().source).toBe('European Central Bank euro foreign exchange reference rates (bundled snapshot); the live feed failed at 2026-12-02T09:00:00Z: no answer within 1000 ms');
  });

  it('when a CL quote uses the live market rate, then the answer names it, its date and that it is not official, but never the feed URL', async () => {
    const rates = live();
    await rates.start();
    rates.stop();
    const data = { ...testSnapshot(), rates: rates.current(), tariffs: new Map([['CL', realTariff('CL')]]) };
    const res = await request(testApp({ data: () => data })).post('/quote').send({ ...exampleBody(), destination: { country: 'CL' }, currency: undefined });
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe('CLP');
    expect(res.body.exchangeRates.details.CLP).toEqual({ asOf: '2026-12-01', source: LIVE_MARKET, official: false });
    // 700 MXN / 21.5 (live ECB) × 1105.25 (live market) = 35984.88 → 35985 CLP
    expect(res.body.goodsValue).toBe('35985');
    const fx = (res.body.notes as { code: string; text: string }[]).find((n) => n.code.startsWith('FX_RATES'));
    expect(fx?.text).toContain(`CLP: ${LIVE_MARKET} del 2026-12-01, tipo de mercado, no oficial.`);
    expect(JSON.stringify(res.body)).not.toContain(feed.url);
  });
});
