import type { MissingQuantityError } from '../domain/duty-expression';
import { QuoteError } from './quote-error';

const FIELD = { netKg: 'unitWeight', litres: 'unitVolume', abv: 'alcoholByVolume' } as const;
const WHAT = {
  netKg: { es: 'el peso', en: 'the weight' },
  litres: { es: 'el volumen', en: 'the volume' },
  abv: { es: 'la graduación alcohólica (% vol)', en: 'the alcoholic strength (% vol)' },
} as const;

/**
 * A duty or excise that needs a weight, volume or strength the item does not give: a 422
 * MISSING_QUANTITY naming the field (items.N.unitWeight, unitVolume or alcoholByVolume).
 */
export function missingQuantity(err: MissingQuantityError, item: { index: number; hs: string }, country: string, charge: { es: string; en: string }): QuoteError {
  const field = `items.${item.index}.${FIELD[err.needs]}`;
  return new QuoteError('MISSING_QUANTITY', field, {
    es: `${charge.es} de ${item.hs} en ${country} depende de ${WHAT[err.needs].es}: indique ${field}.`,
    en: `The ${country} ${charge.en} on ${item.hs} depends on ${WHAT[err.needs].en}: give ${field}.`,
  });
}
