import { performance } from 'node:perf_hooks';

/**
 * `POST /compare` of one cart across every destination with a tariff file
 * against the same cart sent to `/quote` QUOTE_CALLS times, one destination
 * after another (the destinations cycled), in the same run against the same
 * server, alternating. The issue's target: the comparison takes at most 0.25×
 * the single calls' total.
 */
const QUOTE_CALLS = 200;
export const COMPARE_TARGET = 0.25;

function cart(round: number): Record<string, unknown> {
  // A new price every round: no response cache can answer either side.
  return {
    origin: { country: 'MX', postalCode: '64000' },
    currency: 'USD',
    shipDate: '2026-12-14',
    locale: 'es',
    items: [{ description: 'Playera de algodón', hsCode: '6109.10', quantity: 2, unitPrice: { amount: `${350 + round}.00`, currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' } }],
    parcels: [{ length: 30, width: 20, height: 10, dimensionUnit: 'cm', weight: 1.2, weightUnit: 'kg' }],
  };
}

async function post(port: number, path: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

async function singleQuotes(port: number, destinations: string[], round: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < QUOTE_CALLS; i++) {
    const res = await post(port, '/quote', { ...cart(round), destination: { country: destinations[i % destinations.length] } });
    // 422 (region required, no rate) is an answer too: /compare refuses the same destinations.
    if (res.status !== 200 && res.status !== 422) throw new Error(`/quote answered ${res.status}: ${res.text.slice(0, 200)}`);
  }
  return performance.now() - t0;
}

async function oneCompare(port: number, round: number): Promise<{ ms: number; ranked: number; refused: number }> {
  const t0 = performance.now();
  const res = await post(port, '/compare', cart(round));
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`/compare answered ${res.status}: ${res.text.slice(0, 200)}`);
  const answer = JSON.parse(res.text) as { destinations: unknown[]; refused: unknown[] };
  return { ms, ranked: answer.destinations.length, refused: answer.refused.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Prints the comparison's time against QUOTE_CALLS single quotes, median of `rounds` alternating rounds. */
export async function compareFigures(port: number, rounds = 5): Promise<void> {
  const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { tariffs: string[] };
  const destinations = health.tariffs.filter((c) => c !== 'MX');
  // Warm-up: both paths compiled and the carrier rating cache filled alike.
  await singleQuotes(port, destinations, 0);
  await oneCompare(port, 0);
  const quotes: number[] = [];
  const compares: number[] = [];
  let last = { ranked: 0, refused: 0 };
  for (let r = 1; r <= rounds; r++) {
    quotes.push(await singleQuotes(port, destinations, r));
    const c = await oneCompare(port, r);
    compares.push(c.ms);
    last = c;
  }
  const q = median(quotes);
  const c = median(compares);
  const ratio = c / q;
  const n = last.ranked + last.refused;
  console.log(`POST /compare (${n} destinations: ${last.ranked} ranked, ${last.refused} refused) vs ${QUOTE_CALLS} single POST /quote calls, median of ${rounds} alternating rounds`);
  console.log(`  ${QUOTE_CALLS} × /quote ${q.toFixed(0).padStart(6)} ms  (${(q / QUOTE_CALLS).toFixed(2)} ms a call)`);
  console.log(`  1 × /compare ${c.toFixed(0).padStart(6)} ms  (${(c / n).toFixed(2)} ms a destination)`);
  console.log(`  ratio ${ratio.toFixed(2)} × the single calls (target ≤ ${COMPARE_TARGET}) ${ratio <= COMPARE_TARGET ? 'MET' : 'NOT MET'}`);
}
