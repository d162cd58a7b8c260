import { D } from '../../src/domain/money';
import { QuoteError } from '../../src/quote/quote-error';
import { input, item, only, quote, service, tariff } from '../helpers/engine-fixtures';
import { lines, quoteParcel } from './destinations/destination-fixtures';

/**
 * Special territories by postcode (issue 12 item 5; tariffs/README.md
 * "Territories"; sources cited in each tariff file). Rates of
 * the destination fixtures: USD 1 = GBP 0.64 = AUD 1.5.
 */
const usd = (price: string, qty = 1) => [{ hs: '610910', qty, price }];

describe('GB: Jersey (JE postcodes) has GST 5 % above GBP 60 instead of UK VAT (JE-POST, JE-CUSTOMS)', () => {
  it('when 2 T-shirts at USD 50 (GBP 64.00) + shipping GBP 9.60 go to JE2 3BT, then GST 5% × 73.60 = 3.68 at import; no UK VAT', () => {
    // Duty: GBP 64.00 ≤ 135 (GB-1, the UK tariff applies in Jersey). GST base goods + shipping + insurance + duty.
    const l = lines(quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', postalCode: 'JE2 3BT', items: usd('50', 2) }));
    expect(l.deMinimis.duty).toBe('applied');
    expect(l.taxes).toEqual([['JE-GST', '5', '73.60', '3.68', 'import']]);
    expect(l.notes).toContain('TERRITORY:GB-JERSEY');
  });

  it('when the same parcel goes to SW1A 1AA (mainland), then UK VAT 20% × 73.60 = 14.72 at checkout', () => {
    const l = lines(quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', postalCode: 'SW1A 1AA', items: usd('50', 2) }));
    expect(l.taxes).toEqual([['VAT', '20', '73.60', '14.72', 'checkout']]);
  });

  it.each([
    ['93.75', 'applied', '0.00'], // USD 93.75 × 0.64 = GBP 60.00 ≤ 60 (JE-GST-60): GST not collected
    ['93.76', 'not-applied', '3.48'], // GBP 60.0064 > 60: 5% × (60.0064 + 9.60) = 3.48032 → 3.48
  ])('when the goods are USD %s (lower-case postcode je1 1aa), then the GBP 60 GST relief is %s and GST is %s', (price, outcome, gst) => {
    const o = only(quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', postalCode: 'je1 1aa', items: usd(price) }));
    expect(o.deMinimis.tax).toBe(outcome);
    expect(o.taxes.lines.map((l) => [l.code, l.amount])).toEqual([['JE-GST', gst]]);
  });

  it('when the postcode is GY1 1AA (Guernsey), then no tax at all; IM1 1AA (Isle of Man) is the mainland', () => {
    expect(lines(quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', postalCode: 'GY1 1AA', items: usd('50', 2) })).taxes).toEqual([]);
    const im = lines(quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', postalCode: 'IM1 1AA', items: usd('50', 2) }));
    expect(im.taxes).toEqual([['VAT', '20', '73.60', '14.72', 'checkout']]);
    expect(im.notes).toContain('TERRITORY:GB-ISLE-OF-MAN');
  });

  it('when the postcode is GX11 1AA (Gibraltar), then 422 UNSUPPORTED_TERRITORY naming it', () => {
    expect(() => quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', postalCode: 'GX11 1AA', items: usd('50') })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_TERRITORY', path: 'destination.postalCode' }),
    );
  });
});

describe('US: Puerto Rico (ZIP 006–009, not 008 00–51) adds the 11.5 % IVU; USVI, Guam… are refused (PR-IVU, US-INSULAR)', () => {
  it('when a USD 100 T-shirt goes to 00901, then IVU 11.5% × customs value 100.00 = 11.50 and the duty is the mainland one', () => {
    const pr = lines(quoteParcel({ dest: 'US', currency: 'USD', shippingUsd: '15', postalCode: '00901', items: usd('100') }));
    const ny = lines(quoteParcel({ dest: 'US', currency: 'USD', shippingUsd: '15', postalCode: '10001', items: usd('100') }));
    expect(pr.taxes).toEqual([['IVU', '11.5', '100.00', '11.50', 'import']]);
    expect(ny.taxes).toEqual([]);
    expect(pr.duties).toEqual(ny.duties);
    expect(pr.notes).toContain('TERRITORY:US-PUERTO-RICO');
  });

  it.each([
    ['00599', 'mainland'],
    ['00600', 'PR'],
    ['00799', 'PR'],
    ['00800', 'refused'],
    ['00851', 'refused'],
    ['00852', 'mainland'],
    ['00999', 'PR'],
    ['00901-1234', 'PR'],
    ['01000', 'mainland'],
    ['96799', 'refused'],
  ])('when the ZIP is %s, then %s', (zip, expected) => {
    const run = () => lines(quoteParcel({ dest: 'US', currency: 'USD', shippingUsd: '15', postalCode: zip, items: usd('100') }));
    if (expected === 'refused') {
      expect(run).toThrow(QuoteError);
      return;
    }
    expect(run().taxes.map((t) => t[0])).toEqual(expected === 'PR' ? ['IVU'] : []);
  });
});

describe('AU: Norfolk Island (2899) pays no duty and no GST since 2016 (NF-ATO)', () => {
  it('when a USD 100 T-shirt goes to 2899, then no tax line and an exempt duty regime; 2898 and 2900 are the mainland with GST', () => {
    const nf = lines(quoteParcel({ dest: 'AU', currency: 'AUD', shippingUsd: '15', postalCode: '2899', items: usd('100') }));
    expect(nf.taxes).toEqual([]);
    expect(nf.duties).toEqual([['regime:TERRITORY:AU-NORFOLK', '0.00']]);
    for (const pc of ['2898', '2900']) {
      expect(lines(quoteParcel({ dest: 'AU', currency: 'AUD', shippingUsd: '15', postalCode: pc, items: usd('100') })).taxes.map((t) => t[0])).toEqual(['GST']);
    }
  });
});

/** Fixture ES (the EU files are being rewritten): IVA 21 %, Canary Islands IGIC 7 %, Ceuta refused, a fee not charged in the Canaries. */
const SRC = { source: 'test', confidence: 'confirmed' as const };
const ES = tariff(
  {
    country: 'ES',
    currency: 'EUR',
    timeZone: 'Europe/Madrid',
    duties: { default: { duty: { type: 'adValorem', percent: '0' }, ...SRC }, mfn: [] },
    territories: [
      {
        id: 'ES-CANARIAS',
        name: { es: 'Islas Canarias', en: 'Canary Islands' },
        postcodes: { regex: '^(35|38)\\d{3}$', examples: ['35001', '38001'] },
        customs: 'inside',
        vat: 'outside',
        treatment: { type: 'ownTaxes', taxes: [{ code: 'IGIC', name: { es: 'IGIC', en: 'IGIC' }, rate: '7', base: ['customsValue', 'duties'], ...SRC }] },
        ...SRC,
      },
      {
        id: 'ES-CEUTA',
        name: { es: 'Ceuta', en: 'Ceuta' },
        postcodes: { prefixes: ['51'] },
        customs: 'outside',
        vat: 'outside',
        treatment: { type: 'refuse', reason: { es: 'fuera del territorio aduanero de la UE', en: 'outside the EU customs territory' } },
        ...SRC,
      },
    ],
  },
  {
    taxes: [{ code: 'IVA', name: { es: 'IVA', en: 'VAT' }, rate: '21', base: ['customsValue', 'duties', 'fees'], ...SRC }],
    fees: [{ code: 'FEE', name: { es: 'Tasa', en: 'Fee' }, currency: 'EUR', charge: { type: 'flat', amount: '2' }, scope: { exceptTerritories: ['ES-CANARIAS'] }, inTaxBase: false, ...SRC }],
  },
);
const es = (postalCode: string | undefined, locale: 'es' | 'en' = 'en') =>
  quote(ES, input({ destination: { country: 'ES', ...(postalCode === undefined ? {} : { postalCode }) }, currency: 'EUR', locale, items: [item({ unitPrice: new D('100.00'), priceCurrency: 'EUR' })] }), [service('0', 'EUR')]);
const taxCodes = (postalCode: string | undefined) => only(es(postalCode)).taxes.lines.map((l) => `${l.code} ${l.amount}`);

describe('ES fixture: Canary Islands by postcode', () => {
  it('when 100.00 EUR goes to 35001, then IGIC 7% = 7.00 instead of IVA, and the fee that excludes the Canaries is not charged', () => {
    const o = only(es('35001'));
    expect(o.taxes.lines.map((l) => [l.code, l.rate, l.base, l.amount])).toEqual([['IGIC', '7', '100.00', '7.00']]);
    expect(o.fees.lines).toEqual([]);
  });

  it('when it goes to 28001 (Madrid), then IVA 21% = 21.00 and the 2.00 fee', () => {
    const o = only(es('28001'));
    expect(taxCodes('28001')).toEqual(['IVA 21.00']);
    expect(o.fees.lines.map((l) => l.amount)).toEqual(['2.00']);
  });

  it.each([
    ['34999', 'IVA 21.00'],
    ['35000', 'IGIC 7.00'],
    ['36000', 'IVA 21.00'],
    ['38999', 'IGIC 7.00'],
    ['39000', 'IVA 21.00'],
    [' 35001 ', 'IGIC 7.00'],
  ])('when the postcode is "%s", then %s', (pc, tax) => {
    expect(taxCodes(pc)).toEqual([tax]);
  });

  it('when there is no postcode, then the mainland IVA with an info note naming the territories', () => {
    const q = es(undefined);
    expect(taxCodes(undefined)).toEqual(['IVA 21.00']);
    const note = q.notes.find((n) => n.code === 'TERRITORY_POSTCODE_MISSING');
    expect(note?.severity).toBe('info');
    expect(note?.text).toContain('Canary Islands, Ceuta');
  });

  it('when the postcode is 51001 (Ceuta), then UNSUPPORTED_TERRITORY names Ceuta in Spanish, never the mainland IVA', () => {
    expect(() => es('51001', 'es')).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED_TERRITORY',
        text: expect.objectContaining({ es: 'Ceuta (ES, código postal 51001): fuera del territorio aduanero de la UE; no se cotiza.' }),
      }),
    );
  });
});
