import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasRate } from '../fx/rate-table';
import { loadBundledRates } from '../fx/snapshot-loader';
import { defaultDataPaths } from '../data/load-data';
import { describeWorldPlan, planWorldImport, type WorldPlan } from '../tariffs/importers/world-import';
import { readWorldFolder, readWorldTables } from '../tariffs/importers/world-tables';
import { readCliArgs, runCommand } from './cli-args';

const ROOT = resolve(__dirname, '..', '..');

const USAGE = `Usage: npm run import:world -- [--ref <folder>] [--out <folder>] [--rates <ECB csv>] [--only CC ...] [--check yes]

Writes tariffs/<CC>.json for every country with a usable VAT/GST row in the reference tables
(data/reference/world/), except the 27 EU members and any file without the "generated" marker
(researched files are never overwritten), merging the researched overlay
data/reference/world/overlays/<CC>.json where there is one. Only files whose text changes are
rewritten.
  --ref     folder of the reference tables (default data/reference/world)
  --out     tariffs folder to write (default tariffs)
  --rates   ECB snapshot to use with the bundled official and market tables (default data/fx/):
            decides which threshold currencies can be converted
            (default data/fx/eurofxref-daily.csv)
  --only    generate only this country; repeat for several
  --check   "yes": write nothing, exit 1 when a generated file is missing or out of date, or an
            overlay's country gets no generated file`;

/** The tariff files already in the folder, by country. */
function readExisting(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (/^[A-Z]{2}\.json$/.test(name)) files.set(name.slice(0, 2), readFileSync(join(dir, name), 'utf8'));
  }
  return files;
}

function write(plan: WorldPlan, out: string): void {
  for (const f of plan.files) if (f.status !== 'unchanged') writeFileSync(join(out, `${f.country}.json`), f.text);
}

function main(argv: string[]): number {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const args = readCliArgs(argv, ['ref', 'out', 'rates', 'only', 'check']);
  if (args.files.length > 0) throw new Error(`unexpected argument "${args.files[0]}"`);
  const last = (name: string) => args.options.get(name)?.at(-1);
  const ref = resolve(last('ref') ?? join(ROOT, 'data', 'reference', 'world'));
  const out = resolve(last('out') ?? join(ROOT, 'tariffs'));
  const bundled = defaultDataPaths(ROOT);
  const rates = loadBundledRates({ ...bundled, ...(last('rates') ? { fxSnapshot: resolve(last('rates')!) } : {}) });
  const check = last('check');
  if (check !== undefined && check !== 'yes') throw new Error(`--check takes "yes", got "${check}"`);
  const only = (args.options.get('only') ?? []).map((c) => c.toUpperCase());
  const plan = planWorldImport(readWorldTables(readWorldFolder(ref)), readExisting(out), { isQuoted: (c) => hasRate(rates, c), only });
  if (check === undefined) write(plan, out);
  for (const line of describeWorldPlan(plan, check === undefined)) console.log(line);
  const outOfDate = plan.files.filter((f) => f.status !== 'unchanged');
  if (check !== undefined && outOfDate.length > 0) {
    console.error(`out of date: ${outOfDate.map((f) => f.country).join(' ')}; run npm run import:world`);
    return 1;
  }
  // An overlay whose country gets no generated file is researched data that reaches no answer.
  if (check !== undefined && plan.unusedOverlays.length > 0) {
    console.error(`overlays not merged into any file: ${plan.unusedOverlays.join(' ')}; move their data into the researched file or delete them`);
    return 1;
  }
  return 0;
}

runCommand(main, USAGE);
