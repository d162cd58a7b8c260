/**
 * `npm run bench`: throughput of POST /quote against a bare Express baseline
 * that answers the same bytes (the service's own answers for the workload),
 * measured in the same run (alternating rounds); POST /compare against 200 single
 * /quote calls; in-process engine figures (µs per quote, answer bytes); /healthz while
 * two 1,000-item quotes run. Reports ratios and figures against the issue 17 targets, never pass/fail tests.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareFigures } from './compare-bench';
import { engineFigures } from './engine-bench';
import { healthzStarvation, printStarvation } from './healthz-starvation';
import { workloads, type Workload } from './workloads';

const ROOT = join(__dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** How many of the service's answers per workload the echo cycles through. */
const ECHO_SAMPLE = 40;

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

/**
 * Where each server is in each workload's bodies. It carries on across rounds (and starts after the
 * bodies asked for the echo's answers), so no varied body is sent to the service twice: its response
 * cache (60 s) never answers one. "same" repeats its one body on purpose.
 */
const cursors = new Map<string, number>();

async function drive(port: number, w: Workload, seconds: number): Promise<Round> {
  const at = `${port}|${w.name}`;
  let i = cursors.get(at) ?? ECHO_SAMPLE;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/quote',
        headers: { 'content-type': 'application/json', 'x-bench-workload': w.name },
        setupRequest: (req) => ({ ...req, body: w.bodies[i++ % w.bodies.length] }),
      },
    ],
  });
  cursors.set(at, i);
  if (w.name === 'varied' && i > w.bodies.length) throw new Error(`the varied pool (${w.bodies.length} bodies) ran out: make it larger`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The service's answers to the first bodies of each workload: what the echo sends back, and their mean size. */
async function sampleAnswers(port: number, loads: Workload[]): Promise<{ file: string; bytes: Record<string, number> }> {
  const answers: Record<string, unknown[]> = {};
  const bytes: Record<string, number> = {};
  for (const w of loads) {
    const texts: string[] = [];
    for (const body of w.bodies.slice(0, ECHO_SAMPLE)) {
      const res = await fetch(`http://127.0.0.1:${port}/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (res.status !== 200) throw new Error(`bench body got ${res.status}: ${await res.text()}`);
      texts.push(await res.text());
    }
    answers[w.name] = texts.map((t) => JSON.parse(t) as unknown);
    bytes[w.name] = texts.reduce((a, t) => a + Buffer.byteLength(t), 0) / texts.length;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'frontera-bench-')), 'echo-answers.json');
  writeFileSync(file, JSON.stringify(answers));
  return { file, bytes };
}

interface Ratios {
  rps: number;
  p99: number;
}

async function throughput(): Promise<Record<string, Ratios>> {
  // A new quote store for each run: the repository's data/quotes.sqlite would grow over runs (~250 MB a
  // run) until its budget makes every save delete the oldest quotes, and the figures would drift with it.
  const storeDir = mkdtempSync(join(tmpdir(), 'frontera-bench-store-'));
  const store = join(storeDir, 'quotes.sqlite');
  const service = await start(join(ROOT, 'dist', 'server.js'), { LOG_LEVEL: 'silent', WORKERS: '1', FRONTERA_DATA_DIR: ROOT, QUOTE_STORE_PATH: store });
  const loads = workloads();
  const sample = await sampleAnswers(service.port, loads);
  const echo = await start(join(__dirname, 'echo-server.js'), { BENCH_ECHO_ANSWERS: sample.file });
  const ratios: Record<string, Ratios> = {};
  try {
    for (const w of loads) {
      await drive(echo.port, w, 1);
      await drive(service.port, w, 1);
    }
    console.log(`POST /quote vs bare Express echo answering the same bytes: ${ROUNDS} alternating rounds of ${DURATION}s, ${CONNECTIONS} connections, service WORKERS=1`);
    const summary: Record<string, { svc: Round[]; echo: Round[] }> = {};
    for (let r = 0; r < ROUNDS; r++) {
      for (const w of loads) {
        const s = (summary[w.name] ??= { svc: [], echo: [] });
        s.echo.push(await drive(echo.port, w, DURATION));
        s.svc.push(await drive(service.port, w, DURATION));
      }
    }
    for (const [name, s] of Object.entries(summary)) {
      const row = (label: string, rs: Round[]) =>
        console.log(`  ${name.padEnd(7)} ${label.padEnd(8)} ${median(rs.map((x) => x.rps)).toFixed(0).padStart(7)} req/s  p50 ${median(rs.map((x) => x.p50)).toFixed(1)} ms  p99 ${median(rs.map((x) => x.p99)).toFixed(1)} ms  non-2xx ${rs.reduce((a, x) => a + x.non2xx, 0)}  errors ${rs.reduce((a, x) => a + x.errors, 0)}`);
      console.log(`  ${name.padEnd(7)} answer   ${sample.bytes[name]!.toFixed(0)} bytes (mean of the first ${Math.min(ECHO_SAMPLE, loads.find((w) => w.name === name)!.bodies.length)} bodies' answers; the echo sends these answers)`);
      row('echo', s.echo);
      row('/quote', s.svc);
      ratios[name] = {
        rps: median(s.svc.map((x) => x.rps)) / median(s.echo.map((x) => x.rps)),
        p99: median(s.svc.map((x) => x.p99)) / Math.max(1, median(s.echo.map((x) => x.p99))),
      };
    }
    // The same server: one POST /compare against 200 single POST /quote calls (README "Where to sell").
    await compareFigures(service.port);
  } finally {
    echo.child.kill('SIGTERM');
    service.child.kill('SIGTERM');
    if (service.child.exitCode === null && service.child.signalCode === null) await new Promise((resolve) => service.child.once('exit', resolve));
    rmSync(storeDir, { recursive: true, force: true });
  }
  return ratios;
}

const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

async function main(): Promise<void> {
  const t0 = performance.now();
  const ratios = await throughput();
  const engine = await engineFigures(ROOT, 0.5);
  console.log('');
  const starvationRounds = Number(process.env.BENCH_STARVATION_ROUNDS ?? 3);
  const starvation = await healthzStarvation([join(ROOT, 'dist', 'server.js')], starvationRounds);
  printStarvation(starvation, starvationRounds);
  const varied = ratios.varied!;
  const same = ratios.same!;
  console.log('\nIssue 17 targets (one run on a shared machine: run a few times and report ranges):');
  console.log(`  varied throughput  ${varied.rps.toFixed(2)} × echo   (target ≥ 0.5)    ${verdict(varied.rps >= 0.5)}`);
  console.log(`  same throughput    ${same.rps.toFixed(2)} × echo   (target ≥ 0.9)    ${verdict(same.rps >= 0.9)}`);
  console.log(`  p99 varied / same  ${varied.p99.toFixed(1)} / ${same.p99.toFixed(1)} × echo's (target ≤ 2)   ${verdict(varied.p99 <= 2 && same.p99 <= 2)}`);
  console.log(`  engine, bench cart ${engine.usPerQuote.toFixed(0)} µs per quote (target ≤ 150) ${verdict(engine.usPerQuote <= 150)}`);
  console.log(`  answer, bench cart ${engine.answerBytes} bytes    (target ≤ 12,000) ${verdict(engine.answerBytes <= 12_000)}`);
  console.log(`  /healthz p99       ${starvation.p99.toFixed(0)} ms        (target < 100)    ${verdict(starvation.p99 < 100)}`);
  console.log(`(bench took ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
