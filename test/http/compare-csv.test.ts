import { compareCsv, compareCsvFileName } from '../../src/http/compare-csv';
import type { CompareOption, CompareResult } from '../../src/schema/compare-schema';
import { parseCsvRecords } from '../../src/schema/csv';

const option: CompareOption = {
  carrier: 'ups', carrierName: 'UPS', service: 'worldwide-saver', serviceName: 'UPS Worldwide Saver',
  landedCost: '120.50', payableAtCheckout: '100.00', payableOnDelivery: '20.50', shipping: '60.00', insurance: '0.00',
  duties: '8.00', taxes: '12.50', fees: '0.00', deliveryDays: { min: 2, max: 4 },
  estimatedDelivery: { earliest: '2026-12-09', latest: '2026-12-11', pickup: '2026-12-07' },
};

/** A made-up answer whose names need quoting: a comma, a double quote, an accent. */
function result(priceIn: 'currency' | 'destination'): CompareResult {
  const row = (country: string, name: string) => ({ country, name, currency: 'USD', goodsValue: '40.00', cheapest: option, fastest: option, confidence: 'secondary' as const, warnings: [] });
  return { currency: 'USD', priceIn, locale: 'es', shipDate: '2026-12-07', destinations: [row('KR', 'Corea, República de'), row('XK', 'The "Test" Land'), row('JP', 'Japón')], refused: [] };
}

describe('compareCsv (csv-stringify, RFC 4180)', () => {
  it('when a name holds a comma or a double quote, then the field is quoted and the quote doubled; lines end in CRLF; a UTF-8 BOM leads', () => {
    const text = compareCsv(result('currency'));
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(5); // header, 3 rows, the empty string after the last CRLF
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(lines[1]).toBe('KR,"Corea, República de",USD,40.00,ups,worldwide-saver,60.00,0.00,8.00,12.50,0.00,120.50,100.00,20.50,2026-12-09,2026-12-11,secondary');
    expect(lines[2]!.startsWith('XK,"The ""Test"" Land",USD,')).toBe(true);
    expect(parseCsvRecords(text).map((r) => r['name'])).toEqual(['Corea, República de', 'The "Test" Land', 'Japón']);
  });

  it('when rows are priced in their own currencies, then the file name says "local", else the currency', () => {
    expect(compareCsvFileName('MX', result('destination'))).toBe('frontera-where-to-sell-MX-2026-12-07-local.csv');
    expect(compareCsvFileName('MX', result('currency'))).toBe('frontera-where-to-sell-MX-2026-12-07-USD.csv');
  });
});
