import { parseEcbDailyXml } from '../../src/fx/live/ecb-daily-xml';
import { convert } from '../../src/fx/rate-table';
import { D } from '../../src/domain/money';
import { ecbXml } from './live-feed-fixtures';

describe('ECB eurofxref-daily.xml', () => {
  it('when the daily file is parsed, then it gives its date and units per EUR', () => {
    const t = parseEcbDailyXml(ecbXml());
    expect(t.asOf).toBe('2026-12-01');
    expect(t.base).toBe('EUR');
    expect(t.source).toBe('European Central Bank euro foreign exchange reference rates (live feed)');
    expect([...t.rates.entries()].map(([c, r]) => `${c} ${r.toString()}`)).toEqual(['USD 1.16', 'JPY 180.5', 'GBP 0.88', 'CAD 1.62', 'MXN 21.5']);
    // 1000 MXN → USD through EUR: 1000 / 21.5 × 1.16 = 53.953488…
    expect(convert(new D(1000), 'MXN', 'USD', t).toFixed(6)).toBe('53.953488');
  });

  it.each([
    ['an HTML error page', '<html><body>Bad gateway</body></html>', 'ECB XML: not a eurofxref envelope'],
    ['a file cut before the day block closes', ecbXml().slice(0, 500), 'ECB XML: no <Cube time="YYYY-MM-DD"> block'],
    ['a rate that is not a number', ecbXml('2026-12-01', { USD: 'n/a', MXN: '21.5' }), 'ECB XML: USD: expected a positive rate, got "n/a"'],
    ['a zero rate', ecbXml('2026-12-01', { USD: '0', MXN: '21.5' }), 'ECB XML: USD: expected a positive rate, got "0"'],
    ['no peso', ecbXml('2026-12-01', { USD: '1.16' }), 'ECB XML: no MXN rate'],
    ['an impossible date', ecbXml('2026-13-45'), 'ECB XML: "2026-13-45" is not a date'],
  ])('when the feed sends %s, then it is refused with a precise message', (_what, text, message) => {
    expect(() => parseEcbDailyXml(text)).toThrow(message);
  });
});
