import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasRate } from '../../../src/fx/rate-table';
import { defaultDataPaths } from '../../../src/data/load-data';
import { loadBundledRates, loadRateSnapshot } from '../../../src/fx/snapshot-loader';
import { EU_MEMBERS, isGeneratedText, planWorldImport } from '../../../src/tariffs/importers/world-import';
import { readWorldFolder, readWorldTables, type WorldTables } from '../../../src/tariffs/importers/world-tables';
import { buildWorldTariff } from '../../../src/tariffs/importers/world-tariff';
import { rowBasis } from '../../../src/tariffs/importers/world-thresholds';
import type { generatedMarkerSchema, noteSchema, periodSchema, tariffFileSchema } from '../../../src/tariffs/tariff-schema';
import type { z } from 'zod';

const ROOT = join(__dirname, '..', '..', '..');
const REF = join(ROOT, 'data', 'reference', 'world');
const TARIFFS = join(ROOT, 'tariffs');

const texts = () => readWorldFolder(REF);
const TABLES: WorldTables = readWorldTables(texts());
/** The bundled ECB snapshot decides which threshold currencies can be converted (it has NZD, not SAR or VND). */
/** The bundled rates (ECB, central banks, market table), as `npm run import:world` reads them. */
const RATES = loadBundledRates(defaultDataPaths(ROOT));
const options = { isQuoted: (c: string) => hasRate(RATES, c) };

function existingFiles(): Map<string, string> {
  return new Map(readdirSync(TARIFFS).filter((n) => /^[A-Z]{2}\.json$/.test(n)).map((n) => [n.slice(0, 2), readFileSync(join(TARIFFS, n), 'utf8')]));
}

/** A generated file as written (decimal strings), with its one period. */
type Note = z.input<typeof noteSchema>;
type Built = z.input<typeof tariffFileSchema> & {
  generated: z.input<typeof generatedMarkerSchema>;
  periods: [z.input<typeof periodSchema>];
  notes: [Note, Note];
};

function built(cc: string): Built {
  const out = buildWorldTariff(cc, TABLES, options);
  if (!out.ok) throw new Error(`${cc}: ${out.reason}`);
  return out.json as unknown as Built;
}

describe('npm run import:world: what a generated file holds', () => {
  it('EC: currency USD, capital zone, IVA 15 % (row EC) on customs value + duty, duty = World Bank mean 7.82 % flagged estimated, CIF assumed', () => {
    const ec = built('EC');
    expect([ec.currency, ec.timeZone, ec.generated.by, ec.generated.at]).toEqual(['USD', 'America/Guayaquil', 'npm run import:world', '2026-12-03']);
    const period = ec.periods[0];
    expect(period.taxes).toEqual([expect.objectContaining({ code: 'VAT', rate: '15', base: ['customsValue', 'duties'], confidence: 'unconfirmed' })]);
    expect(period.valuation).toEqual({ basis: 'CIF', source: 'FRONTERA-ASSUMED', confidence: 'unconfirmed' });
    expect(period.deMinimis).toEqual({ duty: [], tax: [] });
    expect(ec.duties.default).toEqual({ duty: { type: 'adValorem', percent: '7.82' }, source: 'WB-TARIFF', confidence: 'estimated' });
    expect(ec.duties.mfn).toEqual([]);
    expect(ec.notes.map((n) => n.code)).toEqual(['WORLD-ESTIMATE', 'WORLD-NO-THRESHOLD']);
    expect(ec.notes[1].text.en).toBe('No de minimis threshold known for Ecuador: duties and taxes assumed due on every parcel.');
    expect(ec.sources['WB-TARIFF']).toEqual(expect.objectContaining({ licence: 'CC-BY-4.0', url: 'https://data.worldbank.org/indicator/TM.TAX.MRCH.SM.AR.ZS' }));
  });

  it('NZ: the verified row gives a NZD 1,000 duty threshold on customs value (secondary: high row, never confirmed) and no GST threshold', () => {
    const nz = built('NZ');
    expect(nz.periods[0].deMinimis).toEqual({
      duty: [{ id: 'NZ-DUTY-DE-MINIMIS', amount: '1000', currency: 'NZD', basis: 'customsValue', source: 'WORLD-DE-MINIMIS', confidence: 'secondary' }],
      tax: [],
    });
    expect(nz.notes[1].code).toBe('WORLD-DE-MINIMIS');
    expect(nz.notes[1].text.en).toContain('In this estimate: duty: not charged up to NZD 1,000 (customs value); tax: no threshold (due on every parcel).');
  });

  it('CH: a threshold on the AMOUNT of duty or VAT (CHF 5) is not a value threshold: left out, and the note says so', () => {
    const ch = built('CH');
    expect(ch.periods[0].deMinimis).toEqual({ duty: [], tax: [] });
    expect(ch.notes[1].text.en).toContain('the CHF 5 threshold is an amount of duty or tax due, not a value; this estimate cannot model it and charges it on every parcel');
  });

  it('SA: the SAR 1,000 duty threshold (goods plus freight, de-minimis-verified.csv) is kept, since the bundled market table quotes SAR', () => {
    expect(built('SA').periods[0].deMinimis.duty).toEqual([
      { id: 'SA-DUTY-DE-MINIMIS', amount: '1000', currency: 'SAR', basis: 'goodsPlusShipping', source: 'WORLD-DE-MINIMIS', confidence: 'unconfirmed' },
    ]);
  });

  it('SA: with rates that lack SAR (ECB only), the threshold is left out, not converted by a guess', () => {
    const ecb = loadRateSnapshot(join(ROOT, 'data', 'fx', 'eurofxref-daily.csv'));
    const out = buildWorldTariff('SA', TABLES, { isQuoted: (c: string) => hasRate(ecb, c) });
    if (!out.ok) throw new Error(out.reason);
    const sa = out.json as unknown as Built;
    expect(sa.periods[0].deMinimis.duty).toEqual([]);
    expect(sa.notes[1].text.en).toContain('the SAR 1,000 threshold is not applied because the bundled exchange rates have no SAR');
  });

  it('KW: the table says there is no VAT (0 %, "none"): a file with no tax line and a note saying so', () => {
    const kw = built('KW');
    expect(kw.periods[0].taxes).toEqual([]);
    expect(kw.notes[0].text.en).toContain('The reference table says there is no VAT or GST on imports: no tax is charged.');
  });

  it('TR: the period starts on the verified row’s effective date (2026-02-06), not before', () => {
    expect(built('TR').periods[0].effectiveFrom).toBe('2026-02-06');
  });

  it.each([
    ['AF', /no usable VAT\/GST row/],
    ['TW', /no World Bank average applied tariff/],
    ['XK', /no row in countries\.csv/],
  ])('%s gets no file: %s', (cc, reason) => {
    const out = buildWorldTariff(cc, TABLES, options);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(reason);
  });

  it.each([
    ['CIF (air courier/postal only)', 'cif'],
    ['FOB (shipping excluded)', 'goods'],
    ['goods + freight', 'goodsPlusShipping'],
    ['customs value', 'customsValue'],
  ])('reads the basis "%s" as %s; an unknown basis text stops rather than guessing', (text, basis) => {
    expect(rowBasis(text)).toEqual({ kind: 'value', basis });
    expect(rowBasis('per parcel, by weight')).toBeUndefined();
  });
});

