import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords as parseCsv } from '../../../src/schema/csv';
import { importUsHts } from '../../../src/tariffs/importers/us-hts';

// A slice of the HTS 2026 Rev 20 export (shared/reference, CC0): 0901.11, 6109, 6112.11, 6402.19.50, 9609.10, 6103.22.
const rows = parseCsv(readFileSync(join(__dirname, '..', '..', 'fixtures', 'tariffs', 'hts-slice.csv'), 'utf8'));
const imp = importUsHts(rows);
const mfn = (hs: string) => imp.mfn.find((m) => m.hs === hs);

describe('US HTS importer on a slice', () => {
  it('when an HS6 has one 8-digit line, then the MFN measure is that line; 10-digit rows with the same rate are not repeated', () => {
    expect(mfn('61091000')?.duty).toEqual({ type: 'adValorem', percent: '16.5' });
    expect(imp.mfn.filter((m) => m.hs.startsWith('610910'))).toHaveLength(1);
  });

  it('when only 10-digit rows carry the rate and they agree, then they become one 8-digit line (9609.10.00)', () => {
    expect(mfn('96091000')?.duty).toEqual({
      type: 'sum',
      of: [{ type: 'specific', amount: '0.14', currency: 'USD', per: 'unit', quantity: '144' }, { type: 'adValorem', percent: '4.3' }],
    });
  });

  it('when a line is Free, then every agreement has it Free in one measure (USMCA keeps it for the Sec. 301 exemption)', () => {
    const coffee = imp.preferential.find((p) => p.hs === '090111');
    expect(coffee?.agreements).toEqual(expect.arrayContaining(['USMCA', 'CAFTA-DR', 'US-KR', 'US-JP']));
    expect(coffee?.duty).toEqual({ type: 'adValorem', percent: '0' });
  });

  it('when 14 programmes give the same free rate, then one measure names them all; unmodelled codes (D, E, R) are left out', () => {
    const shoes = imp.preferential.filter((p) => p.hs.startsWith('640219'));
    expect(shoes).toHaveLength(1);
    expect(shoes[0]?.agreements).toHaveLength(14); // S, P, AU, BH, CL, CO, IL, JO, KR, MA, OM, PA, PE, SG
    expect(imp.stats['special:not-modelled']).toBeGreaterThan(0);
  });

  it('when the rate is by reference to an ensemble, then no measure is made and a note lists the line', () => {
    expect(mfn('61032200')).toBeUndefined();
    expect(imp.notes.find((n) => n.code === 'US-ENSEMBLES')?.hs).toEqual(['61032200']);
  });

  it('names the chapters it read and the agreements it uses', () => {
    expect(imp.chapters).toEqual(['09', '61', '64', '96']);
    expect(imp.agreements['USMCA']?.members).toEqual(['MX', 'CA', 'US']);
  });

  it('when the file is not an HTS export, then the missing columns are named', () => {
    expect(() => importUsHts([{ code: '1', rate: '2' }])).toThrow('USITC HTS CSV export: missing column(s) digits, full_description, general_rate, special_rate');
  });
});

describe('US HTS importer: duties per proof litre', () => {
  // Rows as in the HTS 2026 Rev 20 export (shared/reference/us-tariff, CC0): rum 2208.40.20 and vinegar 2209.00.00.
  const csv = [
    'digits,full_description,general_rate,special_rate',
    '22084020,"Spirits > Rum > Valued not over $3 per proof liter",23.7¢/pf.liter,"Free (A+,AU,S,SG) 10.5¢/pf. liter (JO)"',
    '22090000,Vinegar and substitutes for vinegar obtained from acetic acid,0.5¢/pf.liter,"Free (A,AU,S,SG)"',
  ].join('\n');
  const alcohol = importUsHts(parseCsv(csv));
  const line = (hs: string) => alcohol.mfn.find((m) => m.hs === hs);

  it('when a rate is per proof litre, then the measure is per proofLitre (litres × ABV / 50), listed in the info note US-PROOF-LITRE', () => {
    expect(line('22084020')?.duty).toEqual({ type: 'specific', amount: '0.237', currency: 'USD', per: 'proofLitre' });
    expect(alcohol.preferential.find((p) => p.agreement === 'US-JO')?.duty).toEqual({ type: 'specific', amount: '0.105', currency: 'USD', per: 'proofLitre' });
    const note = alcohol.notes.find((n) => n.code === 'US-PROOF-LITRE');
    expect([note?.severity, note?.hs]).toEqual(['info', ['22084020']]);
  });

  it('when vinegar (2209) is per "proof liter", then it stays per litre of product, flagged in US-VINEGAR-PROOF-LITRE: alcoholic strength does not apply', () => {
    expect(line('22090000')?.duty).toEqual({ type: 'specific', amount: '0.005', currency: 'USD', per: 'litre' });
    expect(alcohol.notes.find((n) => n.code === 'US-VINEGAR-PROOF-LITRE')?.hs).toEqual(['22090000']);
  });
});
