import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { CarrierRater } from '../carriers/carrier-rater';
import type { CarrierFile } from '../carriers/carrier-schema';
import type { FeedStatus } from '../fx/live/live-rates';
import type { RateTable } from '../fx/rate-table';
import { bundledHsNomenclature, type HsNomenclature } from '../hs/hs-validity';
import type { DataSnapshot } from '../quote/quote-deps';
import type { LoadedTariff } from '../tariffs/tariff-index';
import { checkDataText, formatLocated, isDataFileName, type DataKind, type LocatedProblem } from './check-data-file';
import { carrierRaters } from './load-data';

export interface DataStoreOptions {
  tariffsDir: string;
  carriersDir: string;
  rates: RateTable;
  logger: Logger;
  clock?: () => Date;
  /** The HS 2022 table item codes are checked against; default the bundled one. */
  hs?: HsNomenclature;
}

/** What `GET /data/status` reports for one data file. */
export interface FileStatus {
  file: string;
  kind: DataKind;
  /** Country (tariffs) or carrier id of the version being served. */
  id?: string;
  /** sha256 of the text being served; absent when no version of the file was ever valid. */
  version?: string;
  /** Tariff periods, or the carrier table's validity, of the version being served. */
  periods?: { effectiveFrom: string; effectiveTo?: string }[];
  /** When the version being served was loaded. */
  loadedAt?: string;
  /** When the file was last read. */
  checkedAt: string;
  /** Outcome of the last read: the file is served as read, was rejected, or has disappeared. */
  result: 'loaded' | 'rejected' | 'missing';
  /** The edit that was turned down, while it is still on disk. */
  rejected?: { version: string; at: string; errors: LocatedProblem[] };
}

export interface DataStatus {
  files: FileStatus[];
  /** The rates in use; with live feeds on, how each feed is doing. */
  exchangeRates: { asOf: string; source: string; feeds?: FeedStatus[] };
}

interface Serving {
  version: string;
  loadedAt: Date;
  id: string;
  periods: { effectiveFrom: string; effectiveTo?: string }[];
  tariff?: LoadedTariff;
  carrier?: CarrierFile;
}

interface FileState {
  kind: DataKind;
  name: string;
  display: string;
  serving?: Serving;
  checkedAt: Date;
  result: FileStatus['result'];
  rejected?: { version: string; at: Date; errors: LocatedProblem[] };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function dated<T extends { effectiveFrom: string; effectiveTo?: string }>(p: T): { effectiveFrom: string; effectiveTo?: string } {
  return { effectiveFrom: p.effectiveFrom, ...(p.effectiveTo !== undefined ? { effectiveTo: p.effectiveTo } : {}) };
}

/**
 * The tariff and carrier files the service answers from, reloadable one
 * file at a time. Every accepted change builds a NEW snapshot and swaps the
 * reference: a request holds the snapshot it started with, so one answer
 * never mixes old and new data. A file that fails its checks is logged and
 * reported in `status()`, and its last good version keeps serving; a file
 * that disappears keeps serving too (editors that save by rename delete it
 * for a moment), until the next restart.
 */
export class DataStore {
  private readonly states = new Map<string, FileState>();
  private rates: RateTable;
  private current: DataSnapshot;
  private readonly clock: () => Date;
  private raters: readonly CarrierRater[] | undefined;

  constructor(private readonly options: DataStoreOptions) {
    this.rates = options.rates;
    this.clock = options.clock ?? (() => new Date());
    this.current = this.build();
  }

  /** A store with every file of both folders read once. */
  static open(options: DataStoreOptions): DataStore {
    const store = new DataStore(options);
    store.rescan('tariff');
    store.rescan('carrier');
    return store;
  }

  snapshot(): DataSnapshot {
    return this.current;
  }

  dir(kind: DataKind): string {
    return kind === 'tariff' ? this.options.tariffsDir : this.options.carriersDir;
  }

  /** New exchange rates (live feed refresh): a new snapshot with the same files. */
  setRates(rates: RateTable): void {
    this.rates = rates;
    this.swap();
  }

  /** Re-read every data file of a folder, and notice files that have gone. */
  rescan(kind: DataKind): void {
    let names: string[] = [];
    try {
      names = readdirSync(this.dir(kind)).filter((n) => isDataFileName(kind, n));
    } catch (err) {
      this.options.logger.error({ dir: this.dir(kind), err: (err as Error).message }, 'cannot read the data folder; the loaded data keeps serving');
    }
    const known = [...this.states.values()].filter((s) => s.kind === kind).map((s) => s.name);
    for (const name of [...new Set([...names, ...known])].sort()) this.reload(kind, name);
  }

