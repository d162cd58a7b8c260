import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import { send, startServedProcess } from './helpers/served-process';

/** An illustrative key for the test only. */
const KEY = 'fk_test_cluster_0123456789';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('rate limits under the cluster module (issue 13.4)', () => {
  jest.setTimeout(120_000);

  it('when WORKERS=2, then a key gets its 5 a minute in all, not 5 per worker, and failed keys from one address are counted once too', async () => {
    const served = await startServedProcess({
      WORKERS: '2', FRONTERA_API_KEYS_SHA256: `cluster-test:${sha(KEY)}`, FRONTERA_RATE_LIMIT_PER_MINUTE: '5', FRONTERA_FAILED_KEY_LIMIT_PER_MINUTE: '4',
    });
    // A new connection per request: the primary hands connections to the workers in turn.
    const agent = new Agent({ keepAlive: false });
    try {
      const keyed = [];
      for (let i = 0; i < 12; i++) keyed.push(await send(served.url, agent, 'GET', '/quotes/q_missing', undefined, { 'X-Api-Key': KEY }));
      // 5 within the limit (404: no such quote), then 7 × 429: counted across both workers.
      expect(keyed.map((o) => o.status)).toEqual([404, 404, 404, 404, 404, 429, 429, 429, 429, 429, 429, 429]);
      const guesses = [];
      for (let i = 0; i < 8; i++) guesses.push(await send(served.url, agent, 'GET', '/quotes/q_missing', undefined, { 'X-Api-Key': `fk_guess_${i}` }));
      expect(guesses.map((o) => o.status)).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
    }
  });
});
