import { join } from 'node:path';
import { loadCarrierDirectory } from '../carriers/carrier-loader';
import type { CarrierRater } from '../carriers/carrier-rater';
import type { CarrierFile } from '../carriers/carrier-schema';
import { buildCarrierRegistry } from '../carriers/carrier-registry';
import { loadBundledRates, type BundledRatePaths } from '../fx/snapshot-loader';
import { bundledHsNomenclature, loadHsValidity } from '../hs/hs-validity';
import type { DataSnapshot } from '../quote/quote-deps';
import type { DataProblem } from '../schema/data-file';
import { loadTariffDirectory } from '../tariffs/tariff-loader';

export interface DataPaths extends BundledRatePaths {
  tariffsDir: string;
  carriersDir: string;
  /** The HS 2022 table; default the bundled data/hs/harmonized-system.csv. */
  hsNomenclature?: string;
}

export function defaultDataPaths(root: string): DataPaths {
  return {
    tariffsDir: join(root, 'tariffs'),
    carriersDir: join(root, 'carriers'),
    fxSnapshot: join(root, 'data', 'fx', 'eurofxref-daily.csv'),
    fxOfficial: join(root, 'data', 'fx', 'official-eur-rates-2026-09-28_to_2026-10-08.csv'),
    fxMarket: join(root, 'data', 'fx', 'fawazahmed0-currency-api-2026-09-29.csv'),
  };
}

/** The raters for validated carrier tables, in file order (also used by the hot-reloading DataStore). */
export function carrierRaters(files: readonly CarrierFile[]): CarrierRater[] {
  return buildCarrierRegistry(files, process.env).carriers;
}

/** Load every data file; bad files are reported in `problems` and left out. */
export function loadDataSnapshot(paths: DataPaths): { snapshot: DataSnapshot; problems: DataProblem[] } {
  const t = loadTariffDirectory(paths.tariffsDir);
  const c = loadCarrierDirectory(paths.carriersDir);
  return {
    snapshot: {
      tariffs: t.tariffs,
      carriers: carrierRaters(c.carriers),
      rates: loadBundledRates(paths),
      hs: paths.hsNomenclature ? loadHsValidity(paths.hsNomenclature) : bundledHsNomenclature(),
    },
    problems: [...t.problems, ...c.problems],
  };
}
