import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { LiveRates } from '../../src/fx/live/live-rates';
import { defaultDataPaths } from '../../src/data/load-data';
import { loadRateLayers } from '../../src/fx/snapshot-loader';
import { redactUrl, redactUrlsIn } from '../../src/schema/redact-url';
import { exampleBody, testApp, testSnapshot } from '../helpers/http-fixtures';
import { startFeedServer } from './live-feed-fixtures';

const LAYERS = loadRateLayers(defaultDataPaths(join(__dirname, '..', '..')));
/** Illustrative secrets: none of them may appear in a status, an answer or a log line. */
const SECRETS = ['s3cr3t-pass', 'TOPSECRETKEY', 'feed-user', 'BMXTOKENQUERY'];

function logSink(): { logger: pino.Logger; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => { chunks.push(chunk.toString()); done(); } });
  return { logger: pino({ level: 'info' }, stream), text: () => chunks.join('') };
}

describe('feed URLs never disclose their credentials (issue 13.6)', () => {
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  beforeEach(async () => {
    feed = await startFeedServer();
  });
  afterEach(() => feed.close());

  it('when the feeds carry user:pass@ and ?apikey= and fail, then /data/status, the quote\'s FX source and the logs show neither', async () => {
    feed.modes.banxico = 'error';
    const host = feed.url.replace('http://', '');
    const logs = logSink();
    const live = new LiveRates(LAYERS, {
      // Node's fetch refuses a URL with credentials, quoting it in the error: the failure must not quote it back.
      ecb: { url: `http://feed-user:s3cr3t-pass@${host}/ecb?apikey=TOPSECRETKEY`, refreshMs: 3_600_000 },
      banxico: { url: `${feed.url}/banxico?token=BMXTOKENQUERY`, token: 'test-token', refreshMs: 3_600_000 },
      timeoutMs: 3000,
      maxAgeDays: 7,
    }, { logger: logs.logger, clock: () => new Date('2026-12-02T09:00:00Z') });
    await live.start();
    live.stop();

    const status = live.status();
    expect(status.feeds.map((f) => f.url)).toEqual([`http://[redacted]@${host}/ecb?[redacted]`, `${feed.url}/banxico?[redacted]`]);
    expect(status.feeds[0]?.lastError).toBeDefined();
    expect(status.feeds[1]?.lastError).toBe('HTTP 503 Service Unavailable');

    const snapshot = { ...testSnapshot(), rates: live.current() };
    const app = testApp({ data: () => snapshot, dataStatus: () => ({ files: [], exchangeRates: live.status() }) });
    const statusRes = await request(app).get('/data/status');
    const quoteRes = await request(app).post('/quote').send(exampleBody());
    expect(statusRes.status).toBe(200);
    expect(quoteRes.status).toBe(200);
    expect(quoteRes.body.exchangeRates.source).toContain('the live feed failed');
    for (const text of [statusRes.text, quoteRes.text, logs.text(), live.current().source]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://user:pass@rates.example.com/v1/daily.xml?apikey=abc&x=1', 'https://[redacted]@rates.example.com/v1/daily.xml?[redacted]'],
    ['https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml', 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml'],
    ['postgres://frontera:pw@db.internal:5432/quotes?sslpassword=x', 'postgres://[redacted]@db.internal:5432/quotes?[redacted]'],
    ['not a url', '[unreadable URL]'],
  ])('when the URL is %s, then it shows as %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it('when a sentence quotes URLs, then each is redacted in place', () => {
    expect(redactUrlsIn('cannot reach http://u:p@h.example/x?k=1: fetch failed (see https://h2.example/y#frag)'))
      .toBe('cannot reach http://[redacted]@h.example/x?[redacted]: fetch failed (see https://h2.example/y)');
  });
});
