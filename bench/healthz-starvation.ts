/**
 * How long GET /healthz waits while two 1,000-item quotes run (issue 13.10:
 * big quotes must not starve small ones; target p99 < 100 ms). Starts the
 * service with WORKERS=1 (one event loop, the worst case), sends two
 * concurrent 1,000-item POST /quote (MX → US, answer cache off), and asks
 * /healthz every 20 ms until both are answered. `npm run bench` calls
 * `healthzStarvation` on the built server; `npm run bench:starvation` runs it
 * alone from the TypeScript sources.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const PROBE_EVERY_MS = 20;
/** Rounds before the measured ones (see healthzStarvation). */
const WARM_UP_ROUNDS = 3;

function cart(seed: number): string {
  return JSON.stringify({
    origin: { country: 'MX' }, destination: { country: 'US' },
    items: Array.from({ length: 1000 }, (_, i) => ({ hsCode: '6109.10', quantity: 1 + ((i + seed) % 3), unitPrice: { amount: `${100 + i + seed}.00`, currency: 'MXN' }, unitWeight: { value: 0.01, unit: 'kg' } })),
  });
}

async function startService(args: string[]): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, args, {
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

export interface StarvationFigures {
  probes: number;
  p50: number;
  p99: number;
  max: number;
  quoteP50: number;
  quoteMax: number;
}

/** Runs `rounds` rounds (after WARM_UP_ROUNDS warm-up rounds) against a service started with `args` (node arguments). */
export async function healthzStarvation(args: string[], rounds: number): Promise<StarvationFigures> {
  const service = await startService(args);
  try {
    // Warm-up: a 1,000-item cart's code paths are compiled and optimised over the first few carts
    // (the very first blocks the loop for ~300 ms, the second ~80 ms); the figure is the service's steady state.
    for (let w = 0; w < WARM_UP_ROUNDS; w++) await round(service.url, 1000 + w);
    const probes: number[] = [];
    const quotes: number[] = [];
    for (let r = 1; r <= rounds; r++) {
      const result = await round(service.url, r * 10);
      probes.push(...result.probes);
      quotes.push(...result.quotes);
    }
    probes.sort((a, b) => a - b);
    quotes.sort((a, b) => a - b);
    return { probes: probes.length, p50: percentile(probes, 50), p99: percentile(probes, 99), max: probes.at(-1) ?? NaN, quoteP50: percentile(quotes, 50), quoteMax: quotes.at(-1) ?? NaN };
  } finally {
    service.stop();
  }
}

export function printStarvation(f: StarvationFigures, rounds: number): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`GET /healthz while two 1,000-item quotes run (${rounds} rounds, ${f.probes} probes):`);
  console.log(`  p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, max ${ms(f.max)} (target p99 < 100 ms) ${f.p99 < 100 ? 'MET' : 'NOT MET'}`);
  console.log(`  1,000-item quotes: p50 ${ms(f.quoteP50)}, max ${ms(f.quoteMax)}`);
}

if (require.main === module) {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  healthzStarvation(['-r', 'ts-node/register/transpile-only', join(__dirname, '../src/server.ts')], rounds)
    .then((f) => printStarvation(f, rounds))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
