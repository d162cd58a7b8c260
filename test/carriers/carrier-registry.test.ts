import { buildCarrierRegistry, checkHttpCarrierSettings } from '../../src/carriers/carrier-registry';
import { HttpCarrierRater } from '../../src/carriers/http-carrier-rater';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { loadFixture } from './rate-helpers';

const tables = [loadFixture('tiny-courier.json'), loadFixture('tiny-post.json')];
const kinds = (env: Record<string, string>) =>
  buildCarrierRegistry(tables, env).carriers.map((c) => `${c.id}:${c instanceof HttpCarrierRater ? 'http' : c instanceof TableCarrierRater ? 'table' : '?'}:${c.name}`);

describe('buildCarrierRegistry', () => {
  it('when no HTTP carrier is configured, then every table is a table carrier, in file order', () => {
    expect(kinds({})).toEqual(['tiny-courier:table:Tiny Courier', 'tiny-post:table:Tiny Post']);
  });

  it('when a configured id has a table, then the HTTP carrier takes its place and falls back to it', () => {
    expect(kinds({ FRONTERA_HTTP_CARRIERS: 'tiny-post', FRONTERA_HTTP_CARRIER_TINY_POST_URL: 'https://rates.example.com/v1' })).toEqual([
      'tiny-courier:table:Tiny Courier',
      'tiny-post:http:Tiny Post',
    ]);
  });

  it('when a configured id has no table, then it is added as a live-only carrier named by _NAME', () => {
    const env = {
      FRONTERA_HTTP_CARRIERS: ' acme-freight , acme-freight ',
      FRONTERA_HTTP_CARRIER_ACME_FREIGHT_URL: 'http://127.0.0.1:9000/rate',
      FRONTERA_HTTP_CARRIER_ACME_FREIGHT_NAME: 'Acme Freight',
    };
    expect(kinds(env)).toEqual(['tiny-courier:table:Tiny Courier', 'tiny-post:table:Tiny Post', 'acme-freight:http:Acme Freight']);
    expect(buildCarrierRegistry(tables, env).problems).toEqual([]);
  });

  it.each<[string, Record<string, string>, Array<[string, string]>]>([
    ['no URL', { FRONTERA_HTTP_CARRIERS: 'tiny-post' }, [['FRONTERA_HTTP_CARRIER_TINY_POST_URL', 'is required for the HTTP carrier "tiny-post"']]],
    [
      'an ftp URL',
      { FRONTERA_HTTP_CARRIERS: 'tiny-post', FRONTERA_HTTP_CARRIER_TINY_POST_URL: 'ftp://rates.example.com' },
      [['FRONTERA_HTTP_CARRIER_TINY_POST_URL', 'expected an http or https URL such as "https://rates.example.com/v1/rate"']],
    ],
    [
      'five retries and a timeout in seconds',
      { FRONTERA_HTTP_CARRIERS: 'tiny-post', FRONTERA_HTTP_CARRIER_TINY_POST_URL: 'https://r.example.com', FRONTERA_HTTP_CARRIER_TINY_POST_RETRIES: '5', FRONTERA_HTTP_CARRIER_TINY_POST_TIMEOUT_MS: '2s' },
      [
        ['FRONTERA_HTTP_CARRIER_TINY_POST_TIMEOUT_MS', 'expected whole milliseconds such as "800"'],
        ['FRONTERA_HTTP_CARRIER_TINY_POST_RETRIES', 'expected 0, 1, 2 or 3 retries'],
      ],
    ],
    [
      'a budget over a minute',
      { FRONTERA_HTTP_CARRIERS: 'tiny-post', FRONTERA_HTTP_CARRIER_TINY_POST_URL: 'https://r.example.com', FRONTERA_HTTP_CARRIER_TINY_POST_BUDGET_MS: '90000' },
      [['FRONTERA_HTTP_CARRIER_TINY_POST_BUDGET_MS', 'expected at most 60000']],
    ],
    [
      'a cut-off of "5pm"',
      { FRONTERA_HTTP_CARRIERS: 'tiny-post', FRONTERA_HTTP_CARRIER_TINY_POST_URL: 'https://r.example.com', FRONTERA_HTTP_CARRIER_TINY_POST_CUTOFF: '5pm' },
      [['FRONTERA_HTTP_CARRIER_TINY_POST_CUTOFF', 'expected a time such as "17:00"']],
    ],
    ['an id with capitals', { FRONTERA_HTTP_CARRIERS: 'Tiny_Post' }, [['FRONTERA_HTTP_CARRIERS', '"Tiny_Post" is not a carrier id such as "fedex"']]],
  ])('when the settings have %s, then each problem names the variable and the table stays a table carrier', (_name, env, problems) => {
    const registry = buildCarrierRegistry(tables, env);
    expect(registry.problems.map((p) => [p.path, p.message.replace(/ \(.*\)$/, '')])).toEqual(problems);
    expect(registry.problems.every((p) => p.file === 'environment')).toBe(true);
    expect(kinds(env)).toEqual(['tiny-courier:table:Tiny Courier', 'tiny-post:table:Tiny Post']);
  });

  it('checkHttpCarrierSettings reports the same problems without any table', () => {
    expect(checkHttpCarrierSettings({ FRONTERA_HTTP_CARRIERS: 'fedex' }).map((p) => p.path)).toEqual(['FRONTERA_HTTP_CARRIER_FEDEX_URL']);
    expect(checkHttpCarrierSettings({})).toEqual([]);
  });
});
