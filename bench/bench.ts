/**
 * `npm run bench`: throughput of POST /quote against a bare Express baseline
 * measured in the same run (alternating rounds), POST /compare against 200
 * single /quote calls, plus in-process engine figures. Reports ratios, never absolute pass/fail timings.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareFigures } from './compare-bench';
import { engineFigures } from './engine-bench';
import { workloads, type Workload } from './workloads';

const ROOT = join(__dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitReady(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (res.status > 0) return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server on ${port} did not start`);
}

async function start(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = fork(script, [], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await waitReady(port);
  return { child, port };
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function drive(port: number, w: Workload, seconds: number): Promise<Round> {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/quote',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: w.bodies[i++ % w.bodies.length] }),
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const echo = await start(join(__dirname, 'echo-server.js'), {});
  const service = await start(join(ROOT, 'dist', 'server.js'), { LOG_LEVEL: 'silent', WORKERS: '1', FRONTERA_DATA_DIR: ROOT });
  try {
    const loads = workloads();
    for (const w of loads) {
      await drive(echo.port, w, 1);
      await drive(service.port, w, 1);
    }
    console.log(`POST /quote vs bare Express echo: ${ROUNDS} alternating rounds of ${DURATION}s, ${CONNECTIONS} connections, service WORKERS=1`);
    const summary: Record<string, { svc: Round[]; echo: Round[] }> = {};
    for (let r = 0; r < ROUNDS; r++) {
      for (const w of loads) {
        const s = (summary[w.name] ??= { svc: [], echo: [] });
        s.echo.push(await drive(echo.port, w, DURATION));
        s.svc.push(await drive(service.port, w, DURATION));
      }
    }
    const targets: Record<string, number> = { varied: 0.5, same: 0.9 };
    for (const [name, s] of Object.entries(summary)) {
      const row = (label: string, rs: Round[]) =>
        console.log(`  ${name.padEnd(7)} ${label.padEnd(8)} ${median(rs.map((x) => x.rps)).toFixed(0).padStart(7)} req/s  p50 ${median(rs.map((x) => x.p50)).toFixed(1)} ms  p99 ${median(rs.map((x) => x.p99)).toFixed(1)} ms  non-2xx ${rs.reduce((a, x) => a + x.non2xx, 0)}  errors ${rs.reduce((a, x) => a + x.errors, 0)}`);
      row('echo', s.echo);
      row('/quote', s.svc);
      const ratio = median(s.svc.map((x) => x.rps)) / median(s.echo.map((x) => x.rps));
      console.log(`  ${name.padEnd(7)} ratio    ${ratio.toFixed(2)} × echo (target ≥ ${targets[name]}) ${ratio >= (targets[name] ?? 0) ? 'MET' : 'NOT MET'}`);
    }
    // The same server: one POST /compare against 200 single POST /quote calls (README "Where to sell").
    await compareFigures(service.port);
  } finally {
    echo.child.kill('SIGTERM');
    service.child.kill('SIGTERM');
  }
  const t0 = performance.now();
  await engineFigures(ROOT);
  console.log(`(engine figures took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
