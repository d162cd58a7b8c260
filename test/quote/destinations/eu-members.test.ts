import { lines, quoteParcel } from './destination-fixtures';

/**
 * The 22 EU members added with issue 11 (tariffs/<ISO2>.json with "customsUnion": "EU"), each worked
 * out by hand from the sources the member files cite (reviewed 2026-12-03; source ids in the
 * rows) and the common rules of tariffs/unions/EU.json:
 *
 * A. A T-shirt (6109.10) and a book (4901.99), USD 25 each = EUR 20.00 each (USD 1 = EUR 0.8), shipping
 *    USD 25 = EUR 20.00, spread by value: CIF 30.00 per item (EU-4). Goods EUR 40 ≤ 150:
 *    - shipped 2026-06-30: the EUR 150 duty relief (EU-13), no duty; VAT on 30.00 per item;
 *    - shipped 2026-07-01: EUR 3 per HS6 category (EU-13): 2 × 3.00, 3.00 per item; VAT on 33.00 per item.
 *    VAT is collected at checkout (IOSS, goods ≤ EUR 150, EU-6): the T-shirt at the standard rate, the book
 *    at the member's reduced rate for 4901 (lines of one rate are added together).
 * B. Ten T-shirts, USD 250 = EUR 200.00, shipping EUR 20.00, CIF 220.00, shipped 2026-11-26, the EU–Mexico
 *    preference refused: MFN 12 % (EU-TARIC) × 220.00 = 26.40; VAT at the standard rate on 246.40, at import.
 *
 * Non-euro members answer in their currency with the test rates of destination-fixtures.ts: 1 EUR = 25 CZK
 * = 7.5 DKK = 400 HUF = 4 PLN = 5 RON = 11 SEK; every EUR amount above is multiplied by that rate.
 */
type Taxes = [rate: string, base: string, amount: string][];
interface Row {
  cc: string;
  currency: string;
  /** [ship date, duty lines as [rule, amount], VAT lines] for parcel A. */
  a: [string, [string, string][], Taxes][];
  /** Parcel B: [MFN duty, standard rate, VAT base, VAT]. */
  b: [string, string, string, string];
}

