import { ECB_DAILY_URL, MARKET_DAILY_URL, liveFxConfigFromEnv } from '../../src/fx/live/live-fx-config';

const BOTH_PUBLIC = {
  ecb: { url: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml', refreshMs: 3_600_000 },
  market: { url: 'https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest/v1/currencies/eur.json', refreshMs: 21_600_000 },
  timeoutMs: 5000,
  maxAgeDays: 7,
};

describe('live exchange-rate settings from the environment', () => {
  it('when nothing is set (development), then no feed is on: the bundled tables, 5 s timeout, 7-day warning age', () => {
    expect(liveFxConfigFromEnv({})).toEqual({ timeoutMs: 5000, maxAgeDays: 7 });
  });

  it('when NODE_ENV=production, then the ECB daily feed (every 60 min) and the market feed (every 360 min) are on at their public URLs', () => {
    expect(liveFxConfigFromEnv({ NODE_ENV: 'production' })).toEqual(BOTH_PUBLIC);
    expect([ECB_DAILY_URL, MARKET_DAILY_URL]).toEqual([BOTH_PUBLIC.ecb.url, BOTH_PUBLIC.market.url]);
  });

  it('when FX_LIVE=on outside production, then both public feeds are on too', () => {
    expect(liveFxConfigFromEnv({ NODE_ENV: 'development', FX_LIVE: 'on' })).toEqual(BOTH_PUBLIC);
  });

  it.each([
    ['FX_LIVE=off in production', { NODE_ENV: 'production', FX_LIVE: 'off', FX_ECB_URL: 'https://example.org/ecb.xml' }],
    ['NODE_ENV=test, even with FX_LIVE=on and URLs set', { NODE_ENV: 'test', FX_LIVE: 'on', FX_ECB_URL: 'https://example.org/ecb.xml', FX_BANXICO_URL: 'https://example.org/b', FX_BANXICO_TOKEN: 't' }],
  ])('when %s, then no feed is on', (_what, env) => {
    expect(liveFxConfigFromEnv(env)).toEqual({ timeoutMs: 5000, maxAgeDays: 7 });
  });

  it('when production turns the market feed off and names another ECB mirror, then only that ECB feed runs', () => {
    expect(liveFxConfigFromEnv({ NODE_ENV: 'production', FX_MARKET_URL: 'off', FX_ECB_URL: 'https://mirror.example.org/eurofxref-daily.xml' })).toEqual({
      ecb: { url: 'https://mirror.example.org/eurofxref-daily.xml', refreshMs: 3_600_000 },
      timeoutMs: 5000,
      maxAgeDays: 7,
    });
  });

  it('when both feeds are set, then their URLs, token and refresh intervals (minutes → ms) are used', () => {
    expect(liveFxConfigFromEnv({
      FX_ECB_URL: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml',
      FX_ECB_REFRESH_MINUTES: '30',
      FX_BANXICO_URL: 'https://www.banxico.org.mx/SieAPIRest/service/v1/series/SF43718/datos/oportuno',
      FX_BANXICO_TOKEN: 'abc',
      FX_TIMEOUT_MS: '2500',
      FX_MAX_AGE_DAYS: '3',
    })).toEqual({
      ecb: { url: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml', refreshMs: 1_800_000 },
      banxico: { url: 'https://www.banxico.org.mx/SieAPIRest/service/v1/series/SF43718/datos/oportuno', token: 'abc', refreshMs: 3_600_000 },
      timeoutMs: 2500,
      maxAgeDays: 3,
    });
  });

  it.each([
    [{ FX_ECB_URL: 'ftp://example.com/rates.xml' }, 'FX_ECB_URL must be an http(s) URL'],
    [{ FX_ECB_REFRESH_MINUTES: 'hourly' }, 'FX_ECB_REFRESH_MINUTES must be a positive number, got "hourly"'],
    [{ FX_MAX_AGE_DAYS: '-1' }, 'FX_MAX_AGE_DAYS must be a positive number, got "-1"'],
    [{ FX_BANXICO_URL: 'https://www.banxico.org.mx/x' }, 'FX_BANXICO_TOKEN is required with FX_BANXICO_URL'],
    [{ FX_LIVE: 'yes' }, 'FX_LIVE must be "on", "off" or "auto", got "yes"'],
    [{ FX_MARKET_URL: 'file:///tmp/eur.json' }, 'FX_MARKET_URL must be an http(s) URL or "off"'],
    [{ FX_BANXICO_URL: 'off', FX_BANXICO_TOKEN: 't' }, 'FX_BANXICO_URL must be an http(s) URL'],
  ])('when %j, then start-up stops with: %s', (env, message) => {
    expect(() => liveFxConfigFromEnv(env)).toThrow(message);
  });
});
