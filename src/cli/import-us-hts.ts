import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importUsHts } from '../tariffs/importers/us-hts';
import { describeImport, readCsvFiles, writeImport } from '../tariffs/importers/run-import';
import { readCliArgs, runCommand, todayIso } from './cli-args';

const USAGE = `Usage: npm run import:us-hts -- <hts.csv> [more.csv ...] [--out <file>] [--base <file>] [--edition <text>] [--reviewed YYYY-MM-DD]

Reads the USITC HTS CSV export (or the selected-chapter extracts, same columns) and writes the
US MFN and preferential measures into a tariff file, keeping its other parts.
  --out       file to write (default tariffs/US.json)
  --base      tariff file whose other parts are kept (default: --out if it exists, else tariffs/US.json)
  --edition   HTS edition named in the source title, e.g. "2026 Revision 20"
  --reviewed  review date of the source (default: today)`;

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.length === 0) {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  const args = readCliArgs(argv, ['out', 'base', 'edition', 'reviewed']);
  const bundled = resolve(__dirname, '..', '..', 'tariffs', 'US.json');
  const out = args.options.get('out')?.[0] ?? bundled;
  const base = args.options.get('base')?.[0] ?? (existsSync(out) ? out : bundled);
  const imp = importUsHts(readCsvFiles(args.files));
  const edition = args.options.get('edition')?.[0];
  const title = `Harmonized Tariff Schedule of the United States${edition ? `, ${edition}` : ''}: general (MFN) and special rates for chapters ${imp.chapters.join(', ')} (USITC HTS CSV export). Special-programme codes per HTSUS General Note 3(c)(i).`;
  console.log(describeImport(imp, args.files));
  const problems = writeImport(imp, base, out, { title, reviewed: args.options.get('reviewed')?.[0] ?? todayIso(new Date()) });
  if (problems.length > 0) {
    console.error(`not written: the result is not a valid tariff file\n${problems.join('\n')}`);
    return 1;
  }
  console.log(`wrote ${out}`);
  return 0;
}

runCommand(main, USAGE);
