import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../../src/schema/data-file';
import { checkTariffReferences } from '../../src/tariffs/tariff-checks';
import { HsIndex } from '../../src/tariffs/hs-index';
import { loadTariffFile } from '../../src/tariffs/tariff-loader';
import { measureAgreements, type TariffFile, type TariffPeriod } from '../../src/tariffs/tariff-schema';
import { type DutyExpression } from '../../src/tariffs/duty-expression-schema';

const DIR = join(__dirname, '..', '..', 'tariffs');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .sort();

const cache = new Map<string, TariffFile>();
/** A tariff file as the service reads it: a member of a customs union is resolved against tariffs/unions/. */
function load(name: string): TariffFile {
  const hit = cache.get(name);
  if (hit) return hit;
  const result = loadTariffFile(join(DIR, name));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  cache.set(name, result.value.file);
  return result.value.file;
}

function periodAt(t: TariffFile, date: string): TariffPeriod {
  const p = t.periods.find((x) => x.effectiveFrom <= date && (x.effectiveTo === undefined || date <= x.effectiveTo));
  if (!p) throw new Error(`${t.country}: no period in force on ${date}`);
  return p;
}

/** The duty expression in force for `hs` (longest prefix, like the engine), as plain JSON. */
function mfnAt(t: TariffFile, hs: string, date = '2026-11-25'): unknown {
  const m = new HsIndex(t.duties.mfn).lookup(hs, date);
  if (!m || m.kind === 'descendants') throw new Error(`${t.country}: no MFN line for ${hs}`);
  return plain(m.entry.duty);
}

function prefAt(t: TariffFile, agreement: string, hs: string, date = '2026-11-25'): unknown {
  const m = new HsIndex(t.duties.preferential.filter((p) => measureAgreements(p).includes(agreement))).lookup(hs, date);
  if (!m || m.kind === 'descendants') throw new Error(`${t.country}: no ${agreement} line for ${hs}`);
  return plain(m.entry.duty);
}

/** Decimals back to strings so expressions compare with toEqual. */
function plain(e: DutyExpression): unknown {
  return JSON.parse(JSON.stringify(e));
}

function taxRate(p: TariffPeriod, code: string, region?: string): string {
  const tax = p.taxes.find((t) => t.code === code && (region === undefined || t.regions?.includes(region)));
  if (!tax) throw new Error(`no tax ${code} for ${region ?? 'all regions'}`);
  return tax.rate.toString();
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('tariff files', () => {
  it('has one file for each of the 21 destinations', () => {
    const all = ['US', 'CA', 'MX', 'GT', 'CR', 'PA', 'CO', 'CL', 'PE', 'BR', 'AR', 'ES', 'DE', 'FR', 'IT', 'NL', 'GB', 'JP', 'KR', 'CN', 'AU'];
    expect(FILES).toEqual(expect.arrayContaining(all.map((c) => `${c}.json`)));
  });

  describe.each(FILES)('%s', (name) => {
    it('parses with the tariff schema (a member file: with its own schema, resolved against its union)', () => {
      expect(load(name).country).toBe(name.replace('.json', ''));
    });

    it('has no broken references (sources, agreements, regions) and no overlapping periods', () => {
      const problems = checkTariffReferences(name, load(name));
      expect(problems.map(formatProblem)).toEqual([]);
    });

    it('has periods without gaps from the first one on', () => {
      const periods = [...load(name).periods].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      for (let i = 1; i < periods.length; i++) {
        const prev = periods[i - 1] as TariffPeriod;
        expect(prev.effectiveTo).toBeDefined();
        expect(addDays(prev.effectiveTo as string, 1)).toBe((periods[i] as TariffPeriod).effectiveFrom);
      }
      expect(periods.at(-1)?.effectiveTo).toBeUndefined();
    });

    it('starts with "$schema": "./schema.json"', () => {
      const raw = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(raw)[0]).toBe('$schema');
      expect(raw['$schema']).toBe('./schema.json');
    });

    it('covers every ship date from 2025-01-01 (a generated file: from its rows\' effective date) and has a dated, sourced country default', () => {
      const t = load(name);
      const first = [...t.periods].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]?.effectiveFrom ?? '';
      if (t.generated) expect(first >= '2025-01-01').toBe(true);
      else expect(first).toBe('2025-01-01');
      expect(t.sources[t.duties.default.source]).toBeDefined();
    });

    it('gives every note both languages and a known source', () => {
      const t = load(name);
      for (const n of t.notes) {
        expect(n.text.es.length).toBeGreaterThan(20);
        expect(n.text.en.length).toBeGreaterThan(20);
        expect(Object.keys(t.sources)).toContain(n.source);
      }
    });
  });
});