const ROWS: Row[] = [
  // AT:
  //   A 2026-06-30: EUR 150 relief, no duty; 20% × 30.00 = 6.00; 10% × 30.00 = 3.00 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 20% × 33.00 = 6.60; 10% × 33.00 = 3.30 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 20% × 246.40 = 49.28
  { cc: 'AT', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["20", "30.00", "6.00"], ["10", "30.00", "3.00"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["20", "33.00", "6.60"], ["10", "33.00", "3.30"]]]], b: ['26.40', '20', '246.40', '49.28'] },
  // BE:
  //   A 2026-06-30: EUR 150 relief, no duty; 21% × 30.00 = 6.30; 6% × 30.00 = 1.80 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 21% × 33.00 = 6.93; 6% × 33.00 = 1.98 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 21% × 246.40 = 51.74
  { cc: 'BE', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["21", "30.00", "6.30"], ["6", "30.00", "1.80"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["21", "33.00", "6.93"], ["6", "33.00", "1.98"]]]], b: ['26.40', '21', '246.40', '51.74'] },
  // BG:
  //   A 2026-06-30: EUR 150 relief, no duty; 20% × 30.00 = 6.00; 9% × 30.00 = 2.70 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 20% × 33.00 = 6.60; 9% × 33.00 = 2.97 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 20% × 246.40 = 49.28
  { cc: 'BG', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["20", "30.00", "6.00"], ["9", "30.00", "2.70"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["20", "33.00", "6.60"], ["9", "33.00", "2.97"]]]], b: ['26.40', '20', '246.40', '49.28'] },
  // CY:
  //   A 2026-06-30: EUR 150 relief, no duty; 19% × 30.00 = 5.70; 3% × 30.00 = 0.90 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 19% × 33.00 = 6.27; 3% × 33.00 = 0.99 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 19% × 246.40 = 46.82
  { cc: 'CY', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["19", "30.00", "5.70"], ["3", "30.00", "0.90"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["19", "33.00", "6.27"], ["3", "33.00", "0.99"]]]], b: ['26.40', '19', '246.40', '46.82'] },
  // CZ, 1 EUR = 25 CZK:
  //   A 2026-06-30: EUR 150 relief, no duty; 21% × 750.00 = 157.50; 0% × 750.00 = 0.00 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 75.00; 21% × 825.00 = 173.25; 0% × 825.00 = 0.00 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 5500.00 = 660.00; VAT 21% × 6160.00 = 1293.60
  { cc: 'CZ', currency: 'CZK', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["21", "750.00", "157.50"], ["0", "750.00", "0.00"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "75.00"], ["regime:EU-LVC-3EUR", "75.00"]], [["21", "825.00", "173.25"], ["0", "825.00", "0.00"]]]], b: ['660.00', '21', '6160.00', '1293.60'] },
  // DK, 1 EUR = 7.5 DKK:
  //   A 2026-06-30: EUR 150 relief, no duty; 25% × 450.00 = 112.50 (standard VATNODE; book VATNODE (no reduced rate for books))
  //   A 2026-07-01: 2 categories × 22.50; 25% × 495.00 = 123.75 (standard VATNODE; book VATNODE (no reduced rate for books))
  //   B: MFN 12% × 1650.00 = 198.00; VAT 25% × 1848.00 = 462.00
  { cc: 'DK', currency: 'DKK', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["25", "450.00", "112.50"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "22.50"], ["regime:EU-LVC-3EUR", "22.50"]], [["25", "495.00", "123.75"]]]], b: ['198.00', '25', '1848.00', '462.00'] },
  // EE:
  //   A 2026-06-30: EUR 150 relief, no duty; 24% × 30.00 = 7.20; 9% × 30.00 = 2.70 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 24% × 33.00 = 7.92; 9% × 33.00 = 2.97 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 24% × 246.40 = 59.14
  { cc: 'EE', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["24", "30.00", "7.20"], ["9", "30.00", "2.70"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["24", "33.00", "7.92"], ["9", "33.00", "2.97"]]]], b: ['26.40', '24', '246.40', '59.14'] },
  // FI:
  //   A 2026-06-30: EUR 150 relief, no duty; 25.5% × 30.00 = 7.65; 13.5% × 30.00 = 4.05 (standard VATNODE; book FI-135)
  //   A 2026-07-01: 2 categories × 3.00; 25.5% × 33.00 = 8.42; 13.5% × 33.00 = 4.46 (standard VATNODE; book FI-135)
  //   B: MFN 12% × 220.00 = 26.40; VAT 25.5% × 246.40 = 62.83
  { cc: 'FI', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["25.5", "30.00", "7.65"], ["13.5", "30.00", "4.05"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["25.5", "33.00", "8.42"], ["13.5", "33.00", "4.46"]]]], b: ['26.40', '25.5', '246.40', '62.83'] },
  // GR:
  //   A 2026-06-30: EUR 150 relief, no duty; 24% × 30.00 = 7.20; 6% × 30.00 = 1.80 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 24% × 33.00 = 7.92; 6% × 33.00 = 1.98 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 24% × 246.40 = 59.14
  { cc: 'GR', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["24", "30.00", "7.20"], ["6", "30.00", "1.80"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["24", "33.00", "7.92"], ["6", "33.00", "1.98"]]]], b: ['26.40', '24', '246.40', '59.14'] },
  // HR:
  //   A 2026-06-30: EUR 150 relief, no duty; 25% × 30.00 = 7.50; 5% × 30.00 = 1.50 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 25% × 33.00 = 8.25; 5% × 33.00 = 1.65 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 25% × 246.40 = 61.60
  { cc: 'HR', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["25", "30.00", "7.50"], ["5", "30.00", "1.50"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["25", "33.00", "8.25"], ["5", "33.00", "1.65"]]]], b: ['26.40', '25', '246.40', '61.60'] },
  // HU, 1 EUR = 400 HUF:
  //   A 2026-06-30: EUR 150 relief, no duty; 27% × 12000.00 = 3240.00; 5% × 12000.00 = 600.00 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 1200.00; 27% × 13200.00 = 3564.00; 5% × 13200.00 = 660.00 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 88000.00 = 10560.00; VAT 27% × 98560.00 = 26611.20
  { cc: 'HU', currency: 'HUF', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["27", "12000.00", "3240.00"], ["5", "12000.00", "600.00"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "1200.00"], ["regime:EU-LVC-3EUR", "1200.00"]], [["27", "13200.00", "3564.00"], ["5", "13200.00", "660.00"]]]], b: ['10560.00', '27', '98560.00', '26611.20'] },
  // IE:
  //   A 2026-06-30: EUR 150 relief, no duty; 23% × 30.00 = 6.90; 0% × 30.00 = 0.00 (standard VATNODE; book IE-REV)
  //   A 2026-07-01: 2 categories × 3.00; 23% × 33.00 = 7.59; 0% × 33.00 = 0.00 (standard VATNODE; book IE-REV)
  //   B: MFN 12% × 220.00 = 26.40; VAT 23% × 246.40 = 56.67
  { cc: 'IE', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["23", "30.00", "6.90"], ["0", "30.00", "0.00"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["23", "33.00", "7.59"], ["0", "33.00", "0.00"]]]], b: ['26.40', '23', '246.40', '56.67'] },
  // LT:
  //   A 2026-06-30: EUR 150 relief, no duty; 21% × 30.00 = 6.30; 5% × 30.00 = 1.50 (standard VATNODE; book LT-SEIMAS)
  //   A 2026-07-01: 2 categories × 3.00; 21% × 33.00 = 6.93; 5% × 33.00 = 1.65 (standard VATNODE; book LT-SEIMAS)
  //   B: MFN 12% × 220.00 = 26.40; VAT 21% × 246.40 = 51.74
  { cc: 'LT', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["21", "30.00", "6.30"], ["5", "30.00", "1.50"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["21", "33.00", "6.93"], ["5", "33.00", "1.65"]]]], b: ['26.40', '21', '246.40', '51.74'] },
  // LU:
  //   A 2026-06-30: EUR 150 relief, no duty; 17% × 30.00 = 5.10; 3% × 30.00 = 0.90 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 17% × 33.00 = 5.61; 3% × 33.00 = 0.99 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 17% × 246.40 = 41.89
  { cc: 'LU', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["17", "30.00", "5.10"], ["3", "30.00", "0.90"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["17", "33.00", "5.61"], ["3", "33.00", "0.99"]]]], b: ['26.40', '17', '246.40', '41.89'] },
  // LV:
  //   A 2026-06-30: EUR 150 relief, no duty; 21% × 30.00 = 6.30; 5% × 30.00 = 1.50 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 21% × 33.00 = 6.93; 5% × 33.00 = 1.65 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 21% × 246.40 = 51.74
  { cc: 'LV', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["21", "30.00", "6.30"], ["5", "30.00", "1.50"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["21", "33.00", "6.93"], ["5", "33.00", "1.65"]]]], b: ['26.40', '21', '246.40', '51.74'] },
  // MT:
  //   A 2026-06-30: EUR 150 relief, no duty; 18% × 30.00 = 5.40; 5% × 30.00 = 1.50 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 18% × 33.00 = 5.94; 5% × 33.00 = 1.65 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 18% × 246.40 = 44.35
  { cc: 'MT', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["18", "30.00", "5.40"], ["5", "30.00", "1.50"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["18", "33.00", "5.94"], ["5", "33.00", "1.65"]]]], b: ['26.40', '18', '246.40', '44.35'] },
  // PL, 1 EUR = 4 PLN:
  //   A 2026-06-30: EUR 150 relief, no duty; 23% × 120.00 = 27.60; 5% × 120.00 = 6.00 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 12.00; 23% × 132.00 = 30.36; 5% × 132.00 = 6.60 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 880.00 = 105.60; VAT 23% × 985.60 = 226.69
  { cc: 'PL', currency: 'PLN', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["23", "120.00", "27.60"], ["5", "120.00", "6.00"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "12.00"], ["regime:EU-LVC-3EUR", "12.00"]], [["23", "132.00", "30.36"], ["5", "132.00", "6.60"]]]], b: ['105.60', '23', '985.60', '226.69'] },
  // PT:
  //   A 2026-06-30: EUR 150 relief, no duty; 23% × 30.00 = 6.90; 6% × 30.00 = 1.80 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 23% × 33.00 = 7.59; 6% × 33.00 = 1.98 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 23% × 246.40 = 56.67
  { cc: 'PT', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["23", "30.00", "6.90"], ["6", "30.00", "1.80"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["23", "33.00", "7.59"], ["6", "33.00", "1.98"]]]], b: ['26.40', '23', '246.40', '56.67'] },
  // RO, 1 EUR = 5 RON:
  //   A 2026-06-30: EUR 150 relief, no duty; 21% × 150.00 = 31.50; 11% × 150.00 = 16.50 (standard RO-141; book RO-141)
  //   A 2026-07-01: 2 categories × 15.00; 21% × 165.00 = 34.65; 11% × 165.00 = 18.15 (standard RO-141; book RO-141)
  //   B: MFN 12% × 1100.00 = 132.00; VAT 21% × 1232.00 = 258.72
  { cc: 'RO', currency: 'RON', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["21", "150.00", "31.50"], ["11", "150.00", "16.50"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "15.00"], ["regime:EU-LVC-3EUR", "15.00"]], [["21", "165.00", "34.65"], ["11", "165.00", "18.15"]]]], b: ['132.00', '21', '1232.00', '258.72'] },
  // SE, 1 EUR = 11 SEK:
  //   A 2026-06-30: EUR 150 relief, no duty; 25% × 330.00 = 82.50; 6% × 330.00 = 19.80 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 33.00; 25% × 363.00 = 90.75; 6% × 363.00 = 21.78 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 2420.00 = 290.40; VAT 25% × 2710.40 = 677.60
  { cc: 'SE', currency: 'SEK', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["25", "330.00", "82.50"], ["6", "330.00", "19.80"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "33.00"], ["regime:EU-LVC-3EUR", "33.00"]], [["25", "363.00", "90.75"], ["6", "363.00", "21.78"]]]], b: ['290.40', '25', '2710.40', '677.60'] },
  // SI:
  //   A 2026-06-30: EUR 150 relief, no duty; 22% × 30.00 = 6.60; 5% × 30.00 = 1.50 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 22% × 33.00 = 7.26; 5% × 33.00 = 1.65 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 22% × 246.40 = 54.21
  { cc: 'SI', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["22", "30.00", "6.60"], ["5", "30.00", "1.50"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["22", "33.00", "7.26"], ["5", "33.00", "1.65"]]]], b: ['26.40', '22', '246.40', '54.21'] },
  // SK:
  //   A 2026-06-30: EUR 150 relief, no duty; 23% × 30.00 = 6.90; 5% × 30.00 = 1.50 (standard VATNODE; book TEDB)
  //   A 2026-07-01: 2 categories × 3.00; 23% × 33.00 = 7.59; 5% × 33.00 = 1.65 (standard VATNODE; book TEDB)
  //   B: MFN 12% × 220.00 = 26.40; VAT 23% × 246.40 = 56.67
  { cc: 'SK', currency: 'EUR', a: [['2026-06-30', [["de-minimis", "0.00"], ["de-minimis", "0.00"]], [["23", "30.00", "6.90"], ["5", "30.00", "1.50"]]], ['2026-07-01', [["regime:EU-LVC-3EUR", "3.00"], ["regime:EU-LVC-3EUR", "3.00"]], [["23", "33.00", "7.59"], ["5", "33.00", "1.65"]]]], b: ['26.40', '23', '246.40', '56.67'] },
];

