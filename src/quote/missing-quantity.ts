import type { MissingQuantityError } from '../domain/duty-expression';
import { QuoteError } from './quote-error';

const FIELD = { netKg: 'unitWeight', litres: 'unitVolume', abv: 'alcoholByVolume' } as const;
const PER = {
  netKg: { es: 'por kilogramo', en: 'per kilogram' },
  litres: { es: 'por litro', en: 'per litre' },
  abv: { es: 'según la graduación alcohólica (% vol)', en: 'by alcoholic strength (% vol)' },
} as const;

/**
 * A duty or excise that needs a weight, volume or strength the item does not give: a 422
 * MISSING_QUANTITY naming the field (items.N.unitWeight, unitVolume or alcoholByVolume).
 */
export function missingQuantity(err: MissingQuantityError, item: { index: number; hs: string }, country: string, charge: { es: string; en: string }): QuoteError {
  const field = `items.${item.index}.${FIELD[err.needs]}`;
  return new QuoteError('MISSING_QUANTITY', field, {
    es: `${charge.es} de ${item.hs} en ${country} se cobra ${PER[err.needs].es}: indique ${field}.`,
    en: `The ${country} ${charge.en} on ${item.hs} is charged ${PER[err.needs].en}: give ${field}.`,
  });
}
