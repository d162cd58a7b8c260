import { readFileSync } from 'node:fs';
import { ECB_SOURCE, parseEcbCsv } from './ecb-csv';
import type { RateTable } from './rate-table';

/** The bundled, dated ECB snapshot (data/fx/eurofxref-daily.csv). */
export function loadRateSnapshot(path: string): RateTable {
  return parseEcbCsv(readFileSync(path, 'utf8'), `${ECB_SOURCE} (bundled snapshot)`);
}
