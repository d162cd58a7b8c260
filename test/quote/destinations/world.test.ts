import { D } from '../../../src/domain/money';
import { createHolidayCalendar } from '../../../src/domain/holiday-calendar';
import type { RateTable } from '../../../src/fx/rate-table';
import { DEST_RATES, lines, quoteParcel } from './destination-fixtures';
import { notesOf } from '../../helpers/answer-notes';

/**
 * Generated tariff files (npm run import:world), worked out by hand. Two cotton T-shirts (6109.10)
 * at USD 25.00 from Mexico, shipping USD 30.00, answered in USD: CIF 50.00 + 30.00 = 80.00 (CIF is
 * the assumed valuation of every generated file). Duty = the World Bank average applied tariff
 * (data/reference/world/wb-applied-tariff-simple-mean.csv) × 80.00; the VAT/GST
 * (vat-standard-rates-worldwide.csv) on 80.00 + the unrounded duty; each line rounded half-up once.
 * None of these five has a verified de minimis row, so duties and taxes are due on every parcel.
 */
const SHIRTS = { dest: '', currency: 'USD', shippingUsd: '30', items: [{ hs: '610910', qty: 2, price: '25.00' }] };

describe('generated destinations: T-shirts from Mexico, worked out by hand', () => {
  it.each([
    // EC: WB 7.82 % (2022) × 80.00 = 6.256 → 6.26; IVA 15 % (row EC) × 86.256 = 12.9384 → 12.94.
    ['EC', '7.82', '6.26', 'VAT', '15', '86.26', '12.94', '99.20'],
    // UY: WB 9.9 % × 80.00 = 7.92; IVA 22 % × 87.92 = 19.3424 → 19.34.
    ['UY', '9.9', '7.92', 'VAT', '22', '87.92', '19.34', '107.26'],
    // DO: WB 4.48 % × 80.00 = 3.584 → 3.58; ITBIS 18 % (row DO, "VAT") × 83.584 = 15.04512 → 15.05.
    ['DO', '4.48', '3.58', 'VAT', '18', '83.58', '15.05', '98.63'],
    // HN: WB 1.63 % × 80.00 = 1.304 → 1.30; ISV 15 % × 81.304 = 12.1956 → 12.20.
    ['HN', '1.63', '1.30', 'VAT', '15', '81.30', '12.20', '93.50'],
    // IN: WB 10.06 % × 80.00 = 8.048 → 8.05; GST 18 % × 88.048 = 15.84864 → 15.85.
    ['IN', '10.06', '8.05', 'GST', '18', '88.05', '15.85', '103.90'],
  ])('%s: duty %s %% = %s (estimated:country-default), %s %s %% on %s = %s, landed %s', (dest, dutyRate, duty, code, vat, base, tax, landed) => {
    const q = quoteParcel({ ...SHIRTS, dest });
    const l = lines(q);
    expect(l.duties).toEqual([['estimated:country-default', duty]]);
    expect(q.options[0]?.duties.lines[0]?.rate).toBe(dutyRate);
    expect(l.taxes).toEqual([[code, vat, base, tax, 'import']]);
    expect(l.deMinimis).toEqual({ duty: 'none', tax: 'none' });
    // landed = goods 50.00 + shipping 30.00 + duty + tax (no fees in a generated file).
    expect(l.landedCost).toBe(landed);
    expect(new D(landed).toString()).toBe(new D('80').plus(duty).plus(tax).toString());
    expect(l.notes).toEqual(expect.arrayContaining(['WORLD-ESTIMATE', 'WORLD-NO-THRESHOLD', 'DUTY_ESTIMATED', 'UNCONFIRMED_FIGURES']));
    const unconfirmed = notesOf(q, q.options[0]!).find((n) => n.code === 'UNCONFIRMED_FIGURES')?.text ?? '';
    expect(unconfirmed).toContain(`valuation basis, ${code} ${vat}%`);
    const noThreshold = q.notes.find((n) => n.code === 'WORLD-NO-THRESHOLD')?.text ?? '';
    expect(noThreshold).toMatch(/: duties and taxes assumed due on every parcel\.$/);
  });
});

