import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { D } from '../../src/domain/money';
import { parseEcbCsv } from '../../src/fx/ecb-csv';
import { convert, crossRate, MissingRateError } from '../../src/fx/rate-table';
import { loadRateSnapshot } from '../../src/fx/snapshot-loader';

describe('ECB reference rates', () => {
  const snapshot = loadRateSnapshot(join(__dirname, '../../data/fx/eurofxref-daily.csv'));

  it('when the bundled snapshot is read, then it is dated 2026-04-13 and names the ECB', () => {
    expect(snapshot.asOf).toBe('2026-04-13');
    expect(snapshot.source).toMatch(/European Central Bank/);
    expect(snapshot.rates.get('MXN')?.toString()).toBe('20.3203');
    expect(snapshot.rates.size).toBe(29);
  });

  it.each([
    // 1000 MXN → EUR: 1000 / 20.3203 = 49.2118718… ; → CAD: × 1.6177 = 78.7389949 + 0.8710501 = 79.6100450…
    ['1000', 'MXN', 'CAD', '79.61005'],
    // 100 USD → JPY: 100 / 1.1684 × 186.75 = 15983.39609…
    ['100', 'USD', 'JPY', '15983.39610'],
    // EUR → GBP: × 0.87058
    ['10', 'EUR', 'GBP', '8.70580'],
    ['10', 'GBP', 'GBP', '10.00000'],
  ])('when %s %s is converted to %s through EUR, then it is %s', (amount, from, to, expected) => {
    expect(convert(new D(amount), from, to, snapshot).toFixed(5)).toBe(expected);
  });

  it('when a cross rate is asked, then it is units of the second currency per one of the first', () => {
    // 1 CAD in MXN: 20.3203 / 1.6177 = 12.561229…
    expect(crossRate('CAD', 'MXN', snapshot).toFixed(6)).toBe('12.561229');
  });

  it('when a currency is not quoted by the ECB, then a clear error names it and the date', () => {
    expect(() => convert(new D(1), 'CLP', 'EUR', snapshot)).toThrow(MissingRateError);
    expect(() => convert(new D(1), 'CLP', 'EUR', snapshot)).toThrow('No exchange rate for CLP in the European Central Bank euro foreign exchange reference rates (bundled snapshot) of 2026-04-13');
  });

  it('when the error is shown to a Spanish request, then its sentence is Spanish and names the same currency, source and date (issue 14.6)', () => {
    let err: unknown;
    try {
      convert(new D(1), 'CLP', 'EUR', snapshot);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MissingRateError);
    expect((err as MissingRateError).text('es')).toBe('No hay tipo de cambio para CLP en European Central Bank euro foreign exchange reference rates (bundled snapshot) del 2026-04-13');
    expect((err as MissingRateError).text('en')).toBe((err as MissingRateError).message);
  });

  it('when the history format is given, then the newest row is read and N/A columns skipped', () => {
    const hist = readFileSync(join(__dirname, '../../data/fx/eurofxref-daily.csv'), 'utf8');
    expect(hist.length).toBeGreaterThan(0);
    const t = parseEcbCsv('Date,USD,CYP,MXN,\n2026-04-13,1.1684,N/A,20.3203,\n2026-04-10,1.17,N/A,20.1,\n');
    expect(t.asOf).toBe('2026-04-13');
    expect([...t.rates.keys()]).toEqual(['USD', 'MXN']);
  });

  it.each([
    ['', 'expected a header row and a data row'],
    ['Day,USD\n13 April 2026,1.1\n', 'first column must be "Date"'],
    ['Date,USD\n13 Apr 2026,1.1\n', 'unreadable ECB date'],
    ['Date,USD\n13 April 2026,abc\n', 'USD: expected a positive rate, got "abc"'],
  ])('when the feed is garbage (%j), then parsing fails with "%s"', (text, message) => {
    expect(() => parseEcbCsv(text)).toThrow(message);
  });
});
