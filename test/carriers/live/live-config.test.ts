import { buildCarrierRegistry, checkHttpCarrierSettings } from '../../../src/carriers/carrier-registry';
import { LiveCarrierRater } from '../../../src/carriers/live/live-carrier-rater';
import { KarrioRater } from '../../../src/carriers/live/karrio/karrio-rater';
import { RestrictedCarrierRater } from '../../../src/carriers/restricted-rater';
import { TableCarrierRater } from '../../../src/carriers/table-carrier-rater';
import type { CarrierRater } from '../../../src/carriers/carrier-rater';
import { SECRETS, TABLES, mxToUs, vendorEnv } from './live-fixtures';

/** Settings from the environment: off unless set, every bad variable named (never its value), defaults as documented. */
/** A live carrier keeps its table's restricted-goods rules: look through that wrapper. */
const unwrap = (c: CarrierRater) => (c instanceof RestrictedCarrierRater ? c.inner : c);
const kinds = (env: Record<string, string>) =>
  buildCarrierRegistry(TABLES, env).carriers.map(unwrap).map((c) => `${c.id}:${c instanceof LiveCarrierRater ? 'live' : c instanceof KarrioRater ? 'karrio' : c instanceof TableCarrierRater ? 'table' : '?'}`);

describe('which carriers go live', () => {
  it('when no vendor variable is set, then every carrier is its table', () => {
    expect(kinds({})).toEqual(['dhl-express:table', 'fedex:table', 'ups:table', 'estafeta:table', 'correos-de-mexico:table']);
  });

  it('when DHL, FedEx and UPS are set, then those three become live, in place, and the others stay tables', () => {
    expect(kinds(vendorEnv('http://127.0.0.1:9', ['dhl', 'fedex', 'ups']))).toEqual([
      'dhl-express:live',
      'fedex:live',
      'ups:live',
      'estafeta:table',
      'correos-de-mexico:table',
    ]);
  });

  it('when karrio is set too, then it feeds the remaining tables and adds the carrier karrio last', () => {
    expect(kinds(vendorEnv('http://127.0.0.1:9', ['dhl', 'karrio']))).toEqual([
      'dhl-express:live',
      'fedex:live',
      'ups:live',
      'estafeta:live',
      'correos-de-mexico:live',
      'karrio:karrio',
    ]);
  });

  it('when FedEx is both an HTTP carrier and set by FEDEX_*, then its own API wins and the clash is reported', () => {
    const env = { ...vendorEnv('http://127.0.0.1:9', ['fedex']), FRONTERA_HTTP_CARRIERS: 'fedex', FRONTERA_HTTP_CARRIER_FEDEX_URL: 'http://127.0.0.1:9/rate' };
    const built = buildCarrierRegistry(TABLES, env);
    expect(unwrap(built.carriers.find((c) => c.id === 'fedex')!)).toBeInstanceOf(LiveCarrierRater);
    expect(built.problems.map((p) => [p.path, p.message])).toEqual([['FRONTERA_HTTP_CARRIERS', '"fedex" is also set by FEDEX_*: its own rating API is used, not the HTTP endpoint']]);
  });
});

describe('bad settings', () => {
  it('when DHL has a key but no secret or account, then both are named, DHL stays on its table, and no value is echoed', () => {
    const problems = checkHttpCarrierSettings({ DHL_EXPRESS_API_KEY: SECRETS.dhlKey });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['DHL_EXPRESS_API_SECRET', 'is required to ask DHL Express for your prices; DHL Express stays on its table'],
      ['DHL_EXPRESS_ACCOUNT', 'is required to ask DHL Express for your prices; DHL Express stays on its table'],
    ]);
    expect(kinds({ DHL_EXPRESS_API_KEY: SECRETS.dhlKey })[0]).toBe('dhl-express:table');
  });

  it('when a URL carries a password or a query, or a number is out of range, then the variable is named and nothing secret is repeated', () => {
    const env = {
      ...vendorEnv('http://127.0.0.1:9', ['fedex', 'ups']),
      FEDEX_API_URL: `https://user:${SECRETS.fedexSecret}@apis.fedex.com`,
      UPS_API_URL: `https://onlinetools.ups.com?key=${SECRETS.upsSecret}`,
      UPS_RETRIES: '7',
      UPS_API_VERSION: 'latest',
    };
    const problems = checkHttpCarrierSettings(env);
    expect(problems.map((p) => p.path)).toEqual(['FEDEX_API_URL', 'UPS_API_URL', 'UPS_RETRIES', 'UPS_API_VERSION']);
    expect(problems[0]?.message).toBe('expected a URL without a user name, password, query or fragment (credentials have their own variables); FedEx stays on its table');
    expect(JSON.stringify(problems)).not.toContain(SECRETS.fedexSecret);
    expect(JSON.stringify(problems)).not.toContain(SECRETS.upsSecret);
  });

  it('when a FedEx account number is longer than the 9 characters FedEx takes, then it is refused', () => {
    const env = { ...vendorEnv('http://127.0.0.1:9', ['fedex']), FEDEX_ACCOUNT: '1234567890' };
    expect(checkHttpCarrierSettings(env).map((p) => p.message)).toEqual(['expected an account number of at most 9 characters; FedEx stays on its table']);
  });
});

describe('defaults', () => {
  it.each([
    ['DHL', { DHL_EXPRESS_API_KEY: 'k', DHL_EXPRESS_API_SECRET: 's', DHL_EXPRESS_ACCOUNT: '1' }, 'dhl-express', ['https://express.api.dhl.com/mydhlapi/rates']],
    ['FedEx', { FEDEX_CLIENT_ID: 'i', FEDEX_CLIENT_SECRET: 's', FEDEX_ACCOUNT: '1' }, 'fedex', ['https://apis.fedex.com/oauth/token']],
    ['UPS', { UPS_CLIENT_ID: 'i', UPS_CLIENT_SECRET: 's', UPS_ACCOUNT: '1' }, 'ups', ['https://onlinetools.ups.com/security/v1/oauth/token']],
  ])('when %s has no URL, then the production URL is asked (fetch stubbed: nothing leaves this machine)', async (_name, env, id, urls) => {
    const asked: string[] = [];
    const fetch = async (input: string | URL | Request) => {
      asked.push(String(input));
      return new Response('{}', { status: 503 });
    };
    const carrier = buildCarrierRegistry(TABLES, { ...env, DHL_EXPRESS_RETRIES: '0', FEDEX_RETRIES: '0', UPS_RETRIES: '0' }, { fetch }).carriers.find((c) => c.id === id);
    await carrier?.rate(mxToUs());
    expect(asked).toEqual(urls);
  });
});
