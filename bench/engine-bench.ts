import { performance } from 'node:perf_hooks';
import pino from 'pino';
import request from 'supertest';
import { defaultDataPaths, loadDataSnapshot } from '../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../src/domain/holiday-calendar';
import { createApp } from '../src/http/app';
import type { DataSnapshot } from '../src/http/app-deps';
import { indexTariff } from '../src/tariffs/tariff-index';
import { bodyWithItems } from './workloads';

/** Quotes per second through the whole handler in-process (no sockets), for a body and a data snapshot. */
async function quotesPerSecond(data: DataSnapshot, body: Record<string, unknown>, minMs = 1500): Promise<number> {
  const app = createApp({
    data: () => data,
    holidays: createHolidayCalendar(),
    timeZoneOf: countryTimeZone,
    clock: () => new Date('2026-12-02T15:00:00Z'),
    newId: () => 'q_bench',
    logger: pino({ level: 'silent' }),
    bodyLimit: '5mb',
  });
  const server = app.listen(0, '127.0.0.1');
  const agent = request.agent(server);
  const payload = JSON.stringify(body);
  const first = await agent.post('/quote').set('content-type', 'application/json').send(payload);
  if (first.status !== 200) throw new Error(`bench body rejected: ${first.status} ${first.text.slice(0, 300)}`);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    await agent.post('/quote').set('content-type', 'application/json').send(payload);
    n++;
  }
  const elapsed = performance.now() - t0;
  server.close();
  return (n / elapsed) * 1000;
}

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

export async function engineFigures(root: string): Promise<void> {
  const { snapshot } = loadDataSnapshot(defaultDataPaths(root));
  console.log('\nEngine in-process (whole handler, no network), MX → US:');
  const perItem: number[] = [];
  for (const n of [1, 10, 100, 1000]) {
    const qps = await quotesPerSecond(snapshot, bodyWithItems(n), n >= 1000 ? 3000 : 1500);
    perItem.push(1000 / qps / n);
    console.log(`  ${String(n).padStart(4)} items: ${qps.toFixed(1).padStart(8)} quotes/s  ${(1000 / qps).toFixed(3)} ms/quote  ${((1000 / qps / n) * 1000).toFixed(1)} µs/item`);
  }
  console.log(`  cost per item, 1000 vs 100 items: ${(perItem[3]! / perItem[2]!).toFixed(2)} (1.00 = linear)`);
  const body = bodyWithItems(3);
  const full = snapshot.tariffs.get('US')!;
  const small = trimmed(snapshot, 'US', ['610910', '420221', '711311']);
  const qFull = await quotesPerSecond(snapshot, body);
  const qSmall = await quotesPerSecond(small, body);
  console.log(`  tariff size: full US schedule (${full.mfn.size} MFN lines) ${qFull.toFixed(0)} quotes/s vs trimmed (${small.tariffs.get('US')!.mfn.size} lines) ${qSmall.toFixed(0)} quotes/s: ratio ${(qSmall / qFull).toFixed(2)} (target ≤ 1.1)`);
}
