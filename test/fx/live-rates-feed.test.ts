import pino from 'pino';
import request from 'supertest';
import { LiveRates } from '../../src/fx/live/live-rates';
import type { LiveFxConfig } from '../../src/fx/live/live-fx-config';
import { originOf, type RateTable } from '../../src/fx/rate-table';
import { composeRates, loadRateLayers } from '../../src/fx/snapshot-loader';
import { defaultDataPaths } from '../../src/data/load-data';
import { join } from 'node:path';
import { testApp, testSnapshot, exampleBody } from '../helpers/http-fixtures';
import { startFeedServer } from './live-feed-fixtures';

const LAYERS = loadRateLayers(defaultDataPaths(join(__dirname, '..', '..')));
const ECB = 'European Central Bank euro foreign exchange reference rates';

describe('live exchange rates against a local feed server', () => {
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  beforeEach(async () => {
    feed = await startFeedServer();
  });
  afterEach(async () => {
    await feed.close();
  });

  let now = new Date('2026-12-02T09:00:00Z');
  function live(config: Partial<LiveFxConfig> = {}) {
    const changes: RateTable[] = [];
    const rates = new LiveRates(LAYERS, {
      ecb: { url: `${feed.url}/ecb`, refreshMs: 3_600_000 },
      banxico: { url: `${feed.url}/banxico`, token: 'test-token', refreshMs: 3_600_000 },
      // Generous for the feeds that answer (a loaded CI machine); the "slow" cases set 1000 ms.
      timeoutMs: 3000,
      maxAgeDays: 7,
      ...config,
    }, { logger: pino({ level: 'silent' }), clock: () => now, onChange: (t) => changes.push(t) });
    return { rates, changes };
  }

  it('when both feeds answer, then quotes use the ECB day with the FIX for the peso, and say so', async () => {
    now = new Date('2026-12-02T09:00:00Z');
    const { rates, changes } = live();
    await rates.start();
    rates.stop();
    const t = rates.current();
    expect(t.asOf).toBe('2026-12-01');
    // FIX 18.4 MXN/USD × ECB 1.16 USD/EUR = 21.344 MXN/EUR
    expect(t.rates.get('MXN')?.toString()).toBe('21.344');
    expect(t.rates.get('USD')?.toString()).toBe('1.16');
    expect(t.source).toBe(`${ECB} (live feed, fetched 2026-12-02T09:00:00Z)`);
    // The peso's rate carries its own date and source.
    expect(originOf(t, 'MXN')).toEqual({ asOf: '2026-12-01', source: 'Banco de México FIX of 2026-12-01 (fetched 2026-12-02T09:00:00Z), crossed with the USD rate of 2026-12-01', official: true });
    expect(changes.at(-1)).toBe(t);
    expect(rates.status().feeds).toEqual([
      { feed: 'ecb', url: `${feed.url}/ecb`, refreshMinutes: 60, rateDate: '2026-12-01', lastSuccessAt: '2026-12-02T09:00:00Z', lastAttemptAt: '2026-12-02T09:00:00Z' },
      { feed: 'banxico-fix', url: `${feed.url}/banxico`, refreshMinutes: 60, rateDate: '2026-12-01', lastSuccessAt: '2026-12-02T09:00:00Z', lastAttemptAt: '2026-12-02T09:00:00Z' },
    ]);
  });

  it.each([
    ['times out', 'slow', 'no answer within 1000 ms'],
    ['answers 503', 'error', 'HTTP 503 Service Unavailable'],
    ['sends an HTML page', 'garbage', 'ECB XML: not a eurofxref envelope'],
    ['sends half a file', 'truncated', 'ECB XML: no <Cube time="YYYY-MM-DD"> block'],
  ] as const)('when the ECB feed then %s, then the last good rates stay, with when they were fetched and why the refresh failed', async (_what, mode, error) => {
    now = new Date('2026-12-02T09:00:00Z');
    const { rates } = live({ banxico: undefined, timeoutMs: mode === 'slow' ? 1000 : 3000 });
    await rates.refresh('ecb');
    feed.modes.ecb = mode;
    now = new Date('2026-12-02T10:00:00Z');
    await rates.refresh('ecb');
    const t = rates.current();
    expect(t.asOf).toBe('2026-12-01');
    expect(t.rates.get('MXN')?.toString()).toBe('21.5');
    expect(t.source).toBe(`${ECB} (live feed, fetched 2026-12-02T09:00:00Z; the latest refresh failed at 2026-12-02T10:00:00Z: ${error})`);
    expect(rates.status().feeds[0]).toMatchObject({ lastSuccessAt: '2026-12-02T09:00:00Z', lastAttemptAt: '2026-12-02T10:00:00Z', lastError: error });
  });

  it('when the ECB feed has never answered, then the bundled snapshot serves and the source says the feed failed', async () => {
    now = new Date('2026-12-02T09:00:00Z');
    feed.modes.ecb = 'error';
    const { rates } = live({ banxico: undefined });
    await rates.start();
    rates.stop();
    expect(rates.current().asOf).toBe('2026-04-13');
    expect(rates.current().rates.get('MXN')?.toString()).toBe('20.3203');
    expect(rates.current().source).toBe(`${ECB} (bundled snapshot); the live feed failed at 2026-12-02T09:00:00Z: HTTP 503 Service Unavailable`);
  });

  it('when the ECB feed answers with an older day than the one held, then the rates do not go back', async () => {
    const { rates } = live({ banxico: undefined });
    await rates.refresh('ecb');
    feed.modes.ecb = 'older';
    await rates.refresh('ecb');
    expect(rates.current().asOf).toBe('2026-12-01');
  });

  it.each([
    ['the token is wrong', { token: 'wrong' }, 'good', 'HTTP 401 Unauthorized'],
    ['the day has no figure', {}, 'no-figure', 'Banxico SIE: series SF43718 holds no figure'],
    ['it times out', {}, 'slow', 'no answer within 1000 ms'],
  ] as const)('when Banxico fails because %s, then MXN comes from the ECB and the source says why', async (_what, over, mode, error) => {
    now = new Date('2026-12-02T09:00:00Z');
    feed.modes.banxico = mode;
    const { rates } = live({ banxico: { url: `${feed.url}/banxico`, token: 'test-token', refreshMs: 3_600_000, ...over }, ...(mode === 'slow' ? { timeoutMs: 1000 } : {}) });
    await rates.start();
    rates.stop();
    expect(rates.current().rates.get('MXN')?.toString()).toBe('21.5');
    expect(rates.current().source).toBe(`${ECB} (live feed, fetched 2026-12-02T09:00:00Z); Banco de México FIX unavailable since 2026-12-02T09:00:00Z (${error}), MXN from the ECB`);
  });

  it('when no feed is configured, then nothing is fetched and the bundled tables serve unchanged', async () => {
    const { rates, changes } = live({ ecb: undefined, banxico: undefined });
    const before = rates.current();
    await rates.start();
    expect(rates.current()).toBe(before);
    expect(rates.current()).toEqual(composeRates(LAYERS));
    expect(changes).toEqual([]);
    expect(feed.hits).toEqual({ ecb: 0, banxico: 0, market: 0 });
  });
});

describe('the exchange-rate age note', () => {
  // The test rates are of 2026-11-20 and the test clock 2026-11-25T15:00Z: 5 days old.
  it.each([
    [undefined, 'FX_RATES', 'info'],
    [7, 'FX_RATES', 'info'],
    [5, 'FX_RATES', 'info'],
    [4, 'FX_RATES_OLD', 'warning'],
  ])('when the allowed age is %s days, then 5-day-old rates give %s (%s)', async (maxAge, code, severity) => {
    const app = testApp({ data: () => testSnapshot(), ...(maxAge !== undefined ? { fxMaxAgeDays: maxAge } : {}) });
    const res = await request(app).post('/quote').send(exampleBody());
    expect(res.status).toBe(200);
    const note = (res.body.notes as { code: string; severity: string; text: string }[]).find((n) => n.code.startsWith('FX_RATES'));
    expect(note).toMatchObject({ code, severity });
    expect(note?.text).toContain('5 días de antigüedad');
  });
});
