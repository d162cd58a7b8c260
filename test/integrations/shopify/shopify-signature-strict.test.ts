import request from 'supertest';
import { shopifyConfigFromEnv } from '../../../src/integrations/shopify/shopify-config';
import { shopifyHmac } from '../../../src/integrations/shopify/shopify-hmac';
import { expectProblem, testApp } from '../../helpers/http-fixtures';
import { shopifyConfig, shopifyItem, shopifyRequest, testCatalogue } from './shopify-fixtures';

const SECRET = 'shpss_illustrative_secret';

/** A body whose signature has both "+" and "/" in it (so its base64url form differs), found by varying the quantity. */
function bodyWithPlusAndSlash(): { body: string; signature: string } {
  for (let quantity = 1; quantity < 500; quantity++) {
    const body = JSON.stringify(shopifyRequest([shopifyItem({ quantity })]));
    const signature = shopifyHmac(Buffer.from(body), SECRET);
    if (signature.includes('+') && signature.includes('/')) return { body, signature };
  }
  throw new Error('no such body in 500 tries');
}

describe('X-Shopify-Hmac-Sha256 is exactly Shopify\'s base64 (issue 13.10)', () => {
  const { body, signature } = bodyWithPlusAndSlash();
  const post = (sig: string, app = testApp({ shopify: shopifyConfig({ hmacSecret: SECRET }) })) =>
    request(app).post('/integrations/shopify/rates').set('Content-Type', 'application/json').set('X-Shopify-Hmac-Sha256', sig).send(body);

  it('when the signature is the standard base64 Shopify sends, then 200', async () => {
    expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await post(signature)).status).toBe(200);
  });

  it.each([
    ['its base64url form (- and _ for + and /, no padding)', () => signature.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, '')],
    ['it without the "=" padding', () => signature.replace(/=$/, '')],
    ['it with junk after it', () => `${signature}!!junk`],
    ['it with a second signature after it', () => `${signature}${signature}`],
    ['it with a space inside', () => `${signature.slice(0, 20)} ${signature.slice(20)}`],
  ])('when the header is %s, then 401 INVALID_SIGNATURE', async (_when, make) => {
    expectProblem(await post(make()), 401, 'INVALID_SIGNATURE');
  });
});

describe('a signed Shopify body is honoured for a short window only (issue 13.10)', () => {
  const body = JSON.stringify(shopifyRequest());
  const signature = shopifyHmac(Buffer.from(body), SECRET);

  it('when the same signed body comes again within the window, then it is priced; after it, 401 SIGNATURE_REPLAYED', async () => {
    let now = new Date('2026-11-25T15:00:00Z');
    const app = testApp({ clock: () => now, shopify: shopifyConfig({ hmacSecret: SECRET, replayWindowMs: 900_000 }) });
    const post = () => request(app).post('/integrations/shopify/rates').set('Content-Type', 'application/json').set('X-Shopify-Hmac-Sha256', signature).send(body);
    expect((await post()).status).toBe(200);
    now = new Date('2026-11-25T15:14:59Z'); // 14 min 59 s after it was first seen: a checkout asking again
    expect((await post()).status).toBe(200);
    now = new Date('2026-11-25T15:15:01Z'); // 15 min 1 s: a replay
    const replayed = expectProblem(await post(), 401, 'SIGNATURE_REPLAYED');
    expect(replayed.detail).toContain('900 s');
    // Another cart (another body) is still welcome.
    const other = JSON.stringify(shopifyRequest([shopifyItem({ quantity: 3 })]));
    const res = await request(app).post('/integrations/shopify/rates').set('Content-Type', 'application/json')
      .set('X-Shopify-Hmac-Sha256', shopifyHmac(Buffer.from(other), SECRET)).send(other);
    expect(res.status).toBe(200);
  });

  it('when SHOPIFY_REPLAY_WINDOW_SECONDS is not set, then the window is 900 s; "0" turns it off', () => {
    const env = { SHOPIFY_CATALOGUE: 'catalogue.json', SHOPIFY_HMAC_SECRET: SECRET };
    expect(shopifyConfigFromEnv(env, '/', () => testCatalogue())?.replayWindowMs).toBe(900_000);
    expect(shopifyConfigFromEnv({ ...env, SHOPIFY_REPLAY_WINDOW_SECONDS: '0' }, '/', () => testCatalogue())?.replayWindowMs).toBe(0);
    expect(() => shopifyConfigFromEnv({ ...env, SHOPIFY_REPLAY_WINDOW_SECONDS: 'soon' }, '/', () => testCatalogue())).toThrow(/SHOPIFY_REPLAY_WINDOW_SECONDS/);
  });
});
