import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { CarrierRater } from '../carriers/carrier-rater';
import type { CarrierFile } from '../carriers/carrier-schema';
import type { RateTable } from '../fx/rate-table';
import { bundledHsNomenclature, type HsNomenclature } from '../hs/hs-validity';
import type { DataSnapshot } from '../quote/quote-deps';
import { unionLookup, UNIONS_FOLDER, type UnionLookup, type UnionRef } from '../tariffs/customs-union';
import type { LoadedTariff } from '../tariffs/tariff-index';
import { checkDataText, formatLocated, isDataFileName, type DataKind, type LocatedProblem } from './check-data-file';
import { dated, sha256, statusOf, type DataStatus, type FileState, type FileStatus, type Serving } from './file-status';
import { carrierRaters } from './load-data';
import { reresolveMembers } from './union-reload';

export type { DataStatus, FileStatus } from './file-status';

export interface DataStoreOptions {
  tariffsDir: string;
  carriersDir: string;
  rates: RateTable;
  logger: Logger;
  clock?: () => Date;
  /** The HS 2022 table item codes are checked against; default the bundled one. */
  hs?: HsNomenclature;
}

const FOLDERS: Record<DataKind, string> = { tariff: 'tariffs', union: `tariffs/${UNIONS_FOLDER}`, carrier: 'carriers' };

/**
 * The tariff, customs union and carrier files the service answers from,
 * reloadable one file at a time. Every accepted change builds a NEW snapshot
 * and swaps the reference: a request holds the snapshot it started with, so
 * one answer never mixes old and new data. A file that fails its checks is
 * logged and reported in `status()`, and its last good version keeps
 * serving; a file that disappears keeps serving too (editors that save by
 * rename delete it for a moment), until the next restart. An edit of a
 * customs union re-resolves every member in one swap, or is rejected whole.
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

  /** A store with every file read once: customs unions first, so that their members resolve. */
  static open(options: DataStoreOptions): DataStore {
    const store = new DataStore(options);
    store.rescan('union');
    store.rescan('tariff');
    store.rescan('carrier');
    return store;
  }

  snapshot(): DataSnapshot {
    return this.current;
  }

  dir(kind: DataKind): string {
    if (kind === 'union') return join(this.options.tariffsDir, UNIONS_FOLDER);
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
      // No unions/ folder is a data set without customs unions, not a fault.
      const quiet = kind === 'union' && (err as NodeJS.ErrnoException).code === 'ENOENT';
      if (!quiet) this.options.logger.error({ dir: this.dir(kind), err: (err as Error).message }, 'cannot read the data folder; the loaded data keeps serving');
    }
    const known = [...this.states.values()].filter((s) => s.kind === kind).map((s) => s.name);
    for (const name of [...new Set([...names, ...known])].sort()) this.reload(kind, name);
  }

  /** Read one file again; returns its status afterwards. */
  reload(kind: DataKind, name: string): FileStatus | undefined {
    if (!isDataFileName(kind, name)) return undefined;
    const key = `${kind}:${name}`;
    const display = `${FOLDERS[kind]}/${name}`;
    const now = this.clock();
    let text: string;
    try {
      text = readFileSync(join(this.dir(kind), name), 'utf8');
    } catch (err) {
      return this.gone(key, display, now, err as Error);
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
    const accepted = this.accept(st, text, version, now);
    if ('errors' in accepted) return this.reject(st, version, now, accepted.errors);
    st.serving = accepted.serving;
    st.result = 'loaded';
    delete st.rejected;
    for (const [member, serving] of accepted.members ?? []) member.serving = serving;
    if (kind === 'carrier') this.raters = undefined;
    this.swap();
    this.options.logger.info({ file: display, version, periods: accepted.serving.periods, members: accepted.members?.length }, 'data file loaded');
    if (kind === 'union') this.retryMembersOf();
    return statusOf(st);
  }

  /** A file that cannot be read: forgotten if it never served, else its last good version keeps serving. */
  private gone(key: string, display: string, now: Date, err: Error): FileStatus | undefined {
    const st = this.states.get(key);
    if (!st) return undefined;
    if (!st.serving) {
      this.states.delete(key);
      return undefined;
    }
    st.checkedAt = now;
    delete st.rejected;
    if (st.result !== 'missing') {
      st.result = 'missing';
      this.options.logger.warn({ file: display, err: err.message }, 'data file is gone; its last good version keeps serving until a restart');
    }
    return statusOf(st);
  }

  private reject(st: FileState, version: string, now: Date, errors: LocatedProblem[]): FileStatus {
    st.result = 'rejected';
    st.rejected = { version, at: now, errors };
    this.options.logger.error(
      { file: st.display, version, serving: st.serving?.version ?? null, problems: errors.map(formatLocated) },
      st.serving ? 'data file edit rejected; the last good version keeps serving' : 'data file rejected; it is not served',
    );
    return statusOf(st);
  }

  /** The customs unions being served, for resolving member files. */
  private unions(): UnionLookup {
    const refs = new Map<string, UnionRef>();
    for (const s of this.states.values()) if (s.serving?.union) refs.set(s.serving.id, { file: s.display, union: s.serving.union });
    return unionLookup(refs);
  }

  private accept(st: FileState, text: string, version: string, now: Date): { serving: Serving; members?: [FileState, Serving][] } | { errors: LocatedProblem[] } {
    const checked = checkDataText(st.kind, st.display, text, this.unions());
    if (!checked.ok) return { errors: checked.problems };
    if (checked.kind === 'union') {
      const union = checked.value;
      const members = reresolveMembers([...this.states.values()], { file: st.display, union }, now);
      if ('errors' in members) return members;
      return { serving: { version, loadedAt: now, id: union.id, periods: union.periods.map(dated), union }, members: members.updated };
    }
    if (checked.kind === 'tariff') {
      const t = checked.value;
      const member = checked.member ? { own: checked.member, text } : undefined;
      return { serving: { version, loadedAt: now, id: t.file.country, periods: t.file.periods.map(dated), tariff: t, ...(member ? { member } : {}) } };
    }
    const file = checked.value;
    const other = [...this.states.values()].find((s) => s !== st && s.serving?.carrier?.id === file.id);
    if (other) {
      // Two tables with one id: which one prices would depend on file order.
      return { errors: [{ file: st.display, line: 1, column: 1, path: 'id', message: `carrier id "${file.id}" is already used by ${other.display}`, severity: 'error' }] };
    }
    return { serving: { version, loadedAt: now, id: file.id, periods: [dated(file)], carrier: file } };
  }

  /** Tariff files turned down or never served (a member whose union was missing or bad): read again now that a union changed. */
  private retryMembersOf(): void {
    for (const s of [...this.states.values()]) {
      if (s.kind !== 'tariff' || (s.serving && s.result !== 'rejected')) continue;
      delete s.rejected;
      this.reload('tariff', s.name);
    }
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
