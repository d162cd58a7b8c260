import { QuoteError } from '../../src/quote/quote-error';
import { lines, quoteParcel, type Parcel } from './destinations/destination-fixtures';

/**
 * Excise on the bundled tariff files, on both sides of each rate change. Test rates per USD:
 * 16 MXN, 1.2 CAD, 128 JPY, 0.64 GBP, 1.5 AUD, 1400 KRW (destination-fixtures).
 */
const tequila = (over: Partial<Parcel['items'][number]> = {}) => ({ hs: '220890', price: '50', litres: '0.75', abv: '40', ...over });
const excise = (q: ReturnType<typeof quoteParcel>) => q.options[0]!.taxes.lines.filter((l) => l.rule.startsWith('excise:'));

describe('US: federal excise and duties per proof litre', () => {
  it('when 0.75 l of 40 % tequila is sent, then FET 13.50 × 0.75 / 3.785411784 × 2 × 0.40 = USD 2.1398 → 2.14 with no money base (US-EXC-SPIRITS)', () => {
    const q = quoteParcel({ dest: 'US', currency: 'USD', shippingUsd: '20', items: [tequila({ hs: '22089030' })] });
    expect(excise(q).map((l) => [l.code, l.rate, l.base, l.amount, l.collectedAt])).toEqual([['US-FET-SPIRITS', '13.5 USD/proof gal', undefined, '2.14', 'import']]);
  });

  it('when a litre of 40 % rum under 2208.40.20 is entered without preference, then MFN 0.237 USD/proof l × 0.8 proof l = 0.1896 → 0.19 (US-HTS)', () => {
    const q = quoteParcel({ dest: 'US', currency: 'USD', shippingUsd: '20', items: [tequila({ hs: '22084020', litres: '1', claimPreference: false })] });
    const mfn = q.options[0]!.duties.lines.find((l) => l.rule === 'MFN')!;
    expect([mfn.rate, mfn.amount]).toEqual(['0.237 USD/proof l', '0.19']);
    expect(mfn.working).toContain('0.8 proof l (1 l × 40% / 50%)');
  });

  it('when the strength is missing, then a 422-kind QuoteError names items.0.alcoholByVolume', () => {
    let err: unknown;
    try {
      quoteParcel({ dest: 'US', currency: 'USD', shippingUsd: '20', items: [{ hs: '22089030', price: '50', litres: '0.75' }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QuoteError);
    expect([(err as QuoteError).code, (err as QuoteError).path]).toEqual(['MISSING_QUANTITY', 'items.0.alcoholByVolume']);
  });
});

describe('GB: Alcohol Duty on both sides of 2026-02-01, and the GBP 135 scheme', () => {
  it.each([
    // 0.7 l × 40 % = 0.28 l of alcohol. Goods GBP 32 (≤ 135, but spirits are excluded from the relief and the scheme):
    // duty 4 % country default × CIF (32 + 9.60) = 1.664; VAT 20 % × (41.60 + 1.664 + duty) at import.
    ['2026-01-31', '32.79', '9.18', '52.45', '10.49'], // 32.79 × 0.28 = 9.1812; VAT 20 % × 52.4452 = 10.48904 (GB-EXC-2025)
    ['2026-02-01', '33.99', '9.52', '52.78', '10.56'], // 33.99 × 0.28 = 9.5172; VAT 20 % × 52.7812 = 10.55624 (GB-EXC-2026)
  ])('when 70 cl of 40 %% tequila ships on %s, then GBP %s per litre of alcohol: Alcohol Duty %s, import VAT on %s: %s', (shipDate, rate, duty, vatBase, vat) => {
    const q = quoteParcel({ dest: 'GB', currency: 'GBP', shipDate, shippingUsd: '15', items: [tequila({ litres: '0.7' })] });
    const l = lines(q);
    expect(l.deMinimis.duty).toBe('none');
    expect(l.duties).toEqual([['estimated:country-default', '1.66']]);
    expect(l.taxes).toEqual([
      ['GB-ALCOHOL-DUTY-SPIRITS', `${rate} GBP/l of alcohol`, undefined, duty, 'import'],
      ['VAT', '20', vatBase, vat, 'import'],
    ]);
  });

  it('when cigarettes are sent, then the tobacco duty is named as not modelled', () => {
    const l = lines(quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', items: [{ hs: '240220', price: '20' }] }));
    expect(l.notes).toContain('EXCISE_NOT_MODELLED:GB-TOBACCO-DUTY');
  });
});

describe('AU: spirits excise on both sides of 2026-02-02 and of the unknown August 2026 indexation', () => {
  it.each([
    // 0.75 l × 40 % = 0.3 l of alcohol; goods USD 40 = AUD 60, shipping AUD 30 (FOB); CPTPP 0 %; GST 10 % at import
    // (alcohol is out of the low-value GST scheme) on 60 + 30 + excise.
    ['2026-02-01', [['AU-EXCISE-SPIRITS', '31.79'], ['GST', '12.18']]], // 105.98 × 0.3 = 31.794; 10 % × 121.794
    ['2026-02-02', [['AU-EXCISE-SPIRITS', '32.40'], ['GST', '12.24']]], // 107.99 × 0.3 = 32.397; 10 % × 122.397
    ['2026-07-31', [['AU-EXCISE-SPIRITS', '32.40'], ['GST', '12.24']]],
    ['2026-08-01', [['GST', '9.00']]], // rate unknown: not charged, named in a warning; 10 % × 90
  ])('when tequila ships on %s, then %j', (shipDate, taxes) => {
    const l = lines(quoteParcel({ dest: 'AU', currency: 'AUD', shipDate, shippingUsd: '20', items: [tequila({ price: '40' })] }));
    expect(l.taxes.map((t) => [t[0], t[3]])).toEqual(taxes);
    expect(l.taxes.every((t) => t[4] === 'import')).toBe(true);
    expect(l.notes.includes('EXCISE_NOT_MODELLED:AU-EXCISE-SPIRITS')).toBe(shipDate === '2026-08-01');
  });
});

describe('JP and CA: beer on both sides of a rate change', () => {
  it.each([
    ['2026-09-30', []],
    // 6 × 0.35 l = 0.0021 kl × 155,000 = 325.5; the liquor-tax total down to JPY 100: 300 (JP-EXC-BEER, JP-RND-LAW)
    ['2026-10-01', [['JP-LIQUOR-BEER', '326'], ['EXCISE', '-26']]],
  ])('when six cans ship to Japan on %s, then liquor tax %j (CIF JPY 6,400: duty and consumption tax exempt)', (shipDate, want) => {
    const l = lines(quoteParcel({ dest: 'JP', currency: 'JPY', shipDate, shippingUsd: '20', items: [{ hs: '220300', qty: 6, price: '5', litres: '0.35', abv: '5' }] }));
    expect(l.taxes.filter((t) => t[0] !== 'CT' && t[0] !== 'LCT').map((t) => [t[0], t[3]])).toEqual(want);
    expect(l.notes.includes('EXCISE_NOT_MODELLED:JP-LIQUOR-BEER')).toBe(shipDate === '2026-09-30');
  });

  it.each([
    // 12 × 0.355 l = 4.26 l × CAD 37.69 / 100 = 1.605594; HST 13 % × (43.20 + 0 + excise) (ETA s. 215, CA-EXC-BEER)
    ['2026-03-31', [['HST', '5.62']]],
    ['2026-04-01', [['CA-EXCISE-BEER', '1.61'], ['HST', '5.82']]],
  ])('when 12 cans ship to Ontario on %s, then %j and the liquor boards are named', (shipDate, taxes) => {
    const l = lines(quoteParcel({ dest: 'CA', region: 'ON', currency: 'CAD', shipDate, shippingUsd: '20', items: [{ hs: '220300', qty: 12, price: '3', litres: '0.355', abv: '5' }] }));
    expect(l.taxes.map((t) => [t[0], t[3]])).toEqual(taxes);
    expect(l.notes).toContain('EXCISE_NOT_MODELLED:CA-LIQUOR-BOARDS');
    expect(l.notes.includes('EXCISE_NOT_MODELLED:CA-EXCISE-BEER')).toBe(shipDate === '2026-03-31');
  });
});

describe('ad valorem excise: Mexico, Korea, Chile', () => {
  it('when 12 bottles of 13.5 % wine (USD 3,000) are imported into Mexico from the US, then IEPS 26.5 % and IVA on a base with it', () => {
    // CIF 48,000 + 160 = 48,160 MXN; USMCA 0 %; DTA exempt (USMCA), pre-validation 350. IEPS 26.5 % × (48,160 + 0 + 350) = 12,855.15;
    // IVA 16 % × (48,160 + 0 + 350 + 12,855.15) = 9,818.424 (MX-EXC-IEPS; LIVA art. 27)
    const l = lines(quoteParcel({ dest: 'MX', from: 'US', currency: 'MXN', shippingUsd: '10', items: [{ hs: '220421', qty: 12, price: '250', litres: '0.75', abv: '13.5' }] }));
    expect(l.taxes).toEqual([['MX-IEPS-ALCOHOL', '26.5', '48510.00', '12855.15', 'import'], ['IVA', '16', '61365.15', '9818.42', 'import']]);
  });

  it('when a USD 200 whisky is sent to Korea, then liquor tax 72 %, education tax 30 % of it and VAT on all (KR-EXC)', () => {
    // CIF 280,000 + 28,000 = 308,000 KRW; duty 8 % estimate 24,640; liquor 72 % × 332,640 = 239,500.8;
    // education 30 % × 239,500.8 = 71,850.24; VAT 10 % × 643,991.04 = 64,399.1
    const l = lines(quoteParcel({ dest: 'KR', currency: 'KRW', shippingUsd: '20', items: [{ hs: '220830', price: '200', litres: '0.7', abv: '40' }] }));
    expect(l.taxes.map((t) => [t[0], t[3]])).toEqual([['KR-LIQUOR-TAX', '239501'], ['KR-EDUCATION-TAX', '71850'], ['VAT', '64399']]);
  });

  it('when USD 100 of tequila is sent to Chile, then ILA 31.5 % × CIF 120 = 37.80 and IVA 19 % on CIF only (CL-EXC)', () => {
    const l = lines(quoteParcel({ dest: 'CL', currency: 'USD', shippingUsd: '20', items: [tequila({ price: '100' })] }));
    expect(l.taxes.map((t) => [t[0], t[3]])).toEqual([['CL-ILA-SPIRITS', '37.80'], ['IVA', '22.80']]);
  });
});

describe('destinations whose excise is not modelled', () => {
  it.each([
    ['CO', 'CO-CONSUMO-LICORES', undefined],
    ['BR', 'BR-IPI-ALCOHOL-TOBACCO', 'SP'],
    ['PE', 'PE-ISC-ALCOHOL', undefined],
    ['CR', 'CR-ALCOHOL-TAXES', undefined],
    ['GT', 'GT-ALCOHOL-TAX', undefined],
  ])('when tequila is sent to %s, then the answer warns that %s is not included', (dest, id, region) => {
    const q = quoteParcel({ dest, currency: 'USD', shippingUsd: '20', items: [tequila()], ...(region ? { region } : {}) });
    const note = q.notes.find((n) => n.code === `EXCISE_NOT_MODELLED:${id}`)!;
    expect(note.severity).toBe('warning');
    expect(note.text).toContain('(items 0)');
  });
});
