import { D } from '../../src/domain/money';
import { bundledPostcodeFormats, looksLikePostcode, parsePostcodeFormats } from '../../src/carriers/postcode-formats';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { loadCarrier, option, parcel, shipment } from './rate-helpers';

describe('postcode formats (data/reference/world/countries.csv, libaddressinput patterns)', () => {
  const formats = bundledPostcodeFormats();

  it.each([
    ['US', '99501', true, 'five digits'],
    ['US', '99501-1234', true, 'ZIP+4'],
    ['US', '9950', false, 'four digits'],
    ['CA', 'x0a 1h0', true, 'lower case and a space'],
    ['CA', 'X0A1H0', true, 'no space'],
    ['CA', 'X0A', false, 'only the first half'],
    ['BR', '01310-100', true, 'CEP with the hyphen'],
    ['AE', 'anything', true, 'no pattern for the country: never flagged'],
  ])('%s "%s" looks like a postcode: %s (%s)', (country, code, expected, _why) => {
    expect(looksLikePostcode(formats, country, code)).toBe(expected);
  });

  it('when a pattern in the table does not compile, then loading stops and names the country', () => {
    const csv = 'iso2,postal_code_regex,postal_code_examples\nZZ,"(\\d{4}",1234\n';
    expect(() => parsePostcodeFormats(csv)).toThrow(/row ZZ: the postcode pattern .* is not a valid regular expression/);
  });
});

describe('a postcode that does not look like the country’s is not used for postcode rules (carriers/dhl-express.json)', () => {
  const dhl = new TableCarrierRater(loadCarrier('dhl-express.json'), bundledPostcodeFormats());
  const ask = (destination: { country: string; postalCode?: string }) =>
    option(dhl.rate(shipment({ destination, parcels: [parcel(30, 20, 10, '1.2')], declaredValue: { amount: new D(700), currency: 'MXN' }, shipDate: '2026-11-26' })), 'express-worldwide');

  it('US 99501 (Alaska) is in the postcode zone 7; "9950" would match the 995–999 rule but is no US postcode: zone 1 by country, with a note', () => {
    expect(ask({ country: 'US', postalCode: '99501' }).zone).toBe('7');
    const rated = ask({ country: 'US', postalCode: '9950' });
    expect(rated.zone).toBe('1');
    // Without the format table (null), "9950" is taken as given and lands in the 995–999 zone.
    const unchecked = new TableCarrierRater(loadCarrier('dhl-express.json'), null).rate(
      shipment({ destination: { country: 'US', postalCode: '9950' }, parcels: [parcel(30, 20, 10, '1.2')], declaredValue: { amount: new D(700), currency: 'MXN' }, shipDate: '2026-11-26' }),
    );
    expect(option(unchecked, 'express-worldwide').zone).toBe('7');
    expect(rated.notes.find((n) => n.code === 'POSTCODE_FORMAT')?.text).toEqual({
      es: 'El código postal "9950" no parece un código postal de US (p. ej. 95014); la zona de DHL Express se eligió por país, sin sus reglas por código postal.',
      en: 'Postcode "9950" does not look like a US postcode (e.g. 95014); the DHL Express zone was chosen by country, without its postcode rules.',
    });
  });

  it('CA X0A 1H0 is a remote area (REMOTE_AREA line); "X0A" alone is not a Canadian postcode: no remote-area line, a note instead', () => {
    expect(ask({ country: 'CA', postalCode: 'X0A 1H0' }).lines.map((l) => l.code)).toContain('REMOTE_AREA');
    const rated = ask({ country: 'CA', postalCode: 'X0A' });
    expect(rated.lines.map((l) => l.code)).not.toContain('REMOTE_AREA');
    expect(rated.notes.map((n) => n.code)).toContain('POSTCODE_FORMAT');
  });

  it('where no postcode rule names the country (GB), an odd postcode decides nothing and gets no note', () => {
    expect(ask({ country: 'GB', postalCode: '12345' }).notes.map((n) => n.code)).not.toContain('POSTCODE_FORMAT');
  });

  it('without a postcode, the note is POSTCODE_MISSING, not POSTCODE_FORMAT', () => {
    const codes = ask({ country: 'US' }).notes.map((n) => n.code);
    expect(codes).toContain('POSTCODE_MISSING');
    expect(codes).not.toContain('POSTCODE_FORMAT');
  });
});