describe('US spot values', () => {
  const us = () => load('US.json');

  it('6109.10.00 cotton T-shirts: MFN 16.5 %, USMCA free', () => {
    expect(mfnAt(us(), '6109100012')).toEqual({ type: 'adValorem', percent: '16.5' });
    expect(prefAt(us(), 'USMCA', '6109100012')).toEqual({ type: 'adValorem', percent: '0' });
  });

  it('parses compound and specific HTS rates', () => {
    // 6402.19.50: 76¢/pr. + 32 %
    expect(mfnAt(us(), '64021950')).toEqual({
      type: 'sum',
      of: [
        { type: 'specific', amount: '0.76', currency: 'USD', per: 'unit' },
        { type: 'adValorem', percent: '32' },
      ],
    });
    // 9609.10.00: 14¢/gross + 4.3 %
    expect(mfnAt(us(), '96091000')).toEqual({
      type: 'sum',
      of: [
        { type: 'specific', amount: '0.14', currency: 'USD', per: 'unit', quantity: '144' },
        { type: 'adValorem', percent: '4.3' },
      ],
    });
  });

  it('USMCA also covers lines whose general rate is Free (Sec. 301 relief, note 52(h))', () => {
    expect(mfnAt(us(), '09011100')).toEqual({ type: 'adValorem', percent: '0' });
    expect(prefAt(us(), 'USMCA', '09011100')).toEqual({ type: 'adValorem', percent: '0' });
  });

  it('has no de minimis from 2025-08-29 and USD 800 before', () => {
    expect(periodAt(us(), '2025-08-28').deMinimis.duty[0]?.amount.toString()).toBe('800');
    expect(periodAt(us(), '2025-08-29').deMinimis.duty).toEqual([]);
    expect(periodAt(us(), '2026-11-25').deMinimis.duty).toEqual([]);
    expect(periodAt(us(), '2026-11-25').taxes).toEqual([]);
  });

  it('charges the FY2026 MPF with its minimum and maximum, exempt under USMCA', () => {
    const fees = periodAt(us(), '2026-01-15').fees;
    expect(JSON.parse(JSON.stringify(fees.find((f) => f.code === 'MPF')))).toMatchObject({
      charge: { type: 'adValorem', percent: '0.3464', min: '33.58', max: '651.5' },
      above: '2499.99',
      exemptUnder: ['USMCA'],
    });
    expect(JSON.parse(JSON.stringify(fees.find((f) => f.code === 'MPF-INFORMAL')))).toMatchObject({
      charge: { type: 'flat', amount: '2.69' },
      upTo: '2499.99',
      exemptUnder: ['USMCA'],
    });
  });

  it('dates the additional duties on Mexican goods back to back', () => {
    const byId = new Map(us().duties.additional.map((a) => [a.id, a]));
    const ieepa = byId.get('IEEPA-MX-9903.01.01');
    const s122 = byId.get('SEC122-9903.03.01');
    const s301 = byId.get('SEC301-MX-9903.05.55');
    // IEEPA ended 2026-02-20 (EO 14389); Section 122 ran 2026-02-24 to 2026-07-23; Section 301 from 2026-07-24.
    expect([ieepa?.effectiveTo, s122?.effectiveFrom, s122?.effectiveTo, s301?.effectiveFrom]).toEqual([
      '2026-02-20',
      '2026-02-24',
      '2026-07-23',
      '2026-07-24',
    ]);
    expect(JSON.parse(JSON.stringify(s301?.duty))).toEqual({ type: 'adValorem', percent: '10' });
    expect(s301?.exemptUnder).toEqual(['USMCA']);
    // Section 122: every origin but the US, one entry; CAFTA-DR exempts only its textiles (chapters 50–63).
    expect(s122?.origins).toBeUndefined();
    expect(s122?.exceptOrigins).toEqual(['US']);
    expect(s122?.exemptUnder?.[1]).toMatchObject({ agreement: 'CAFTA-DR', hs: expect.arrayContaining(['50', '61', '63']) });
  });

  it('writes identical preferences once, naming every agreement, and stays small', () => {
    const shirts = us().duties.preferential.find((p) => p.hs === '610910');
    expect(shirts?.agreements).toEqual(expect.arrayContaining(['USMCA', 'CAFTA-DR', 'US-CL', 'US-PE']));
    expect(readFileSync(join(DIR, 'US.json')).length).toBeLessThan(800_000);
  });
});

