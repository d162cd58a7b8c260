import NodeCache from 'node-cache';
import type { Logger } from 'pino';
import { ECB_SOURCE } from '../ecb-csv';
import { layerRates, withoutRatesStaleAgainst } from '../layer-rates';
import { MARKET_SOURCE } from '../market-rates-csv';
import { redactUrl, redactUrlsIn } from '../../schema/redact-url';
import type { RateTable } from '../rate-table';
import { composeRates, type RateLayers } from '../snapshot-loader';
import { applyFix, parseBanxicoFix, type FixRate } from './banxico-fix';
import { parseEcbDailyXml } from './ecb-daily-xml';
import { fetchText } from './fetch-text';
import type { LiveFxConfig } from './live-fx-config';
import { parseMarketJson } from './market-json';

export type FeedId = 'ecb' | 'market' | 'banxico-fix';

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
  date: string;
}

interface Attempt {
  at: Date;
  error?: string;
}

/**
 * Exchange rates from the live feeds, falling back to the bundled tables.
 * Quotes start with the bundled rates at once (start-up never waits for a
 * feed) and switch when a feed answers. The ECB feed replaces the bundled
 * ECB snapshot, the market feed the bundled market table, the FIX the peso;
 * the central banks' bundled rates (ARS, COP, AED) stay first unless they
 * are more than `maxAgeDays` older than the market feed's day. The last good
 * answer of each feed is kept in a node-cache with no expiry: when a feed
 * times out, errors or sends garbage, quotes keep the last good rates (or
 * the bundled ones) and the source says when they were fetched and that the
 * refresh failed. Rates never go back to an older date than the ones held.
 */
export class LiveRates {
  private readonly cache = new NodeCache({ stdTTL: 0, checkperiod: 0, useClones: false });
  private readonly attempts = new Map<FeedId, Attempt>();
  private readonly timers: NodeJS.Timeout[] = [];
  private table: RateTable;
  private readonly clock: () => Date;

  constructor(
    private readonly bundled: RateLayers,
    private readonly config: LiveFxConfig,
    private readonly deps: { logger: Logger; clock?: () => Date; onChange?: (table: RateTable) => void },
  ) {
    this.clock = deps.clock ?? (() => new Date());
    this.table = composeRates(bundled);
  }

  /** The rate table quotes should use now. */
  current(): RateTable {
    return this.table;
  }

  /**
   * Fetch every configured feed once, then every refresh interval. Timers do not keep the
   * process alive. The returned promise is for tests; the server does not wait for it.
   */
  start(): Promise<void> {
    const feeds = this.feeds();
    for (const f of feeds) {
      const t = setInterval(() => void this.refresh(f.feed), f.refreshMs);
      t.unref();
      this.timers.push(t);
    }
    if (feeds.length > 0) this.deps.logger.info({ feeds: feeds.map((f) => ({ feed: f.feed, url: redactUrl(f.url), refreshMinutes: f.refreshMs / 60_000 })) }, 'live exchange-rate feeds on');
    else this.deps.logger.info('live exchange-rate feeds off (FX_LIVE, NODE_ENV): quotes use the bundled tables');
    return Promise.all(feeds.map((f) => this.refresh(f.feed))).then(() => undefined);
  }

  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  /** Fetch one feed now; never throws. */
  async refresh(feed: FeedId): Promise<void> {
    const at = this.clock();
    try {
      const got = await this.fetchFeed(feed);
      if (!got) return;
      this.keep(feed, got.value, got.date, at);
      this.attempts.set(feed, { at });
    } catch (err) {
      // Errors quote the URL they were given (fetch does, for one with credentials): this text reaches
      // /data/status, every answer's FX source and the logs, so its URLs lose credentials and query.
      const error = redactUrlsIn((err as Error).message);
      this.attempts.set(feed, { at, error });
      const held = this.cache.get<Held<unknown>>(feed);
      this.deps.logger.warn({ feed, error, usingFetchedAt: held?.fetchedAt.toISOString() ?? 'bundled tables' }, 'exchange-rate feed failed; keeping the last good rates');
    }
    this.recompose();
  }

