import { join } from 'node:path';
import { loadCarrierDirectory } from '../carriers/carrier-loader';
import { TableCarrierRater } from '../carriers/table-carrier-rater';
import { loadRateSnapshot } from '../fx/snapshot-loader';
import type { DataSnapshot } from '../http/app-deps';
import type { DataProblem } from '../schema/data-file';
import { loadTariffDirectory } from '../tariffs/tariff-loader';

export interface DataPaths {
  tariffsDir: string;
  carriersDir: string;
  fxSnapshot: string;
}

export function defaultDataPaths(root: string): DataPaths {
  return {
    tariffsDir: join(root, 'tariffs'),
    carriersDir: join(root, 'carriers'),
    fxSnapshot: join(root, 'data', 'fx', 'eurofxref-daily.csv'),
  };
}

/** Load every data file; bad files are reported in `problems` and left out. */
export function loadDataSnapshot(paths: DataPaths): { snapshot: DataSnapshot; problems: DataProblem[] } {
  const t = loadTariffDirectory(paths.tariffsDir);
  const c = loadCarrierDirectory(paths.carriersDir);
  return {
    snapshot: {
      tariffs: t.tariffs,
      carriers: c.carriers.map((file) => new TableCarrierRater(file)),
      rates: loadRateSnapshot(paths.fxSnapshot),
    },
    problems: [...t.problems, ...c.problems],
  };
}
