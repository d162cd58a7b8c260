import type { Request, Response } from 'express';
import { compareDestinations } from '../quote/compare-destinations';
import { checkCart, checkCurrencies, nextTurn } from '../quote/quote-landed-cost';
import { compareRequestSchemaIn, type CompareRequestBody } from '../schema/compare-schema';
import type { AppDeps } from './app-deps';
import { compareCsv, compareCsvFileName } from './compare-csv';
import { refusedNotJson, sendQuoteFailure, unprocessable, validBody } from './quote-route';
import { requestLocale } from './request-locale';

/**
 * `POST /compare`: one cart quoted to every destination asked (README "Where to sell").
 * JSON by default; `Accept: text/csv` gets the price list as a download. What is wrong
 * with the cart itself (fields, HS codes, carriers, currencies, ship date) is a 422 for
 * the whole request; what is wrong for one destination is a row of `refused`.
 */
export function compareHandler(deps: AppDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    if (refusedNotJson(req, res, requestLocale(req))) return;
    const body: CompareRequestBody | undefined = validBody(req, res, compareRequestSchemaIn);
    if (!body) return;
    const locale = requestLocale(req, body);
    const snapshot = deps.data();
    // `currency` always has a value here (default USD), so no destination's currency is looked up.
    const cartProblem = checkCart(body, snapshot, locale) ?? checkCurrencies(body, '', snapshot, locale);
    if (cartProblem) {
      unprocessable(res, locale, cartProblem.code, cartProblem.errors);
      return;
    }
    try {
      const result = await compareDestinations(body, deps, { locale, data: snapshot, pause: nextTurn });
      res.set('Vary', 'Accept, Accept-Language');
      if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
        res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${compareCsvFileName(body.origin.country, result)}"`)
          .set('X-Frontera-Refused', String(result.refused.length)).send(compareCsv(result));
        return;
      }
      res.status(200).json(result);
    } catch (err) {
      // The cart's own faults (the ship date, a weight a duty needs): a 422, as on /quote.
      sendQuoteFailure(res, locale, err);
    }
  };
}
