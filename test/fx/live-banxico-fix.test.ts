import { applyFix, parseBanxicoFix } from '../../src/fx/live/banxico-fix';
import { parseEcbDailyXml } from '../../src/fx/live/ecb-daily-xml';
import { convert, originOf } from '../../src/fx/rate-table';
import { D } from '../../src/domain/money';
import { banxicoJson, ecbXml } from './live-feed-fixtures';

describe('Banco de México FIX (SIE API, series SF43718)', () => {
  it('when an answer holds several days, then the newest figure is taken and N/E days skipped', () => {
    const fix = parseBanxicoFix(banxicoJson([
      { fecha: '28/11/2026', dato: '18.2000' },
      { fecha: '01/12/2026', dato: '18.4000' },
      { fecha: '02/12/2026', dato: 'N/E' },
    ]));
    expect(fix.date).toBe('2026-12-01');
    expect(fix.mxnPerUsd.toString()).toBe('18.4');
  });

  it('when the FIX is applied to the ECB table, then MXN ↔ USD converts at exactly the FIX and the peso\'s rate is dated the older of the two', () => {
    const ecb = parseEcbDailyXml(ecbXml('2026-12-02'));
    const t = applyFix(ecb, { date: '2026-12-01', mxnPerUsd: new D('18.4') }, 'Banco de México FIX of 2026-12-01');
    // MXN per EUR = 18.4 × 1.16 USD per EUR = 21.344
    expect(t.rates.get('MXN')?.toString()).toBe('21.344');
    // 1000 MXN → USD = 1000 / 21.344 × 1.16 = 1000 / 18.4 = 54.347826…
    expect(convert(new D(1000), 'MXN', 'USD', t).toFixed(6)).toBe('54.347826');
    // The table stays the ECB's; the peso carries the FIX's date (older than the ECB's 2026-12-02) and source.
    expect([t.asOf, t.source]).toEqual(['2026-12-02', 'European Central Bank euro foreign exchange reference rates (live feed)']);
    expect(originOf(t, 'MXN')).toEqual({ asOf: '2026-12-01', source: 'Banco de México FIX of 2026-12-01, crossed with the USD rate of 2026-12-02', official: true });
    // The ECB table it came from is left as it was.
    expect(ecb.rates.get('MXN')?.toString()).toBe('21.5');
  });

  it.each([
    ['not JSON', '<html>', 'Banxico SIE: the answer is not JSON'],
    ['another shape', '{"error":{"mensaje":"Token inválido"}}', 'Banxico SIE: unexpected shape at bmx'],
    ['another series', JSON.stringify({ bmx: { series: [{ idSerie: 'SF60653', datos: [] }] } }), 'Banxico SIE: series SF43718 (FIX) is not in the answer'],
    ['only N/E', banxicoJson([{ fecha: '01/12/2026', dato: 'N/E' }]), 'Banxico SIE: series SF43718 holds no figure'],
    ['a word for a rate', banxicoJson([{ fecha: '01/12/2026', dato: 'dieciocho' }]), 'Banxico SIE: 01/12/2026: expected a positive rate, got "dieciocho"'],
    ['a US-style date', banxicoJson([{ fecha: '2026-12-01', dato: '18.4' }]), 'Banxico SIE: unreadable date "2026-12-01"'],
  ])('when the answer is %s, then it is refused with a precise message', (_what, text, message) => {
    expect(() => parseBanxicoFix(text)).toThrow(message);
  });
});
