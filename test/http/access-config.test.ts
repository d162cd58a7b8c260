import { createHash } from 'node:crypto';
import { AccessConfigError, accessConfigFromEnv } from '../../src/http/access/access-config';
import { matchKey, presentedKey } from '../../src/http/access/api-key-guard';
import type { Request } from 'express';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const H1 = sha('fk_test_one');
const H2 = sha('fk_test_two');
const noFile = () => {
  throw new Error('no file expected');
};

describe('access configuration from the environment', () => {
  it('when nothing is set, then no keys, 120 a minute, 10 failed-key attempts a minute per address and no CORS origins', () => {
    expect(accessConfigFromEnv({}, noFile)).toEqual({ keys: [], ratePerMinute: 120, failedKeyAttemptsPerMinute: 10, corsOrigins: [] });
  });

  it('when keys come from the variable and a file, then all are kept; a bare hash is named by its first 8 digits', () => {
    const file = JSON.stringify([{ name: 'backend', sha256: H2.toUpperCase(), ratePerMinute: 600 }]);
    const c = accessConfigFromEnv({
      FRONTERA_API_KEYS_SHA256: ` storefront:${H1} , ${H2.slice(0, 63)}a`,
      FRONTERA_API_KEYS_FILE: '/etc/frontera/keys.json',
      FRONTERA_RATE_LIMIT_PER_MINUTE: '60',
      FRONTERA_FAILED_KEY_LIMIT_PER_MINUTE: '5',
      CORS_ORIGINS: 'https://tienda.example.mx, http://localhost:5173',
    }, (path) => {
      expect(path).toBe('/etc/frontera/keys.json');
      return file;
    });
    expect(c).toEqual({
      keys: [
        { name: 'storefront', sha256: H1 },
        { name: H2.slice(0, 8), sha256: `${H2.slice(0, 63)}a` },
        { name: 'backend', sha256: H2, ratePerMinute: 600 },
      ],
      ratePerMinute: 60,
      failedKeyAttemptsPerMinute: 5,
      corsOrigins: ['https://tienda.example.mx', 'http://localhost:5173'],
    });
  });

  it.each([
    [{ FRONTERA_API_KEYS_SHA256: 'storefront:abc' }, 'FRONTERA_API_KEYS_SHA256 entry 1: expected a sha256 as 64 hex digits, got "abc"'],
    [{ FRONTERA_API_KEYS_SHA256: `shop one:${H1}` }, 'FRONTERA_API_KEYS_SHA256 entry 1: expected a key name of 1 to 64 letters, digits, "_", "." or "-", got "shop one"'],
    [{ FRONTERA_API_KEYS_SHA256: `a:${H1},a:${H2}` }, 'API key name "a" is used twice: names must be unique (they scope rate limits and idempotency keys)'],
    [{ FRONTERA_RATE_LIMIT_PER_MINUTE: '0' }, 'FRONTERA_RATE_LIMIT_PER_MINUTE: expected at least 1 request a minute'],
    [{ FRONTERA_FAILED_KEY_LIMIT_PER_MINUTE: 'ten' }, 'FRONTERA_FAILED_KEY_LIMIT_PER_MINUTE: expected requests a minute as a whole number, got null'],
    [{ CORS_ORIGINS: 'https://tienda.example.mx/checkout' }, 'CORS_ORIGINS entry 1: expected an origin such as "https://shop.example.com" (scheme and host, no path) or "*", got "https://tienda.example.mx/checkout"'],
  ])('when %j, then the error names the variable and entry', (env, message) => {
    expect(() => accessConfigFromEnv(env, noFile)).toThrow(new AccessConfigError(message));
  });

  it('when the key file has a bad entry, then the error names the file and index', () => {
    expect(() => accessConfigFromEnv({ FRONTERA_API_KEYS_FILE: 'keys.json' }, () => '[{"name":"x","sha256":"zz"}]'))
      .toThrow(new AccessConfigError('FRONTERA_API_KEYS_FILE keys.json at 0.sha256: expected a sha256 as 64 hex digits, got "zz"'));
  });
});

describe('matching a presented key', () => {
  const keys = [{ name: 'one', sha256: H1 }, { name: 'two', sha256: H2 }];
  it.each([
    ['fk_test_one', 'one'],
    ['fk_test_two', 'two'],
    ['fk_test_three', undefined],
    ['', undefined],
  ])('when the key is %j, then it matches %s', (key, name) => {
    expect(matchKey(keys, key)?.name).toBe(name);
  });

  it.each([
    [{ authorization: 'Bearer abc' }, 'abc'],
    [{ authorization: 'Basic abc', 'x-api-key': 'def' }, 'def'],
    [{ 'x-api-key': '  ghi ' }, 'ghi'],
    [{}, undefined],
  ])('when the headers are %j, then the presented key is %s', (headers, key) => {
    const req = { get: (h: string) => (headers as Record<string, string>)[h.toLowerCase()] } as unknown as Request;
    expect(presentedKey(req)).toBe(key);
  });
});
