import { addDays } from '../domain/dates';
import type { Note } from '../domain/note';
import { QuoteError } from './quote-error';

/** The latest ship date quoted: today at the origin plus this many days (README "Limits"). */
export const MAX_SHIP_DATE_AHEAD_DAYS = 365;

export interface ShipDateChoice {
  /** The day the parcel is handed over, and so the day whose rules apply. */
  shipDate: string;
  /** Said when the date asked for had passed. */
  note?: Note;
}

/**
 * The ship date a quote works on (landed-cost step 1). Rules apply on the day
 * the parcel is handed over, so a date already past at the origin becomes
 * today, with a note: pricing it under rules that have since expired would
 * undercharge duties (checkouts send cached carts, so this is not an error).
 * A date more than MAX_SHIP_DATE_AHEAD_DAYS ahead is refused: no tariff or
 * carrier table says what will be in force then.
 */
export function chooseShipDate(asked: string | undefined, today: string): ShipDateChoice {
  if (asked === undefined) return { shipDate: today };
  const latest = addDays(today, MAX_SHIP_DATE_AHEAD_DAYS);
  if (asked > latest) {
    throw new QuoteError('SHIP_DATE_OUT_OF_RANGE', 'shipDate', {
      es: `La fecha de envío ${asked} está a más de ${MAX_SHIP_DATE_AHEAD_DAYS} días; indique una fecha entre hoy (${today}) y ${latest}.`,
      en: `The ship date ${asked} is more than ${MAX_SHIP_DATE_AHEAD_DAYS} days ahead; give a date from today (${today}) to ${latest}.`,
    });
  }
  if (asked >= today) return { shipDate: asked };
  return {
    shipDate: today,
    note: {
      code: 'SHIP_DATE_PAST',
      severity: 'warning',
      text: {
        es: `La fecha de envío ${asked} ya pasó: se cotizó con la de hoy, ${today}, y con las reglas vigentes ese día.`,
        en: `The ship date ${asked} has passed: the quote uses today, ${today}, and the rules in force on that day.`,
      },
    },
  };
}
