import type { LiveDeps } from '../../../src/carriers/live/live-http';
import { redactText } from '../../../src/carriers/live/redact';
import { vendorErrorDetail } from '../../../src/carriers/live/vendor-error';
import { amounts, option } from '../rate-helpers';
import { FakeVendor, json, sequence } from './fake-vendor';
import { DHL_MXN, FEDEX_MXN, FEDEX_TOKEN, PATHS, SECRETS, UPS_MXN, UPS_TOKEN, mxToUs, rater, raters, vendorEnv } from './live-fixtures';

/**
 * The circuit breaker, the OAuth token cache and the redaction of
 * credentials, with a clock the tests move by hand (the HTTP exchanges
 * themselves are real, on 127.0.0.1).
 */
let fake: FakeVendor;
beforeAll(async () => {
  fake = await FakeVendor.start();
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const START = Date.parse('2026-05-04T12:00:00Z');
function clock(): { deps: Partial<LiveDeps>; advance: (ms: number) => void } {
  let now = START;
  return { deps: { now: () => now }, advance: (ms) => (now += ms) };
}

describe('circuit breaker: 2 failures in a row open it for 30 s (DHL, no retries)', () => {
  const tuning = { RETRIES: '0', BREAKER_FAILURES: '2', BREAKER_SECONDS: '30' };

  it('when DHL fails twice, then the third quote does not ask it and the note says until when; after 30 s it is asked again', async () => {
    const { deps, advance } = clock();
    const dhl = rater(raters(vendorEnv(fake.url, ['dhl'], tuning), deps), 'dhl-express');
    fake.on(PATHS.dhl, json(503, { detail: 'maintenance' }));
    await dhl.rate(mxToUs());
    await dhl.rate(mxToUs());
    expect(fake.to(PATHS.dhl)).toHaveLength(2);

    const blocked = await dhl.rate(mxToUs());
    expect(fake.to(PATHS.dhl)).toHaveLength(2);
    // Opened at 12:00:00 (the clock has not moved) + 30 s.
    expect(option(blocked, 'express-worldwide').notes[0]?.text.en).toBe(
      'Live rates from DHL Express failed (not asked: 2 failures in a row, asked again after 2026-05-04T12:00:30Z); its table prices are shown.',
    );

    advance(30_000);
    fake.on(PATHS.dhl, json(200, DHL_MXN));
    const back = await dhl.rate(mxToUs());
    expect(fake.to(PATHS.dhl)).toHaveLength(3);
    expect(amounts(option(back, 'express-worldwide'))).toEqual([['base', '987.65'], ['fuel', '246.91']]);

    // Closed again: one more failure does not open it.
    fake.on(PATHS.dhl, json(503, {}));
    await dhl.rate(mxToUs());
    await dhl.rate(mxToUs());
    expect(fake.to(PATHS.dhl)).toHaveLength(5);
  });

  it('when DHL refuses one odd shipment (HTTP 400), then that does not open the breaker', async () => {
    const dhl = rater(raters(vendorEnv(fake.url, ['dhl'], tuning), clock().deps), 'dhl-express');
    fake.on(PATHS.dhl, json(400, { detail: 'Postal code 99999 is not valid for US' }));
    for (let i = 0; i < 3; i++) await dhl.rate(mxToUs());
    expect(fake.to(PATHS.dhl)).toHaveLength(3);
  });
});

describe('OAuth tokens are cached until shortly before they expire', () => {
  it.each([
    // FedEx: expires_in 3599 (a number); UPS: "14399" (a string of seconds). Each is renewed 60 s early.
    ['FedEx', 'fedex', 'fedex', PATHS.fedexToken, FEDEX_TOKEN, PATHS.fedexRates, FEDEX_MXN, 3599],
    ['UPS', 'ups', 'ups', PATHS.upsToken, UPS_TOKEN, PATHS.upsRates, UPS_MXN, 14_399],
  ] as const)('%s: quotes sign in once; expires_in − 60 s later the next quote signs in again', async (_name, vendor, id, tokenPath, token, ratesPath, answer, seconds) => {
    const { deps, advance } = clock();
    const carrier = rater(raters(vendorEnv(fake.url, [vendor]), deps), id);
    fake.on(tokenPath, json(200, token)).on(ratesPath, json(200, answer));
    await carrier.rate(mxToUs());
    await carrier.rate(mxToUs());
    expect([fake.to(tokenPath).length, fake.to(ratesPath).length]).toEqual([1, 2]);
    advance((seconds - 60) * 1000 - 1);
    await carrier.rate(mxToUs());
    expect(fake.to(tokenPath)).toHaveLength(1);
    advance(1);
    await carrier.rate(mxToUs());
    expect(fake.to(tokenPath)).toHaveLength(2);
  });

  it('FedEx: quotes made at the same time share one sign-in', async () => {
    const fedex = rater(raters(vendorEnv(fake.url, ['fedex']), clock().deps), 'fedex');
    fake.on(PATHS.fedexToken, json(200, FEDEX_TOKEN)).on(PATHS.fedexRates, json(200, FEDEX_MXN));
    await Promise.all([fedex.rate(mxToUs()), fedex.rate(mxToUs()), fedex.rate(mxToUs())]);
    expect([fake.to(PATHS.fedexToken).length, fake.to(PATHS.fedexRates).length]).toEqual([1, 3]);
  });

  it('when the vendor rejects a cached token (HTTP 401), then the retry signs in again and gets the price', async () => {
    const fedex = rater(raters(vendorEnv(fake.url, ['fedex']), clock().deps), 'fedex');
    fake.on(PATHS.fedexToken, json(200, FEDEX_TOKEN)).on(PATHS.fedexRates, sequence(json(401, { errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'Access token expired.' }] }), json(200, FEDEX_MXN)));
    const result = await fedex.rate(mxToUs());
    expect(option(result, 'international-priority').status).toBe('contract');
    expect([fake.to(PATHS.fedexToken).length, fake.to(PATHS.fedexRates).length]).toEqual([2, 2]);
  });
});

