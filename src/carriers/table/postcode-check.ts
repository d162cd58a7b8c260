import type { Note } from '../../domain/note';
import type { ShipmentToRate } from '../carrier-rater';
import type { CarrierService } from '../carrier-schema';
import { looksLikePostcode, type PostcodeFormats } from '../postcode-formats';

type Destination = ShipmentToRate['destination'];

/**
 * The destination the service's postcode rules see. Where the service has a postcode zone or
 * remote-area rule for the country and the postcode does not look like one of that country's
 * (data/reference/world/countries.csv), the postcode is not used for those rules: the zone is
 * chosen by country, and a note says so. The option is still priced: a format table is no reason
 * to refuse a sale (a new postcode district, a typo the carrier will fix).
 */
export function destinationForRules(
  service: CarrierService,
  destination: Destination,
  formats: PostcodeFormats | undefined,
  carrierName: string,
): { destination: Destination; note?: Note } {
  const { postalCode, country } = destination;
  if (postalCode === undefined || formats === undefined) return { destination };
  const decides = [...service.zones.flatMap((z) => z.postcodes), ...service.remoteAreas].some((r) => r.country === country);
  if (!decides || looksLikePostcode(formats, country, postalCode)) return { destination };
  const byCountry: Destination = { country, ...(destination.region === undefined ? {} : { region: destination.region }) };
  const example = formats.get(country)?.example;
  const es = example ? ` (p. ej. ${example})` : '';
  const en = example ? ` (e.g. ${example})` : '';
  return {
    destination: byCountry,
    note: {
      code: 'POSTCODE_FORMAT',
      severity: 'warning',
      text: {
        es: `El código postal "${postalCode}" no parece un código postal de ${country}${es}; la zona de ${carrierName} se eligió por país, sin sus reglas por código postal.`,
        en: `Postcode "${postalCode}" does not look like a ${country} postcode${en}; the ${carrierName} zone was chosen by country, without its postcode rules.`,
      },
    },
  };
}