const shirtAndBook = (cc: string, currency: string, shipDate: string) =>
  lines(quoteParcel({ dest: cc, currency, shipDate, shippingUsd: '25', items: [{ hs: '610910', price: '25' }, { hs: '490199', price: '25' }] }));

describe.each(ROWS)('EU member $cc ($currency): national VAT, the common EU rules', ({ cc, currency, a, b }) => {
  it.each(a)('when a T-shirt and a book (EUR 40) ship on %s, then duties %j and VAT [rate, base, amount] %j at checkout', (shipDate, duties, taxes) => {
    const l = shirtAndBook(cc, currency, shipDate);
    // Under the relief each item gets a zero "de-minimis" duty line; under the regime one line per category.
    expect(l.deMinimis.duty).toBe(shipDate < '2026-07-01' ? 'applied' : 'none');
    expect(l.duties).toEqual(duties);
    expect(l.taxes).toEqual(taxes.map(([rate, base, amount]) => ['VAT', rate, base, amount, 'checkout']));
  });

  it(`when ten T-shirts (EUR 200) ship without the EU–Mexico preference, then MFN 12 % = ${b[0]} and VAT ${b[1]} % = ${b[3]} at import`, () => {
    const l = lines(quoteParcel({ dest: cc, currency, shippingUsd: '25', items: [{ hs: '610910', qty: 10, price: '25', claimPreference: false }] }));
    expect(l.duties).toEqual([['MFN', b[0]]]);
    expect(l.taxes).toEqual([['VAT', b[1], b[2], b[3], 'import']]);
  });
});
