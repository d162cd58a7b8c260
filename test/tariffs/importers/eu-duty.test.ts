import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords as parseCsv } from '../../../src/schema/csv';
import { importEuDuty } from '../../../src/tariffs/importers/eu-duty';

// A slice of the EU duty-by-origin table (TARIC 2026-09-29, OGL v3.0): 6109.10, 6403.99, 7003.20, 1806.20, 2105.00, 2208.90.
const rows = parseCsv(readFileSync(join(__dirname, '..', '..', 'fixtures', 'tariffs', 'eu-duty-slice.csv'), 'utf8'));
const imp = importEuDuty(rows);
const mfn = (hs: string) => imp.mfn.find((m) => m.hs === hs);

describe('EU duty-by-origin importer on a slice', () => {
  it('when the MFN is one rate and MX has a preference, then an MFN measure and an EU-MX measure', () => {
    expect(mfn('610910')?.duty).toEqual({ type: 'adValorem', percent: '12' });
    expect(imp.preferential.find((p) => p.hs === '610910')).toMatchObject({ agreement: 'EU-MX', duty: { type: 'adValorem', percent: '0' } });
  });

  it('when the CN codes under an HS6 differ, then the higher end is charged and the range kept', () => {
    expect(mfn('640399')).toMatchObject({ duty: { type: 'adValorem', percent: '8' }, range: { low: '5 %', high: '8 %' } });
  });

  it('when neither end always dominates (2105.00), then MAX of both ends', () => {
    expect(mfn('210500')?.duty).toMatchObject({ type: 'max', of: [{ type: 'min' }, { type: 'min' }] });
  });

  it('when a duty has an agricultural component or depends on alcohol strength, then it is skipped and noted', () => {
    expect(mfn('180620')).toBeUndefined();
    expect(mfn('220890')).toBeUndefined();
    expect(imp.notes[0]?.hs).toEqual(['180620', '220890']);
  });

  it('when MX pays the MFN rate (basis "mfn"), then no preference is made; other origins are ignored', () => {
    expect(imp.preferential.map((p) => p.hs)).toEqual(['640399', '610910', '700320'].sort());
    expect(imp.stats['pref:no-preference']).toBe(3); // 1806.20, 2105.00, 2208.90
  });

  it('when asked for another origin and agreement, then they are used', () => {
    const cn = importEuDuty(rows, { origin: 'CN', agreement: 'EU-CN' });
    expect(cn.preferential).toEqual([]); // China has no EU preference on these lines
  });
});
