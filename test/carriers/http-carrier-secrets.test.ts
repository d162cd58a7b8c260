import { HttpCarrierRater } from '../../src/carriers/http-carrier-rater';
import { shipment } from './rate-helpers';

describe('a live carrier URL never shows its credentials in a quote (issue 13.6)', () => {
  it('when the endpoint URL carries user:pass@ and a ?key= and the call fails, then the reason shown names neither', async () => {
    // Node's fetch refuses a URL with credentials and quotes it: the refusal reason must not quote it back.
    const rater = new HttpCarrierRater({
      id: 'live-only', name: 'Live Only', url: 'http://rate-user:s3cr3t-pass@127.0.0.1:9/rate?key=TOPSECRETKEY',
      timeoutMs: 200, retries: 0, backoffMs: 10, budgetMs: 400, cutoffLocal: '17:00',
    });
    const result = await rater.rate(shipment());
    const shown = JSON.stringify(result);
    expect(result.options).toEqual([]);
    expect(shown).toContain('network error');
    for (const secret of ['rate-user', 's3cr3t-pass', 'TOPSECRETKEY']) expect(shown).not.toContain(secret);
  });
});
