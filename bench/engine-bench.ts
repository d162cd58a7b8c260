import { performance } from 'node:perf_hooks';
import { defaultDataPaths, loadDataSnapshot } from '../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../src/domain/holiday-calendar';
import type { DataSnapshot, QuoteDeps } from '../src/quote/quote-deps';
import { quoteLandedCost } from '../src/quote/quote-landed-cost';
import { quoteRequestSchema } from '../src/schema/quote-request-schema';
import { indexTariff } from '../src/tariffs/tariff-index';
import { bodyWithItems } from './workloads';

/**
 * Quotes per second of the engine in-process: request validation (zod),
 * normalisation, carrier rating, duties, taxes, fees, delivery windows and
 * the answer object — everything but sockets and JSON text.
 */
function benchDeps(data: DataSnapshot): QuoteDeps {
  return {
    data: () => data,
    holidays,
    timeZoneOf: countryTimeZone,
    clock: () => new Date('2026-12-02T15:00:00Z'),
    newId: () => 'q_bench',
  };
}

async function quotesPerSecond(data: DataSnapshot, body: Record<string, unknown>, minMs = 1500): Promise<number> {
  const deps = benchDeps(data);
  const once = async () => quoteLandedCost(quoteRequestSchema.parse(body), deps, { locale: 'en' });
  const first = await once();
  if (first.options.length === 0) throw new Error('bench body got no carrier option');
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    await once();
    n++;
  }
  return (n / (performance.now() - t0)) * 1000;
}

const holidays = createHolidayCalendar();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** A copy of a tariff with only the HS lines a body needs: same rules, a fraction of the size. */
function trimmed(data: DataSnapshot, country: string, hsPrefixes: string[]): DataSnapshot {
  const t = data.tariffs.get(country)!;
  const keep = (hs: string) => hsPrefixes.some((p) => hs.startsWith(p) || p.startsWith(hs));
  const file = {
    ...t.file,
    duties: {
      ...t.file.duties,
      mfn: t.file.duties.mfn.filter((m) => keep(m.hs)),
      preferential: t.file.duties.preferential.filter((m) => keep(m.hs)),
    },
  };
  return { ...data, tariffs: new Map([...data.tariffs, [country, indexTariff(file)]]) };
}

/** The bench cart (three items, MX → US): its answer's JSON bytes, and how many bytes of it are one option's. */
export async function benchCartAnswer(data: DataSnapshot): Promise<{ bytes: number; options: number }> {
  const body = bodyWithItems(3);
  const quote = await quoteLandedCost(quoteRequestSchema.parse(body), benchDeps(data), { locale: 'en' });
  return { bytes: Buffer.byteLength(JSON.stringify(quote)), options: quote.options.length };
}

export interface EngineFigures {
  /** µs per quote of the three-item bench cart (median of alternating rounds). */
  usPerQuote: number;
  answerBytes: number;
}

export async function engineFigures(root: string, scale = 1): Promise<EngineFigures> {
  const { snapshot } = loadDataSnapshot(defaultDataPaths(root));
  console.log('\nEngine in-process (validation to answer object, no HTTP), MX → US, 7 carrier services:');
  const perItem: number[] = [];
  for (const n of [1, 10, 100, 1000]) {
    const qps = await quotesPerSecond(snapshot, bodyWithItems(n), (n >= 1000 ? 3000 : 1500) * scale);
    perItem.push(1000 / qps / n);
    console.log(`  ${String(n).padStart(4)} items: ${qps.toFixed(1).padStart(8)} quotes/s  ${(1000 / qps).toFixed(3)} ms/quote  ${((1000 / qps / n) * 1000).toFixed(1)} µs/item`);
  }
  console.log(`  cost per item, 1000 vs 100 items: ${(perItem[3]! / perItem[2]!).toFixed(2)} (1.00 = linear)`);
  const body = bodyWithItems(3);
  const full = snapshot.tariffs.get('US')!;
  const small = trimmed(snapshot, 'US', ['610910', '420221', '711311']);
  // Alternate the two in five short rounds and take medians: the machine's noise hits both alike.
  const full5: number[] = [];
  const small5: number[] = [];
  for (let r = 0; r < 5; r++) {
    full5.push(await quotesPerSecond(snapshot, body, 600 * scale));
    small5.push(await quotesPerSecond(small, body, 600 * scale));
  }
  const qFull = median(full5);
  const qSmall = median(small5);
  console.log(`  tariff size: full US schedule (${full.mfn.size} MFN lines) ${qFull.toFixed(0)} quotes/s vs trimmed (${small.tariffs.get('US')!.mfn.size} lines) ${qSmall.toFixed(0)} quotes/s: ratio ${(qSmall / qFull).toFixed(2)} (target ≤ 1.1)`);
  const usPerQuote = 1e6 / qFull;
  const answer = await benchCartAnswer(snapshot);
  console.log(`  bench cart (3 items, ${answer.options} options): ${usPerQuote.toFixed(0)} µs per quote (target ≤ 150) ${usPerQuote <= 150 ? 'MET' : 'NOT MET'}`);
  console.log(`  bench cart answer: ${answer.bytes} bytes of JSON (target ≤ 12,000) ${answer.bytes <= 12_000 ? 'MET' : 'NOT MET'}`);
  return { usPerQuote, answerBytes: answer.bytes };
}