describe('CA spot values', () => {
  const ca = () => load('CA.json');

  it('HST 13 % in Ontario; Nova Scotia 15 % to 2025-03-31 and 14 % from 2025-04-01', () => {
    expect(taxRate(periodAt(ca(), '2026-11-25'), 'HST', 'ON')).toBe('13');
    expect(taxRate(periodAt(ca(), '2025-03-31'), 'HST', 'NS')).toBe('15');
    expect(taxRate(periodAt(ca(), '2025-04-01'), 'HST', 'NS')).toBe('14');
    expect(taxRate(periodAt(ca(), '2026-11-25'), 'QST', 'QC')).toBe('9.975');
  });

  it('lists all 13 provinces and territories', () => {
    expect(Object.keys(ca().regions ?? {}).sort()).toEqual(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
  });

  it('puts the CUSMA courier thresholds before the general CAD 20', () => {
    const dm = periodAt(ca(), '2026-11-25').deMinimis;
    expect(dm.duty.map((t) => t.amount.toString())).toEqual(['150', '20']);
    expect(dm.tax.map((t) => t.amount.toString())).toEqual(['40', '20']);
    expect(dm.duty[0]?.shipFrom).toEqual(['MX', 'US']);
    expect(dm.duty[0]?.channels).toEqual(['courier']);
  });

  it('gives CUSMA a free default duty that leaves out supply-managed dairy, poultry and eggs', () => {
    expect(plain(ca().agreements['CUSMA']?.defaultDuty as DutyExpression)).toEqual({ type: 'adValorem', percent: '0' });
    expect(ca().agreements['CUSMA']?.excludeHs).toEqual(expect.arrayContaining(['0207', '0401', '0406', '0407']));
  });

  it('dates each CPTPP member from its own accession', () => {
    expect(ca().agreements['CPTPP']?.memberDates?.['CL']).toEqual({ effectiveFrom: '2023-02-21' });
  });
});

describe('DE spot values', () => {
  const de = () => load('DE.json');

  it('610910 cotton T-shirts: MFN 12 %, EU-MX 0 %', () => {
    expect(mfnAt(de(), '610910')).toEqual({ type: 'adValorem', percent: '12' });
    expect(prefAt(de(), 'EU-MX', '610910')).toEqual({ type: 'adValorem', percent: '0' });
  });

  it('VAT 19 % with 7 % for coffee', () => {
    const p = periodAt(de(), '2026-11-25');
    expect(taxRate(p, 'VAT')).toBe('19');
    const vat = p.taxes.find((t) => t.code === 'VAT');
    expect(vat?.reduced?.find((r) => r.hs === '09')?.rate.toString()).toBe('7');
    expect(vat?.sellerCollection?.upTo.toString()).toBe('150');
  });

  it('EUR 150 duty relief to 2026-06-30, then the EUR 3 per HS6 item regime', () => {
    const before = periodAt(de(), '2026-06-30');
    expect(before.deMinimis.duty[0]?.amount.toString()).toBe('150');
    expect(before.regimes).toEqual([]);
    const after = periodAt(de(), '2026-07-01');
    expect(after.deMinimis.duty).toEqual([]);
    const regime = after.regimes[0];
    expect(regime?.replaces).toEqual(['duty']);
    expect(JSON.parse(JSON.stringify(regime?.bands))).toEqual([
      { upTo: '150', treatment: { type: 'perItemCategory', amount: '3', currency: 'EUR', hsDigits: 6 } },
    ]);
  });

  it('turns a TARIC "A MAX B" ceiling into min(A, B) and a CN range into the higher of its ends (2105 ice cream)', () => {
    const e = mfnAt(de(), '210500') as { type: string; of: { type: string; of: { type: string }[] }[] };
    expect(e.type).toBe('max');
    expect(e.of.map((x) => x.type)).toEqual(['min', 'min']);
    expect(e.of[0]?.of.map((x) => x.type)).toEqual(['sum', 'sum']);
  });

  it('turns a TARIC "A MIN B" floor into max(A, B) (7003.20 cast glass)', () => {
    expect(mfnAt(de(), '700320')).toEqual({
      type: 'max',
      of: [
        { type: 'adValorem', percent: '3.8' },
        { type: 'specific', amount: '0.4', currency: 'EUR', per: 'kg', quantity: '100' },
      ],
    });
  });
});

describe('GB spot values', () => {
  const gb = () => load('GB.json');

  it('VAT 20 %, collected at sale up to GBP 135; GBP 135 duty relief', () => {
    const p = periodAt(gb(), '2026-11-25');
    expect(taxRate(p, 'VAT')).toBe('20');
    expect(p.taxes[0]?.sellerCollection?.upTo.toString()).toBe('135');
    expect(p.deMinimis.duty[0]?.amount.toString()).toBe('135');
    expect(p.deMinimis.tax).toEqual([]);
  });

  it('UK-MX gives originating goods a free default; apparel MFN is an unconfirmed 12 % estimate', () => {
    expect(plain(gb().agreements['UK-MX']?.defaultDuty as DutyExpression)).toEqual({ type: 'adValorem', percent: '0' });
    const apparel = gb().duties.mfn.find((m) => m.hs === '61');
    expect(apparel?.confidence).toBe('unconfirmed');
    expect(mfnAt(gb(), '610910')).toEqual({ type: 'adValorem', percent: '12' });
  });
});

describe('EU members share one schedule and keep their own VAT', () => {
  it.each([
    ['ES', '21'],
    ['DE', '19'],
    ['FR', '20'],
    ['IT', '22'],
    ['NL', '21'],
  ])('%s: standard VAT %s %%, the same MFN and EU–MX measures as DE', (cc, vat) => {
    const t = load(`${cc}.json`);
    expect(taxRate(periodAt(t, '2026-11-25'), 'VAT')).toBe(vat);
    expect(JSON.stringify(t.duties.mfn)).toBe(JSON.stringify(load('DE.json').duties.mfn));
    expect(JSON.stringify(t.duties.preferential)).toBe(JSON.stringify(load('DE.json').duties.preferential));
    expect(periodAt(t, '2026-07-01').regimes[0]?.id).toBe('EU-LVC-3EUR');
  });

  it('keeps the CN range of an HS6 and charges its higher end (6403.99: 5 % – 8 %)', () => {
    const m = load('DE.json').duties.mfn.find((x) => x.hs === '640399');
    expect(m?.range).toEqual({ low: '5 %', high: '8 %' });
    expect(plain(m?.duty as DutyExpression)).toEqual({ type: 'adValorem', percent: '8' });
  });
});

describe('dated 2025–2026 changes in the other files', () => {
  it.each([
    // [file, date before, date after, what changes]
    ['MX.json', '2025-08-14', '2025-08-15', (p: TariffPeriod) => (p.regimes.find((r) => r.id === 'MX-COURIER-GENERAL')?.bands[0]?.treatment as { percent?: { toString(): string } }).percent?.toString(), '19', '33.5'],
    ['CL.json', '2025-10-24', '2025-10-25', (p: TariffPeriod) => p.deMinimis.tax[0]?.amount.toString(), '41', undefined],
  ] as const)('%s changes between %s and %s', (file, before, after, pick, a, b) => {
    expect(pick(periodAt(load(file), before))).toBe(a);
    expect(pick(periodAt(load(file), after))).toBe(b);
  });

  it('MX has export-side notes: pedimento over USD 5,000, CFDI always, certification of origin when a preference is claimed', () => {
    const notes = load('MX.json').exportNotes ?? [];
    expect(notes.map((n) => n.code)).toEqual(['MX-EXPORT-PEDIMENTO', 'MX-EXPORT-CFDI', 'MX-EXPORT-CERT-ORIGIN']);
    expect(notes[0]?.when?.goodsValueAbove?.amount.toString()).toBe('5000');
    expect(notes[2]?.when?.preferenceClaimed).toBe(true);
  });
});
