import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { DataStore } from '../../src/data/data-store';
import { watchDataFolders, type DataWatcher } from '../../src/data/data-watcher';
import { loadBundledRates } from '../../src/fx/snapshot-loader';
import { createApp } from '../../src/http/app';
import { NO_HOLIDAYS } from '../helpers/engine-fixtures';
import type { TempData } from './temp-data';

/** The service as server.ts wires it (store + watcher + /data/status) over a temp data copy, listening on 127.0.0.1. */
export async function serveData(data: TempData, debounceMs = 40): Promise<{ url: string; store: DataStore; close(): Promise<void> }> {
  const logger = pino({ level: 'silent' });
  const store = DataStore.open({ tariffsDir: data.tariffsDir, carriersDir: data.carriersDir, rates: loadBundledRates(data), logger });
  const watcher: DataWatcher = watchDataFolders(store, { logger, debounceMs });
  const app = createApp({
    data: () => store.snapshot(),
    dataStatus: () => store.status(),
    holidays: NO_HOLIDAYS,
    timeZoneOf: () => 'America/Mexico_City',
    clock: () => new Date('2026-11-25T15:00:00Z'),
    newId: () => 'q_test',
    logger,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // The test clients keep connections alive; a data check or reload holds the event loop for a few seconds, and
  // with Node's 5 s default the server could close an idle socket just as a client reuses it (ECONNRESET).
  server.keepAliveTimeout = 60_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: async () => {
      watcher.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** What one DE answer says about the data it used: the VAT rate, its source date, the tariff data date. */
export interface DeMarker {
  status: number;
  vatRate?: string;
  vatSourceDate?: string;
  tariffDate?: string;
}

export async function quoteDe(url: string, body: unknown): Promise<DeMarker> {
  const res = await fetch(`${url}/quote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as {
    dataDates?: { tariff: string };
    options?: { taxes: { lines: { code: string; rate: string; sourceId?: string }[] } }[];
    sources?: Record<string, { reviewed: string }>;
  };
  const vat = json.options?.[0]?.taxes.lines.find((l) => l.code === 'VAT');
  const source = vat?.sourceId ? json.sources?.[vat.sourceId] : undefined;
  return { status: res.status, vatRate: vat?.rate, vatSourceDate: source?.reviewed, tariffDate: json.dataDates?.tariff };
}
