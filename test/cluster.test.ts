import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { workerCountFromEnv } from '../src/cluster';

describe('WORKERS', () => {
  it.each([
    [undefined, true],
    ['1', true],
    ['4', true],
    ['0', false],
    ['two', false],
    ['1.5', false],
  ])('when WORKERS is %s, then it is accepted: %s', (value, ok) => {
    const r = workerCountFromEnv(value === undefined ? {} : { WORKERS: value });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.message).toMatch(/^WORKERS must be a whole number from 1 to 256, got/);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('the service under the cluster module', () => {
  jest.setTimeout(90_000);

  it('when started with WORKERS=2 and sent SIGTERM during a request, then the request completes and every process exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '../src/server.ts')], {
      env: { ...process.env, WORKERS: '2', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_WATCH: 'off', QUOTE_STORE_PATH: ':memory:' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 80_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        if (Date.now() > deadline) throw new Error(`service did not start: ${stderr}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const body = JSON.stringify({
      origin: { country: 'MX' }, destination: { country: 'US' }, shipDate: '2026-12-14',
      // 1000 items keep the worker busy for a few hundred ms: the SIGTERM lands while it computes.
      items: Array.from({ length: 1000 }, (_, i) => ({ hsCode: '6109.10', quantity: 1 + (i % 3), unitPrice: { amount: `${100 + i}.00`, currency: 'MXN' }, unitWeight: { value: 0.001, unit: 'kg' } })),
    });
    const inFlight = fetch(`http://127.0.0.1:${port}/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { options: unknown[] }).options.length).toBeGreaterThan(0);
    expect(await exited).toBe(0);
  });
});
