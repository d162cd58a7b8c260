import { Agent } from 'node:http';
import { send, startServedProcess, type Outcome } from './helpers/served-process';

/** A 200-item cart MX → US: some tens of milliseconds of engine work per request, so requests queue up behind each other. */
function bigCart(client: number): string {
  return JSON.stringify({
    origin: { country: 'MX' }, destination: { country: 'US' },
    items: Array.from({ length: 200 }, (_, i) => ({ hsCode: '6109.10', quantity: 1 + ((i + client) % 3), unitPrice: { amount: `${100 + i}.00`, currency: 'MXN' }, unitWeight: { value: 0.01, unit: 'kg' } })),
  });
}

const CLIENTS = 10;
/** SIGTERM goes once this many answers have come back, so every client has a request in flight or queued. */
const ANSWERS_BEFORE_SIGTERM = 20;
/** Each client stops after this many requests at most: the test is bounded whatever happens. */
const MAX_REQUESTS_PER_CLIENT = 30;

describe('SIGTERM under load (issue 13.1)', () => {
  jest.setTimeout(150_000);

  it.each([['1'], ['2']])('when WORKERS=%s and 10 keep-alive clients send 200-item quotes, then SIGTERM answers every request sent on an open connection: no ECONNRESET, Connection: close on answers after it, exit 0', async (workers) => {
    const served = await startServedProcess({ WORKERS: workers, QUOTE_CACHE_TTL_SECONDS: '0', SHUTDOWN_TIMEOUT_MS: '60000' });
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const outcomes: Outcome[] = [];
    const perClient: Outcome[][] = Array.from({ length: CLIENTS }, () => []);
    let sigtermSent = false;
    const client = async (n: number) => {
      const body = bigCart(n);
      for (let i = 0; i < MAX_REQUESTS_PER_CLIENT; i++) {
        const outcome = await send(served.url, agent, 'POST', '/quote', body);
        outcomes.push(outcome);
        perClient[n]!.push(outcome);
        if (!sigtermSent && outcomes.filter((o) => o.status === 200).length >= ANSWERS_BEFORE_SIGTERM) {
          sigtermSent = true;
          served.child.kill('SIGTERM');
        }
        // The service is gone: a new connection is refused, cleanly. That ends this client.
        if (outcome.error === 'ECONNREFUSED') return;
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    agent.destroy();
    const code = await served.exited;

    expect(sigtermSent).toBe(true);
    // Zero resets: every request sent on an open connection got its answer.
    expect(outcomes.filter((o) => o.error !== undefined && o.error !== 'ECONNREFUSED')).toEqual([]);
    expect(outcomes.filter((o) => o.status !== undefined && o.status !== 200)).toEqual([]);
    // Draining answers say Connection: close, and a client that reconnects then is refused: no connection keeps getting work.
    expect(outcomes.some((o) => o.headers?.connection === 'close')).toBe(true);
    for (const seq of perClient) {
      const told = seq.findIndex((o) => o.headers?.connection === 'close');
      if (told >= 0 && told + 1 < seq.length) expect(seq[told + 1]?.error).toBe('ECONNREFUSED');
    }
    expect(code).toBe(0);
  });
});
