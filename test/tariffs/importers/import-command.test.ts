import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvRecords as parseCsv } from '../../../src/schema/csv';
import { importUsHts } from '../../../src/tariffs/importers/us-hts';
import { writeImport } from '../../../src/tariffs/importers/run-import';
import { parseUnionText } from '../../../src/tariffs/customs-union';
import { loadTariffFile, parseTariffText } from '../../../src/tariffs/tariff-loader';

const ROOT = join(__dirname, '..', '..', '..');
const FIX = join(ROOT, 'test', 'fixtures', 'tariffs');

describe('importing into a tariff file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontera-import-'));

  it('when a slice is imported into the bundled US file, then the schedule is replaced and the rest kept', () => {
    const out = join(dir, 'US.json');
    const imp = importUsHts(parseCsv(readFileSync(join(FIX, 'hts-slice.csv'), 'utf8')));
    expect(writeImport(imp, join(ROOT, 'tariffs', 'US.json'), out, { title: 'slice', reviewed: '2026-11-25' })).toEqual([]);
    const loaded = parseTariffText(out, readFileSync(out, 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const t = loaded.value.file;
    expect(t.duties.mfn.map((m) => m.hs)).toEqual(['09011100', '61091000', '61121100', '64021950', '96091000']);
    expect(t.duties.additional.map((a) => a.id)).toContain('SEC301-MX-9903.05.55'); // kept
    expect(t.periods).toHaveLength(4); // kept
    expect(t.sources['US-HTS']?.title).toBe('slice');
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')) as object)[0]).toBe('$schema');
  });

  it('when the base file does not exist, then nothing is written and the problem says so', () => {
    const imp = importUsHts(parseCsv(readFileSync(join(FIX, 'hts-slice.csv'), 'utf8')));
    expect(writeImport(imp, join(dir, 'nope.json'), join(dir, 'x.json'), { title: 't', reviewed: '2026-11-25' })[0]).toMatch(/no tariff file to merge/);
  });

  it('when run as `npm run import:eu-duty -- <file> --out <union file>`, then the EU customs union file is rewritten and its common rules kept', () => {
    mkdirSync(join(dir, 'unions'), { recursive: true });
    const out = join(dir, 'unions', 'EU.json');
    copyFileSync(join(ROOT, 'tariffs', 'unions', 'EU.json'), out);
    const stdout = execFileSync('npm', ['run', '--silent', 'import:eu-duty', '--', join(FIX, 'eu-duty-slice.csv'), '--out', out, '--reviewed', '2026-11-25'], { cwd: ROOT, encoding: 'utf8' });
    expect(stdout).toContain(`wrote ${out}`);
    const loaded = parseUnionText(out, readFileSync(out, 'utf8'));
    expect(loaded.ok && loaded.value.duties.mfn.map((m) => m.hs)).toEqual(['210500', '610910', '640399', '700320']);
    // Kept: the EUR 3 regime from 2026-07-01 and the 27 members.
    expect(loaded.ok && loaded.value.periods[1]?.regimes[0]?.id).toBe('EU-LVC-3EUR');
    expect(loaded.ok && loaded.value.members).toHaveLength(27);
    // A member file (here France, copied next to the union) takes the new schedule and keeps its own VAT.
    copyFileSync(join(ROOT, 'tariffs', 'FR.json'), join(dir, 'FR.json'));
    const fr = loadTariffFile(join(dir, 'FR.json'));
    expect(fr.ok && fr.value.file.duties.mfn.map((m) => m.hs)).toEqual(['210500', '610910', '640399', '700320']);
    expect(fr.ok && fr.value.file.periods[0]?.taxes[0]?.rate.toString()).toBe('20'); // French VAT kept
  }, 30_000);

  it('when asked to import into a member file, then nothing is written and the problem names the union file', () => {
    const imp = importUsHts(parseCsv(readFileSync(join(FIX, 'hts-slice.csv'), 'utf8')));
    expect(writeImport(imp, join(ROOT, 'tariffs', 'FR.json'), join(dir, 'FR-out.json'), { title: 't', reviewed: '2026-11-25' })).toEqual([
      `${join(ROOT, 'tariffs', 'FR.json')} is a member of customs union EU: its duties are written once in the union file; import into tariffs/unions/EU.json (--out)`,
    ]);
  });
});
