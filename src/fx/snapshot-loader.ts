import { readFileSync } from 'node:fs';
import { ECB_SOURCE, parseEcbCsv } from './ecb-csv';
import { layerRates } from './layer-rates';
import { parseMarketRatesCsv } from './market-rates-csv';
import { parseOfficialRatesCsv } from './official-rates-csv';
import type { RateTable } from './rate-table';

/** The bundled, dated ECB snapshot (data/fx/eurofxref-daily.csv). */
export function loadRateSnapshot(path: string): RateTable {
  return parseEcbCsv(readFileSync(path, 'utf8'), `${ECB_SOURCE} (bundled snapshot)`);
}

/** Where the three bundled tables are (data/fx/README.md). */
export interface BundledRatePaths {
  /** ECB reference rates: the official source for its 30 currencies. */
  fxSnapshot: string;
  /** Central banks' own euro rates, for currencies the ECB does not publish (ARS, COP, AED). */
  fxOfficial: string;
  /** Market rates for every other ISO currency (unofficial). */
  fxMarket: string;
}

/** The bundled tables one by one, for the live feeds to replace the ECB or the market layer. */
export interface RateLayers {
  ecb: RateTable;
  official: RateTable;
  market: RateTable;
}

export function loadRateLayers(paths: BundledRatePaths): RateLayers {
  return {
    ecb: loadRateSnapshot(paths.fxSnapshot),
    official: parseOfficialRatesCsv(readFileSync(paths.fxOfficial, 'utf8')),
    market: parseMarketRatesCsv(readFileSync(paths.fxMarket, 'utf8')),
  };
}

/** One table: the ECB first, then the central banks, then market rates only for what neither quotes. */
export function composeRates(layers: RateLayers): RateTable {
  return layerRates(layers.ecb, layers.official, layers.market);
}

/** The bundled rates every quote starts with (and falls back to when live feeds fail). */
export function loadBundledRates(paths: BundledRatePaths): RateTable {
  return composeRates(loadRateLayers(paths));
}