describe('npm run import:world: planning a run', () => {
  it('when run twice on the same tables, then the same bytes come out (deterministic, stable key order)', () => {
    const a = planWorldImport(TABLES, new Map(), options);
    const b = planWorldImport(readWorldTables(texts()), new Map(), options);
    expect(a.files.length).toBeGreaterThan(120);
    expect(b.files.map((f) => f.text)).toEqual(a.files.map((f) => f.text));
  });

  it('when a file without the "generated" marker exists (researched), then it is kept and not rewritten', () => {
    const researched = '{"$schema": "./schema.json", "country": "NZ", "note": "researched by hand"}\n';
    const plan = planWorldImport(TABLES, new Map([['NZ', researched]]), { ...options, only: ['NZ', 'SG'] });
    expect(plan.kept).toEqual(['NZ']);
    expect(plan.files.map((f) => f.country)).toEqual(['SG']);
  });

  it('when a generated file is out of date, then it is rewritten; when it matches, it is left alone', () => {
    const fresh = planWorldImport(TABLES, new Map(), { ...options, only: ['NZ'] }).files[0]?.text ?? '';
    const old = fresh.replace('"percent": "2.27"', '"percent": "9"').replace('"percent":"2.27"', '"percent":"9"');
    expect(old).not.toBe(fresh);
    expect(planWorldImport(TABLES, new Map([['NZ', old]]), { ...options, only: ['NZ'] }).files[0]?.status).toBe('changed');
    expect(planWorldImport(TABLES, new Map([['NZ', fresh]]), { ...options, only: ['NZ'] }).files[0]?.status).toBe('unchanged');
  });

  it('never writes an EU member, even without a file', () => {
    const plan = planWorldImport(TABLES, new Map(), options);
    expect(plan.euSkipped).toEqual([...EU_MEMBERS].sort());
    expect(plan.files.some((f) => EU_MEMBERS.includes(f.country))).toBe(false);
  });

  it('when a generated file is no longer produced by the tables, then it is reported as stale, not deleted', () => {
    const plan = planWorldImport(TABLES, new Map([['TW', '{"generated": {"by": "npm run import:world"}}']]), { ...options, only: ['TW'] });
    expect(plan.stale).toEqual(['TW']);
  });

  it('the bundled tariffs/ folder is what the tables give: every generated file is up to date, every researched one kept', () => {
    const plan = planWorldImport(TABLES, existingFiles(), options);
    expect(plan.files.filter((f) => f.status !== 'unchanged').map((f) => f.country)).toEqual([]);
    expect(plan.kept).toEqual(['AR', 'AU', 'BR', 'CA', 'CL', 'CN', 'CO', 'CR', 'GB', 'GT', 'JP', 'KR', 'MX', 'PA', 'PE', 'US']);
    expect(isGeneratedText(readFileSync(join(TARIFFS, 'US.json'), 'utf8'))).toBe(false);
  });
});

describe('npm run import:world (the command)', () => {
  it('when run into a folder holding a researched file, then the researched file is byte-for-byte unchanged and the others are written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontera-world-'));
    const researched = readFileSync(join(TARIFFS, 'US.json'), 'utf8').replace('"country": "US"', '"country": "NZ"');
    writeFileSync(join(dir, 'NZ.json'), researched);
    const stdout = execFileSync('npm', ['run', '--silent', 'import:world', '--', '--out', dir, '--only', 'NZ', '--only', 'SG'], { cwd: ROOT, encoding: 'utf8' });
    expect(stdout).toContain('1 generated files: 1 new and 0 changed written, 0 unchanged');
    expect(stdout).toContain('1 researched files kept (no "generated" marker): NZ');
    expect(readFileSync(join(dir, 'NZ.json'), 'utf8')).toBe(researched);
    expect(readFileSync(join(dir, 'SG.json'), 'utf8')).toBe(readFileSync(join(TARIFFS, 'SG.json'), 'utf8'));
  }, 30_000);
});
