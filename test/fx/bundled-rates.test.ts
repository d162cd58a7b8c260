import { join } from 'node:path';
import { D } from '../../src/domain/money';
import { defaultDataPaths } from '../../src/data/load-data';
import { layerRates, withoutRatesStaleAgainst } from '../../src/fx/layer-rates';
import { parseMarketRatesCsv } from '../../src/fx/market-rates-csv';
import { parseOfficialRatesCsv } from '../../src/fx/official-rates-csv';
import { convert, originOf, rateSources, type RateTable } from '../../src/fx/rate-table';
import { loadBundledRates, loadRateLayers } from '../../src/fx/snapshot-loader';

const PATHS = defaultDataPaths(join(__dirname, '..', '..'));
const ECB = 'European Central Bank euro foreign exchange reference rates (bundled snapshot)';

describe('the bundled exchange-rate tables (data/fx)', () => {
  const layers = loadRateLayers(PATHS);
  const bundled = loadBundledRates(PATHS);

  it('when the market table is read, then it holds 155 ISO currencies of 2026-09-29, marked not official (metals, SDR and EUR itself left out)', () => {
    // 161 rows: EUR (the base) and XAG, XAU, XDR, XPD, XPT (not currencies in ISO 4217 table A.1 with minor units) are left out.
    expect(layers.market.rates.size).toBe(155);
    expect([layers.market.asOf, layers.market.official]).toEqual(['2026-09-29', false]);
    expect(layers.market.rates.get('CLP')?.toString()).toBe('1099.4163');
    expect(layers.market.rates.has('XAU')).toBe(false);
  });

  it('when the central banks\' table is read, then each currency takes its newest day (2026-10-08) with its publisher', () => {
    expect([...layers.official.rates.keys()].sort()).toEqual(['AED', 'ARS', 'COP']);
    expect(layers.official.rates.get('ARS')?.toString()).toBe('1699.02705');
    expect(originOf(layers.official, 'ARS')).toEqual({ asOf: '2026-10-08', source: 'BCRA official API, tipoCotizacion EUR (bundled)', official: true });
  });

  it('when the three are layered, then the ECB keeps its currencies, the central banks theirs, and the market fills only the rest', () => {
    // MXN: ECB 20.3203, not the market's 20.455448; ARS: BCRA 1699.02705, not the market's 1732.5408; CLP: market only.
    expect(bundled.rates.get('MXN')?.toString()).toBe('20.3203');
    expect(originOf(bundled, 'MXN')).toEqual({ asOf: '2026-04-13', source: ECB, official: true });
    expect(bundled.rates.get('ARS')?.toString()).toBe('1699.02705');
    expect(originOf(bundled, 'CLP')).toEqual({ asOf: '2026-09-29', source: 'fawazahmed0 currency-api market rates (bundled)', official: false });
    expect([bundled.asOf, bundled.source]).toEqual(['2026-04-13', ECB]);
    // 29 ECB + 3 central banks + 155 − 29 − 3 market = 155 currencies besides EUR (every market currency the others lack).
    expect(bundled.rates.size).toBe(155);
  });

  it.each([
    // 100000 CLP → EUR at 1099.4163 (market) → MXN at 20.3203 (ECB): 100000 / 1099.4163 × 20.3203 = 1848.28076…
    ['100000', 'CLP', 'MXN', '1848.28'],
    // 1000 USD → COP: 1000 / 1.1684 × 3630.1367 = 3106929.73297…
    ['1000', 'USD', 'COP', '3106929.73'],
  ])('when %s %s is converted to %s through EUR, then it is %s', (amount, from, to, expected) => {
    expect(convert(new D(amount), from, to, bundled).toFixed(2)).toBe(expected);
  });

  it('when the sources are listed, then the ECB comes first and every publisher has its newest date', () => {
    const sources = rateSources(bundled);
    expect(sources[0]).toBe(`${ECB} of 2026-04-13`);
    expect(sources).toContain('fawazahmed0 currency-api market rates (bundled) of 2026-09-29');
    expect(sources).toHaveLength(5);
  });
});

describe('reading and layering rate tables', () => {
  it.each([
    ['currency,units_per_EUR,units_per_USD,date\nCLP,abc,1,2026-09-29\n', 'market rates CSV line 2: CLP: expected a positive rate, got "abc"'],
    ['currency,units_per_EUR,units_per_USD,date\nUSD,1.1,1,2026-09-29\nCLP,0,1,2026-09-29\n', 'market rates CSV line 3: CLP: expected a positive rate, got 0'],
    ['currency,units_per_EUR,units_per_USD,date\nCLP,1000,1,29/09/2026\n', 'market rates CSV line 2: CLP: expected a date as YYYY-MM-DD, got "29/09/2026"'],
    ['code,rate\nCLP,1000\n', 'market rates CSV: missing column(s) currency, units_per_EUR, date'],
    ['currency,units_per_EUR,units_per_USD,date\nXAU,0.0003,1,2026-09-29\n', 'market rates CSV: no currency rates found'],
  ])('when the market table is %j, then loading stops with "%s"', (text, message) => {
    expect(() => parseMarketRatesCsv(text)).toThrow(message);
  });

  it.each([
    ['date,currency,units_per_EUR,publisher\n2026-10-08,ARS,1699,\n', 'official rates CSV line 2: ARS: the publisher is missing'],
    ['date,currency,units_per_EUR,publisher\n2026-10-08,PESO,1699,BCRA\n', 'official rates CSV line 2: "PESO" is not an ISO 4217 currency'],
  ])('when the central banks\' table is %j, then loading stops with "%s"', (text, message) => {
    expect(() => parseOfficialRatesCsv(text)).toThrow(message);
  });

  const eur = (source: string, asOf: string, rates: Record<string, string>, official = true): RateTable => ({
    asOf, source, base: 'EUR', official, rates: new Map(Object.entries(rates).map(([k, v]) => [k, new D(v)])),
  });

  it('when a filler table has another base, then layering refuses it', () => {
    const usd: RateTable = { ...eur('x', '2026-01-01', { MXN: '18' }), base: 'USD' };
    expect(() => layerRates(eur('main', '2026-01-01', { USD: '1.1' }), usd)).toThrow('cannot fill main (per EUR) from x (per USD)');
  });

  it('when a fresher table quotes a rate more than N days newer, then the stale one is dropped; one it lacks or about as new stays', () => {
    const official = layerRates(eur('ecb', '2026-11-28', { USD: '1.1' }), eur('bcra', '2026-10-08', { ARS: '1699', COP: '3630' }));
    const market = eur('market', '2026-12-01', { USD: '1.12', ARS: '1790' }, false);
    // 2026-12-01 − 7 days = 2026-11-24: ARS of 2026-10-08 is older and the market has ARS: dropped.
    // USD of 2026-11-28 is within 7 days: kept. COP is not in the market table: kept, however old.
    const kept = withoutRatesStaleAgainst(official, market, 7);
    expect([...kept.rates.keys()]).toEqual(['USD', 'COP']);
    expect(kept.origins?.has('ARS')).toBe(false);
    expect(layerRates(kept, market).rates.get('ARS')?.toString()).toBe('1790');
  });
});
