import type { Request, Response } from 'express';
import { MissingRateError } from '../fx/rate-table';
import { compareDestinations } from '../quote/compare-destinations';
import { QuoteError } from '../quote/quote-error';
import type { Locale } from '../quote/quote-input';
import { checkCart, checkCurrencies, nextTurn } from '../quote/quote-landed-cost';
import { compareRequestSchema, type CompareRequestBody } from '../schema/compare-schema';
import type { AppDeps } from './app-deps';
import { compareCsv, compareCsvFileName } from './compare-csv';
import { fieldErrors } from './field-errors';
import { jsonLimitProblem, QUOTE_JSON_LIMITS } from './json-limits';
import { refusedNotJson, unprocessable } from './quote-route';
import { requestLocale } from './request-locale';

/** The body within the JSON limits and the schema, or undefined when a 422 has been sent. */
function validCompareBody(req: Request, res: Response, locale: Locale): CompareRequestBody | undefined {
  const tooBig = jsonLimitProblem(req.body, QUOTE_JSON_LIMITS, locale);
  if (tooBig) {
    unprocessable(res, locale, 'INVALID_REQUEST', [tooBig]);
    return undefined;
  }
  const parsed = compareRequestSchema.safeParse(req.body, { reportInput: true });
  if (!parsed.success) {
    unprocessable(res, locale, 'INVALID_REQUEST', fieldErrors(parsed.error), { total: parsed.error.issues.length });
    return undefined;
  }
  return parsed.data;
}

/**
 * `POST /compare`: one cart quoted to every destination asked (README "Where to sell").
 * JSON by default; `Accept: text/csv` gets the price list as a download. What is wrong
 * with the cart itself (fields, HS codes, carriers, currencies, ship date) is a 422 for
 * the whole request; what is wrong for one destination is a row of `refused`.
 */
export function compareHandler(deps: AppDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    if (refusedNotJson(req, res, requestLocale(req))) return;
    const body = validCompareBody(req, res, requestLocale(req));
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
      if (err instanceof QuoteError) {
        unprocessable(res, locale, err.code, [{ path: err.path, message: err.text[locale] }]);
        return;
      }
      if (err instanceof MissingRateError) {
        unprocessable(res, locale, err.code, [{ path: 'currency', message: err.message }]);
        return;
      }
      throw err;
    }
  };
}
