/**
 * `npm run bench:starvation`: how long GET /healthz waits while two
 * 1,000-item quotes run (issue 13.10: big quotes must not starve small
 * ones; target p99 < 100 ms). Starts the service from the TypeScript
 * sources with WORKERS=1 (one event loop, the worst case), sends two
 * concurrent 1,000-item POST /quote (MX → US, answer cache off), and asks
 * /healthz every 20 ms until both are answered; prints the latencies.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PROBE_EVERY_MS = 20;

function cart(seed: number): string {
  return JSON.stringify({
    origin: { country: 'MX' }, destination: { country: 'US' },
    items: Array.from({ length: 1000 }, (_, i) => ({ hsCode: '6109.10', quantity: 1 + ((i + seed) % 3), unitPrice: { amount: `${100 + i + seed}.00`, currency: 'MXN' }, unitWeight: { value: 0.01, unit: 'kg' } })),
  });
}

async function startService(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '../src/server.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WORKERS: '1', LOG_LEVEL: 'info', DATA_WATCH: 'off', QUOTE_STORE_PATH: ':memory:', QUOTE_CACHE_TTL_SECONDS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const port = /"port":(\d+)[^\n]*"msg":"Frontera listening"/.exec(out)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.on('exit', (code) => reject(new Error(`service exited with ${code}`)));
  });
  child.stdout.resume();
  return { url, stop: () => child.kill('SIGTERM') };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function round(url: string, seed: number): Promise<{ probes: number[]; quotes: number[] }> {
  const post = (body: string) => timed(async () => (await fetch(`${url}/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).arrayBuffer());
  let running = true;
  const quotes = Promise.all([post(cart(seed)), post(cart(seed + 1))]).finally(() => (running = false));
  const probes: number[] = [];
  while (running) {
    probes.push(await timed(async () => (await fetch(`${url}/healthz`)).arrayBuffer()));
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  return { probes, quotes: await quotes };
}

async function main(): Promise<void> {
  const service = await startService();
  try {
    await round(service.url, 0); // warm-up: JIT, data, caches
    const probes: number[] = [];
    const quotes: number[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const result = await round(service.url, r * 10);
      probes.push(...result.probes);
      quotes.push(...result.quotes);
    }
    probes.sort((a, b) => a - b);
    quotes.sort((a, b) => a - b);
    const f = (n: number) => `${n.toFixed(0)} ms`;
    console.log(`GET /healthz while two 1,000-item quotes run (${ROUNDS} rounds, ${probes.length} probes):`);
    console.log(`  p50 ${f(percentile(probes, 50))}, p99 ${f(percentile(probes, 99))}, max ${f(probes.at(-1) ?? NaN)}`);
    console.log(`  1,000-item quotes: p50 ${f(percentile(quotes, 50))}, max ${f(quotes.at(-1) ?? NaN)}`);
  } finally {
    service.stop();
  }
}

void main();
