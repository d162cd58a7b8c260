import { liveFxConfigFromEnv } from '../../src/fx/live/live-fx-config';

describe('live exchange-rate settings from the environment', () => {
  it('when nothing is set, then no feed is on: the bundled snapshot, 5 s timeout, 7-day warning age', () => {
    expect(liveFxConfigFromEnv({})).toEqual({ timeoutMs: 5000, maxAgeDays: 7 });
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
  ])('when %j, then start-up stops with: %s', (env, message) => {
    expect(() => liveFxConfigFromEnv(env)).toThrow(message);
  });
});