/** The destination-test table plus 1 EUR = 1.80 NZD, so 1 USD = 1.44 NZD (1 EUR = 1.25 USD). */
const NZ_RATES: RateTable = { ...DEST_RATES, rates: new Map([...DEST_RATES.rates, ['NZD', new D('1.80')]]) };

describe('NZ (generated, with the verified de minimis row: NZD 1,000 of customs value, no GST threshold)', () => {
  it('when the CIF is USD 80.00 = NZD 115.20 (≤ 1,000), then no duty and GST 15 % × 80.00 = 12.00', () => {
    const l = lines(quoteParcel({ ...SHIRTS, dest: 'NZ', rates: NZ_RATES }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'none' });
    expect(l.duties).toEqual([['de-minimis', '0.00']]);
    expect(l.taxes).toEqual([['GST', '15', '80.00', '12.00', 'import']]);
    expect(l.notes).toEqual(expect.arrayContaining(['WORLD-DE-MINIMIS', 'DUTY_DE_MINIMIS_APPLIED']));
    expect(l.notes).not.toContain('WORLD-NO-THRESHOLD');
  });

  it('when the CIF is 2 × USD 400 + 30 = USD 830.00 = NZD 1,195.20 (> 1,000), then duty 2.27 % × 830 = 18.841 → 18.84 and GST 15 % × 848.841 = 127.33', () => {
    const l = lines(quoteParcel({ ...SHIRTS, dest: 'NZ', rates: NZ_RATES, items: [{ hs: '610910', qty: 2, price: '400.00' }] }));
    expect(l.deMinimis).toEqual({ duty: 'not-applied', tax: 'none' });
    expect(l.duties).toEqual([['estimated:country-default', '18.84']]);
    expect(l.taxes).toEqual([['GST', '15', '848.84', '127.33', 'import']]);
  });
});

describe('delivery dates where date-holidays has no calendar', () => {
  const holidays = createHolidayCalendar();
  // Pickup Thursday 2026-11-26 (before the 17:00 cut-off); 1–2 transit + 0–1 customs = 1 to 3 business days.
  it('KW (not covered; weekend Friday–Saturday per CLDR): Fri 27 and Sat 28 skipped, 1 day → Sun 29, 3 days → Tue 1 Dec, with a HOLIDAYS_UNKNOWN note', () => {
    const q = quoteParcel({ ...SHIRTS, dest: 'KW', holidays });
    expect(q.options[0]?.estimatedDelivery).toEqual({ earliest: '2026-11-29', latest: '2026-12-01', pickup: '2026-11-26' });
    const note = q.notes.find((n) => n.code === 'HOLIDAYS_UNKNOWN:KW');
    expect(note?.text).toBe('There is no public-holiday calendar for KW (date-holidays does not cover it): delivery dates skip only its weekend (Friday and Saturday); a public holiday may delay the parcel.');
  });

  it('SA (covered; weekend Friday–Saturday): the same dates and no HOLIDAYS_UNKNOWN note', () => {
    const q = quoteParcel({ ...SHIRTS, dest: 'SA', holidays });
    expect(q.options[0]?.estimatedDelivery).toEqual({ earliest: '2026-11-29', latest: '2026-12-01', pickup: '2026-11-26' });
    expect(q.notes.some((n) => n.code.startsWith('HOLIDAYS_UNKNOWN'))).toBe(false);
  });

  it('EC (covered; weekend Saturday–Sunday): 1 day → Fri 27, 3 days → Tue 1 Dec (Sat 28, Sun 29 skipped)', () => {
    const q = quoteParcel({ ...SHIRTS, dest: 'EC', holidays });
    expect(q.options[0]?.estimatedDelivery).toEqual({ earliest: '2026-11-27', latest: '2026-12-01', pickup: '2026-11-26' });
  });

  it('in Spanish, the note names the weekend days in Spanish', () => {
    const q = quoteParcel({ ...SHIRTS, dest: 'QA', holidays, locale: 'es' });
    expect(q.notes.find((n) => n.code === 'HOLIDAYS_UNKNOWN:QA')?.text).toBe(
      'No hay calendario de feriados para QA (date-holidays no lo cubre): las fechas de entrega solo saltan los fines de semana (viernes y sábado); un feriado puede retrasar el paquete.',
    );
  });
});
