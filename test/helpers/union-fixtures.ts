/** A small customs union and one member file, as JSON, for the union tests (tariffs/README.md, "Customs unions"). */

export const SRC = { source: 'U-1', confidence: 'confirmed' };
export const UNION_FILE = 'tariffs/unions/XU.json';

/** A small customs union "XU" of DE and FR: relief to 2026-06-30, a EUR 3 regime after, VAT collected at checkout up to EUR 150. */
export function unionJson(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'XU',
    name: { es: 'Unión de prueba', en: 'Test union' },
    members: ['DE', 'FR'],
    currency: 'EUR',
    sources: { 'U-1': { title: 'Union source', reviewed: '2026-11-25' } },
    periods: [
      {
        effectiveFrom: '2025-01-01',
        effectiveTo: '2026-06-30',
        valuation: { basis: 'CIF', ...SRC },
        deMinimis: { duty: [{ id: 'RELIEF', amount: '150', currency: 'EUR', basis: 'goods', ...SRC }], tax: [] },
        sellerCollection: { taxes: ['VAT'], upTo: '150', currency: 'EUR', basis: 'goods', note: { es: 'IOSS', en: 'IOSS' }, ...SRC },
      },
      {
        effectiveFrom: '2026-07-01',
        valuation: { basis: 'CIF', ...SRC },
        deMinimis: { duty: [], tax: [] },
        regimes: [{ id: 'LVC', name: { es: 'EUR 3', en: 'EUR 3' }, replaces: ['duty'], currency: 'EUR', basis: 'goods', bands: [{ upTo: '150', treatment: { type: 'perItemCategory', amount: '3', currency: 'EUR', hsDigits: 6 } }], ...SRC }],
        sellerCollection: { taxes: ['VAT'], upTo: '150', currency: 'EUR', basis: 'goods', note: { es: 'IOSS', en: 'IOSS' }, ...SRC },
      },
    ],
    agreements: { 'XU-MX': { name: { es: 'XU–MX', en: 'XU–MX' }, members: ['MX'], ...SRC } },
    duties: { default: { duty: { type: 'adValorem', percent: '5' }, ...SRC }, mfn: [{ hs: '610910', duty: { type: 'adValorem', percent: '12' }, ...SRC }] },
    notes: [{ code: 'XU-NOTE', text: { es: 'Nota común de la unión', en: 'A note common to the union' }, ...SRC }],
    ...over,
  };
}

export const VAT = (rate: string, extra: Record<string, unknown> = {}) => ({ code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate, base: ['customsValue', 'duties'], source: 'DE-1', ...extra });

/** Germany's national part: 19 % to 2025-12-31, 21 % from 2026-01-01 (invented, to split periods). */
export function memberJson(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    country: 'DE',
    name: { es: 'Alemania', en: 'Germany' },
    customsUnion: 'XU',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    sources: { 'DE-1': { title: 'National source', reviewed: '2026-12-03' } },
    periods: [
      { effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', taxes: [VAT('19'), { code: 'X', name: { es: 'X', en: 'X' }, rate: '1', base: ['goods'], source: 'DE-1' }] },
      { effectiveFrom: '2026-01-01', taxes: [VAT('21')] },
    ],
    notes: [{ code: 'DE-NOTE', text: { es: 'Nota nacional alemana', en: 'A national German note' }, source: 'U-1' }],
    ...over,
  };
}