describe('credentials never leave', () => {
  it('when DHL echoes the account and a URL with a key in its error, then the note shows neither', async () => {
    const dhl = rater(raters(vendorEnv(fake.url, ['dhl'], { RETRIES: '0' })), 'dhl-express');
    fake.on(PATHS.dhl, json(400, { detail: `Account ${SECRETS.dhlAccount} may not rate; see https://u:p@help.example.com/rates?key=${SECRETS.dhlKey}#x` }));
    const note = option(await dhl.rate(mxToUs()), 'express-worldwide').notes[0];
    expect(note?.text.en).toBe('Live rates from DHL Express failed (answered HTTP 400: Account *** may not rate; see https://[redacted]@help.example.com/rates?[redacted]); its table prices are shown.');
  });

  it('redactText masks configured secrets, Authorization values and URL credentials and queries', () => {
    expect(redactText('Basic ZGhsOmtleQ== and Bearer abc.def.ghi and Token key_live_123456 sent', [])).toBe('Basic *** and Bearer *** and Token *** sent');
    expect(redactText('at http://admin:hunter2@10.0.0.1:8080/v1/rates?token=zzz, ok', [])).toBe('at http://[redacted]@10.0.0.1:8080/v1/rates?[redacted], ok');
    expect(redactText('client s3cr3t-id refused', ['s3cr3t-id', '12'])).toBe('client *** refused');
  });

  it("vendorErrorDetail reads each vendor's error shape, on one line, at most 200 characters", () => {
    expect(vendorErrorDetail('{"detail":"998: Invalid\\n  value","title":"Bad request"}')).toBe('998: Invalid value');
    expect(vendorErrorDetail('{"errors":[{"code":"X.Y","message":"FedEx says no"}]}')).toBe('FedEx says no');
    expect(vendorErrorDetail('{"response":{"errors":[{"code":"250002","message":"UPS says no"}]}}')).toBe('UPS says no');
    expect(vendorErrorDetail('{"error":"invalid_client","error_description":"Bad secret"}')).toBe('Bad secret');
    expect(vendorErrorDetail(JSON.stringify({ detail: 'x'.repeat(300) }))).toHaveLength(200);
    expect(vendorErrorDetail('<html>502</html>')).toBeUndefined();
  });
});