  /** Read one file again; returns its status afterwards. */
  reload(kind: DataKind, name: string): FileStatus | undefined {
    if (!isDataFileName(kind, name)) return undefined;
    const key = `${kind}:${name}`;
    const display = `${kind === 'tariff' ? 'tariffs' : 'carriers'}/${name}`;
    const now = this.clock();
    let text: string;
    try {
      text = readFileSync(join(this.dir(kind), name), 'utf8');
    } catch (err) {
      const st = this.states.get(key);
      if (!st) return undefined;
      if (!st.serving) {
        // A file that never had a good version is simply forgotten.
        this.states.delete(key);
        return undefined;
      }
      st.checkedAt = now;
      delete st.rejected;
      if (st.result !== 'missing') {
        st.result = 'missing';
        this.options.logger.warn({ file: display, err: (err as Error).message }, 'data file is gone; its last good version keeps serving until a restart');
      }
      return statusOf(st);
    }
    const st: FileState = this.states.get(key) ?? { kind, name, display, checkedAt: now, result: 'loaded' };
    this.states.set(key, st);
    st.checkedAt = now;
    const version = sha256(text);
    if (st.serving?.version === version) {
      st.result = 'loaded';
      delete st.rejected;
      return statusOf(st);
    }
    if (st.rejected?.version === version) {
      st.result = 'rejected';
      return statusOf(st);
    }
    const serving = this.accept(st, text, version, now);
    if ('errors' in serving) {
      st.result = 'rejected';
      st.rejected = { version, at: now, errors: serving.errors };
      this.options.logger.error(
        { file: display, version, serving: st.serving?.version ?? null, problems: serving.errors.map(formatLocated) },
        st.serving ? 'data file edit rejected; the last good version keeps serving' : 'data file rejected; it is not served',
      );
      return statusOf(st);
    }
    st.serving = serving;
    st.result = 'loaded';
    delete st.rejected;
    if (kind === 'carrier') this.raters = undefined;
    this.swap();
    this.options.logger.info({ file: display, version, periods: serving.periods }, 'data file loaded');
    return statusOf(st);
  }

  private accept(st: FileState, text: string, version: string, now: Date): Serving | { errors: LocatedProblem[] } {
    const checked = checkDataText(st.kind, st.display, text);
    if (!checked.ok) return { errors: checked.problems };
    if (checked.kind === 'tariff') {
      const t = checked.value;
      return { version, loadedAt: now, id: t.file.country, periods: t.file.periods.map(dated), tariff: t };
    }
    const file = checked.value;
    const other = [...this.states.values()].find((s) => s !== st && s.serving?.carrier?.id === file.id);
    if (other) {
      // Two tables with one id: which one prices would depend on file order.
      return { errors: [{ file: st.display, line: 1, column: 1, path: 'id', message: `carrier id "${file.id}" is already used by ${other.display}`, severity: 'error' }] };
    }
    return { version, loadedAt: now, id: file.id, periods: [dated(file)], carrier: file };
  }

  private swap(): void {
    this.current = this.build();
  }

  private build(): DataSnapshot {
    const ordered = [...this.states.values()].sort((a, b) => a.name.localeCompare(b.name));
    const tariffs = new Map<string, LoadedTariff>();
    const tables: CarrierFile[] = [];
    for (const s of ordered) {
      if (s.serving?.tariff) tariffs.set(s.serving.id, s.serving.tariff);
      if (s.serving?.carrier) tables.push(s.serving.carrier);
    }
    // Raters are built for the whole set of tables (the registry adds HTTP carriers), and only when a table changed.
    this.raters ??= Object.freeze(carrierRaters(tables));
    return Object.freeze({ tariffs, carriers: this.raters, rates: this.rates, hs: this.options.hs ?? bundledHsNomenclature() });
  }

  status(): DataStatus {
    const files = [...this.states.values()]
      .sort((a, b) => a.display.localeCompare(b.display))
      .map(statusOf);
    return { files, exchangeRates: { asOf: this.rates.asOf, source: this.rates.source } };
  }
}

function statusOf(s: FileState): FileStatus {
  return {
    file: s.display,
    kind: s.kind,
    ...(s.serving
      ? { id: s.serving.id, version: s.serving.version, periods: s.serving.periods, loadedAt: s.serving.loadedAt.toISOString() }
      : {}),
    checkedAt: s.checkedAt.toISOString(),
    result: s.result,
    ...(s.rejected ? { rejected: { version: s.rejected.version, at: s.rejected.at.toISOString(), errors: s.rejected.errors } } : {}),
  };
}
