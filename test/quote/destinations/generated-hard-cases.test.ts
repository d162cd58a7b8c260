import { D } from '../../../src/domain/money';
import type { RateTable } from '../../../src/fx/rate-table';
import { QuoteError } from '../../../src/quote/quote-error';
import { notesOf } from '../../helpers/answer-notes';
import { DEST_RATES, lines, quoteParcel, type Parcel } from './destination-fixtures';

/**
 * Issue 12 on generated files, through their researched overlays (data/reference/world/overlays/):
 * NZ's low-value goods levy and excise, CH's spirits tax, EFTA–Mexico proof and Samnaun, NO's
 * Svalbard. Round test rates: 1 EUR = 1.25 USD = 2 NZD = 1 CHF = 12.5 NOK, so USD 1 = NZD 1.6 =
 * CHF 0.8 = NOK 10. A USD 50 item with USD 20 shipping: CIF NZD 112, CHF 56, NOK 700.
 */
const RATES: RateTable = { ...DEST_RATES, rates: new Map([...DEST_RATES.rates, ['NZD', new D('2')], ['CHF', new D('1')], ['NOK', new D('12.5')]]) };
const tequila = { hs: '220890', price: '50', litres: '0.7', abv: '40' }; // 0.28 l of alcohol
const tshirt = { hs: '610910', price: '50' };
const to = (dest: string, currency: string, over: Partial<Parcel> = {}) => quoteParcel({ dest, currency, rates: RATES, shippingUsd: '20', items: [tshirt], ...over });

describe('NZ: low-value goods levy with GST on it, from 2026-04-01 (NZ-LVG, NZ-LVG-AMOUNTS)', () => {
  it.each([
    ['2026-03-31', 'courier', []],
    // NZD 2.21 + 15 % GST on the levy (0.3315) = 2.5415; CIF 112 ≤ NZD 1,000
    ['2026-04-01', 'courier', [['NZ-LVG-LEVY', '2.54']]],
    ['2026-04-01', 'postal', []], // the mail levy is billed to NZ Post: not this fee
  ] as const)('when a T-shirt ships on %s by %s, then fees %j; GST 15 %% × 112 = 16.80 either way (levy outside the base)', (shipDate, channel, fees) => {
    const l = lines(to('NZ', 'NZD', { shipDate, channel }));
    expect(l.fees).toEqual(fees);
    expect(l.taxes).toEqual([['GST', '15', '112.00', '16.80', 'import']]);
  });

  it.each([
    // 68.915 × 0.28 = 19.2962; GST 15 % × (112 + 19.2962 = 131.2962) = 19.69443 (NZ-EXC-2025; GST base with excise)
    ['2026-06-30', [['NZ-EXCISE-SPIRITS', '19.30'], ['GST', '19.69']], false],
    ['2026-07-01', [['GST', '16.80']], true], // the 2026-07-01 rates were not found: named, not charged
  ])('when 70 cl of 40 %% tequila ships on %s, then %j', (shipDate, taxes, notModelled) => {
    const l = lines(to('NZ', 'NZD', { shipDate, items: [tequila] }));
    expect(l.taxes.map((t) => [t[0], t[3]])).toEqual(taxes);
    expect(l.notes.includes('EXCISE_NOT_MODELLED:NZ-EXCISE-SPIRITS')).toBe(notModelled);
    expect(l.notes).toContain('NZ-ALCOHOL-LEVY'); // the health levy is named as not included, on both dates
  });
});

describe('CH: spirits tax, EFTA–Mexico preference and proof, Samnaun', () => {
  it('when tequila is sent, then spirits tax CHF 29 × 0.28 = 8.12 (CH-EXC), no EFTA–MX preference (chapter 22 is agricultural), VAT 8.1 % on a base with it', () => {
    // duty: the country-default estimate 3.16 % × 56 = 1.7696; VAT 8.1 % × (56 + 1.7696 + 8.12 = 65.8896) = 5.33705…
    const l = lines(to('CH', 'CHF', { items: [tequila] }));
    expect(l.duties).toEqual([['estimated:country-default', '1.77']]);
    expect(l.taxes).toEqual([
      ['CH-SPIRITS-TAX', '29 CHF/l of alcohol', undefined, '8.12', 'import'],
      ['VAT', '8.1', '65.89', '5.34', 'import'],
    ]);
  });

  it('when a T-shirt (chapter 61, industrial) is sent, then EFTA–MX 0 % (EFTA-MX-FTA), VAT 8.1 % × 56 = 4.536 → 4.54, and the proof note names EUR.1 or the invoice declaration (POO-EFTA-MX)', () => {
    const q = to('CH', 'CHF', { locale: 'en' });
    const l = lines(q);
    expect(l.duties).toEqual([['preferential:EFTA-MX', '0.00']]);
    expect(l.taxes).toEqual([['VAT', '8.1', '56.00', '4.54', 'import']]);
    const proof = [...q.notes, ...notesOf(q, q.options[0]!)].find((n) => n.code === 'PROOF_OF_ORIGIN:EFTA-MX');
    expect(proof?.text).toContain('an EUR.1 movement certificate issued by the Secretaría de Economía, or an invoice declaration');
    expect(proof?.text).toContain('not confirmed for this agreement');
  });

  it('when the T-shirt is sent without claiming the preference, then the country-default estimate 3.16 % × 56 = 1.77 and no proof note', () => {
    const q = to('CH', 'CHF', { items: [{ ...tshirt, claimPreference: false }] });
    expect(lines(q).duties).toEqual([['estimated:country-default', '1.77']]);
    expect(lines(q).notes).not.toContain('PROOF_OF_ORIGIN:EFTA-MX');
  });

  it('when the postcode is 7563 (Samnaun), then UNSUPPORTED_TERRITORY; 9490 (Vaduz, Liechtenstein) is quoted as Switzerland', () => {
    let err: unknown;
    try {
      to('CH', 'CHF', { postalCode: '7563' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QuoteError);
    expect((err as QuoteError).code).toBe('UNSUPPORTED_TERRITORY');
    expect(lines(to('CH', 'CHF', { postalCode: '9490' })).notes).toContain('TERRITORY:CH-LIECHTENSTEIN');
  });
});

describe('NO: Svalbard and the alcohol tax', () => {
  it('when the postcode is 9170 (Longyearbyen), then no VAT and no duty: landed cost = NOK 500 + 200 = 700 (NO-SVALBARD)', () => {
    const l = lines(to('NO', 'NOK', { postalCode: '9170' }));
    expect([l.taxes, l.landedCost]).toEqual([[], '700.00']);
  });

  it('when tequila is sent to the mainland, then the alcohol tax is named as not modelled (NO-EXC: 2026 rate not found)', () => {
    expect(lines(to('NO', 'NOK', { items: [tequila] })).notes).toContain('EXCISE_NOT_MODELLED:NO-ALCOHOL-TAX');
  });
});
