import NodeCache from 'node-cache';
import type { Logger } from 'pino';
import { ECB_SOURCE } from '../ecb-csv';
import { redactUrl, redactUrlsIn } from '../../schema/redact-url';
import type { RateTable } from '../rate-table';
import { applyFix, parseBanxicoFix, type FixRate } from './banxico-fix';
import { parseEcbDailyXml } from './ecb-daily-xml';
import { fetchText } from './fetch-text';
import type { LiveFxConfig } from './live-fx-config';

export type FeedId = 'ecb' | 'banxico-fix';

/** How one feed is doing, for `GET /data/status`. */
export interface FeedStatus {
  feed: FeedId;
  /** Without credentials or query string (see redactUrl). */
  url: string;
  refreshMinutes: number;
  /** Date of the rates last received. */
  rateDate?: string;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  /** Why the last attempt failed; cleared by the next success. */
  lastError?: string;
}

export interface ExchangeRatesStatus {
  asOf: string;
  source: string;
  feeds: FeedStatus[];
}

interface Held<T> {
  value: T;
  fetchedAt: Date;
}

interface Attempt {
  at: Date;
  error?: string;
}

/**
 * Exchange rates from the live feeds, falling back to the bundled snapshot.
 * The last good answer of each feed is kept in a node-cache with no expiry:
 * when a feed times out, errors or sends garbage, quotes keep using the last
 * good rates (or the snapshot), and the table's `source` says which, when
 * they were fetched and that the refresh failed; the FX note of every
 * answer shows the rate date and its age in days. Rates never go back to an
 * older date than the ones held.
 */
export class LiveRates {
  private readonly cache = new NodeCache({ stdTTL: 0, checkperiod: 0, useClones: false });
  private readonly attempts = new Map<FeedId, Attempt>();
  private readonly timers: NodeJS.Timeout[] = [];
  private table: RateTable;
  private readonly clock: () => Date;

  constructor(
    private readonly snapshot: RateTable,
    private readonly config: LiveFxConfig,
    private readonly deps: { logger: Logger; clock?: () => Date; onChange?: (table: RateTable) => void },
  ) {
    this.clock = deps.clock ?? (() => new Date());
    this.table = snapshot;
  }

  /** The rate table quotes should use now. */
  current(): RateTable {
    return this.table;
  }

  /** Fetch every configured feed once, then every refresh interval. Timers do not keep the process alive. */
  start(): Promise<void> {
    const feeds = this.feeds();
    for (const f of feeds) {
      const t = setInterval(() => void this.refresh(f.feed), f.refreshMs);
      t.unref();
      this.timers.push(t);
    }
    if (feeds.length > 0) this.deps.logger.info({ feeds: feeds.map((f) => ({ feed: f.feed, url: redactUrl(f.url), refreshMinutes: f.refreshMs / 60_000 })) }, 'live exchange-rate feeds on');
    return Promise.all(feeds.map((f) => this.refresh(f.feed))).then(() => undefined);
  }

  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  /** Fetch one feed now; never throws. */
  async refresh(feed: FeedId): Promise<void> {
    const at = this.clock();
    try {
      if (feed === 'ecb') {
        const cfg = this.config.ecb;
        if (!cfg) return;
        const table = parseEcbDailyXml(await fetchText(cfg.url, { timeoutMs: this.config.timeoutMs }));
        this.keep('ecb', table, table.asOf, at);
      } else {
        const cfg = this.config.banxico;
        if (!cfg) return;
        const fix = parseBanxicoFix(await fetchText(cfg.url, { timeoutMs: this.config.timeoutMs, headers: { 'Bmx-Token': cfg.token, Accept: 'application/json' } }));
        this.keep('banxico-fix', fix, fix.date, at);
      }
      this.attempts.set(feed, { at });
    } catch (err) {
      // Errors quote the URL they were given (fetch does, for one with credentials): this text reaches
      // /data/status, every answer's FX source and the logs, so its URLs lose credentials and query.
      const error = redactUrlsIn((err as Error).message);
      this.attempts.set(feed, { at, error });
      const held = this.cache.get<Held<unknown>>(feed);
      this.deps.logger.warn({ feed, error, usingFetchedAt: held?.fetchedAt.toISOString() ?? 'bundled snapshot' }, 'exchange-rate feed failed; keeping the last good rates');
    }
    this.recompose();
  }

  private keep<T>(feed: FeedId, value: T, date: string, at: Date): void {
    const held = this.cache.get<Held<T> & { date: string }>(feed);
    // A cached or lagging answer older than what is held is not a step back.
    if (held && date < held.date) return;
    this.cache.set(feed, { value, fetchedAt: at, date });
  }

  private recompose(): void {
    const ecb = this.cache.get<Held<RateTable>>('ecb');
    const fix = this.cache.get<Held<FixRate>>('banxico-fix');
    const ecbTry = this.attempts.get('ecb');
    const fixTry = this.attempts.get('banxico-fix');
    let table: RateTable;
    if (ecb) {
      table = { ...ecb.value, source: `${ECB_SOURCE} (live feed, fetched ${iso(ecb.fetchedAt)}${failure(ecbTry)})` };
    } else {
      table = { ...this.snapshot, source: `${this.snapshot.source}${ecbTry?.error ? `; the live feed failed at ${iso(ecbTry.at)}: ${ecbTry.error}` : ''}` };
    }
    if (fix) {
      table = applyFix(table, fix.value, `Banco de México FIX of ${fix.value.date} (fetched ${iso(fix.fetchedAt)}${failure(fixTry)})`);
    } else if (fixTry?.error) {
      table = { ...table, source: `${table.source}; Banco de México FIX unavailable since ${iso(fixTry.at)} (${fixTry.error}), MXN from the ECB` };
    }
    if (table.source === this.table.source && table.asOf === this.table.asOf && sameRates(table, this.table)) return;
    this.table = table;
    this.deps.onChange?.(table);
  }

  private feeds(): { feed: FeedId; url: string; refreshMs: number }[] {
    return [
      ...(this.config.ecb ? [{ feed: 'ecb' as const, ...this.config.ecb }] : []),
      ...(this.config.banxico ? [{ feed: 'banxico-fix' as const, url: this.config.banxico.url, refreshMs: this.config.banxico.refreshMs }] : []),
    ];
  }

  status(): ExchangeRatesStatus {
    return {
      asOf: this.table.asOf,
      source: this.table.source,
      feeds: this.feeds().map((f) => {
        const held = this.cache.get<Held<unknown> & { date: string }>(f.feed);
        const attempt = this.attempts.get(f.feed);
        return {
          feed: f.feed,
          url: redactUrl(f.url),
          refreshMinutes: f.refreshMs / 60_000,
          ...(held ? { rateDate: held.date, lastSuccessAt: iso(held.fetchedAt) } : {}),
          ...(attempt ? { lastAttemptAt: iso(attempt.at) } : {}),
          ...(attempt?.error ? { lastError: attempt.error } : {}),
        };
      }),
    };
  }
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function failure(attempt: Attempt | undefined): string {
  return attempt?.error ? `; the latest refresh failed at ${iso(attempt.at)}: ${attempt.error}` : '';
}

function sameRates(a: RateTable, b: RateTable): boolean {
  if (a.rates.size !== b.rates.size) return false;
  for (const [k, v] of a.rates) if (!b.rates.get(k)?.eq(v)) return false;
  return true;
}