  private async fetchFeed(feed: FeedId): Promise<{ value: RateTable | FixRate; date: string } | undefined> {
    const timeoutMs = this.config.timeoutMs;
    if (feed === 'banxico-fix') {
      const cfg = this.config.banxico;
      if (!cfg) return undefined;
      const fix = parseBanxicoFix(await fetchText(cfg.url, { timeoutMs, headers: { 'Bmx-Token': cfg.token, Accept: 'application/json' } }));
      return { value: fix, date: fix.date };
    }
    const cfg = this.config[feed];
    if (!cfg) return undefined;
    const text = await fetchText(cfg.url, { timeoutMs });
    const table = feed === 'ecb' ? parseEcbDailyXml(text) : parseMarketJson(text);
    return { value: table, date: table.asOf };
  }

  private keep<T>(feed: FeedId, value: T, date: string, at: Date): void {
    const held = this.cache.get<Held<T>>(feed);
    // A cached or lagging answer older than what is held is not a step back.
    if (held && date < held.date) return;
    this.cache.set(feed, { value, fetchedAt: at, date });
  }

  /** A feed's last good table with when it was fetched, if it ever answered. */
  private live(feed: 'ecb' | 'market', name: string): RateTable | undefined {
    const held = this.cache.get<Held<RateTable>>(feed);
    return held ? { ...held.value, source: `${name} (live feed, fetched ${iso(held.fetchedAt)}${failure(this.attempts.get(feed))})` } : undefined;
  }

  /** A bundled table, saying why its feed is not used when that feed failed. */
  private bundledWithFailure(feed: 'ecb' | 'market', bundled: RateTable): RateTable {
    const attempt = this.attempts.get(feed);
    return attempt?.error && !this.cache.has(feed) ? { ...bundled, source: `${bundled.source}; the live feed failed at ${iso(attempt.at)}: ${attempt.error}` } : bundled;
  }

  /**
   * The ECB (live, else bundled) first; the central banks' bundled rates unless the live
   * market feed has them much fresher; the live market rates; the bundled market table
   * for any currency the live answer lacks.
   */
  private recompose(): void {
    const ecb = this.live('ecb', ECB_SOURCE) ?? this.bundledWithFailure('ecb', this.bundled.ecb);
    const market = this.live('market', MARKET_SOURCE);
    const official = market ? withoutRatesStaleAgainst(this.bundled.official, market, this.config.maxAgeDays) : this.bundled.official;
    let table = layerRates(ecb, official, ...(market ? [market] : []), this.bundledWithFailure('market', this.bundled.market));
    const fix = this.cache.get<Held<FixRate>>('banxico-fix');
    const fixTry = this.attempts.get('banxico-fix');
    if (fix) {
      table = applyFix(table, fix.value, `Banco de México FIX of ${fix.value.date} (fetched ${iso(fix.fetchedAt)}${failure(fixTry)})`);
    } else if (fixTry?.error) {
      table = { ...table, source: `${table.source}; Banco de México FIX unavailable since ${iso(fixTry.at)} (${fixTry.error}), MXN from the ECB` };
    }
    if (sameTable(table, this.table)) return;
    this.table = table;
    this.deps.onChange?.(table);
  }

  private feeds(): { feed: FeedId; url: string; refreshMs: number }[] {
    return [
      ...(this.config.ecb ? [{ feed: 'ecb' as const, ...this.config.ecb }] : []),
      ...(this.config.market ? [{ feed: 'market' as const, ...this.config.market }] : []),
      ...(this.config.banxico ? [{ feed: 'banxico-fix' as const, url: this.config.banxico.url, refreshMs: this.config.banxico.refreshMs }] : []),
    ];
  }

  status(): ExchangeRatesStatus {
    return {
      asOf: this.table.asOf,
      source: this.table.source,
      feeds: this.feeds().map((f) => {
        const held = this.cache.get<Held<unknown>>(f.feed);
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

function sameTable(a: RateTable, b: RateTable): boolean {
  if (a.source !== b.source || a.asOf !== b.asOf || a.rates.size !== b.rates.size) return false;
  for (const [k, v] of a.rates) if (!b.rates.get(k)?.eq(v)) return false;
  const ao = a.origins ?? new Map();
  const bo = b.origins ?? new Map();
  if (ao.size !== bo.size) return false;
  for (const [k, o] of ao) {
    const p = bo.get(k);
    if (!p || p.asOf !== o.asOf || p.source !== o.source || p.official !== o.official) return false;
  }
  return true;
}
