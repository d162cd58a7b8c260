import type { Request, Response } from 'express';
import type { QuoteResult } from '../quote/quote-result';
import { QuoteStoreError } from '../store/quote-store';
import { apiClientOf } from './access/api-client';
import type { AppDeps } from './app-deps';
import { problem, sendProblem } from './problem';
import { requestLocale } from './request-locale';
import { logStoreFailure, storeUnavailable } from './saved-quotes';

/** Seconds until `validUntil`, for Cache-Control: a stored answer never changes before it expires. */
function secondsLeft(quote: QuoteResult, now: Date): number {
  return Math.max(0, Math.floor((Date.parse(quote.validUntil) - now.getTime()) / 1000));
}

/** `GET /quotes/:id`: the stored answer, exactly as it was sent, until its `validUntil`. */
export function quoteByIdHandler(deps: AppDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const locale = requestLocale(req);
    const id = String(req.params.id);
    const title = locale === 'es' ? 'Cotización no encontrada' : 'Quote not found';
    if (!deps.store) {
      sendProblem(res, problem(404, 'QUOTE_NOT_FOUND', title, locale === 'es'
        ? `Este servicio no guarda cotizaciones (se inició sin almacén de cotizaciones), así que ${id} no se puede consultar.`
        : `This service keeps no quotes (it was started without a quote store), so ${id} cannot be looked up.`));
      return;
    }
    const now = deps.clock();
    let quote: QuoteResult | undefined;
    try {
      // With keys configured, another key's quote is "not found", exactly like an id that does not exist.
      quote = await deps.store.get(id, now, apiClientOf(res));
    } catch (err) {
      if (err instanceof QuoteStoreError) {
        logStoreFailure(deps, err, 'read');
        storeUnavailable(res, locale, err);
        return;
      }
      throw err;
    }
    if (!quote) {
      sendProblem(res, problem(404, 'QUOTE_NOT_FOUND', title, locale === 'es'
        ? `No hay ninguna cotización ${id} vigente: no existe o ya pasó su validUntil.`
        : `There is no valid quote ${id}: it does not exist or its validUntil has passed.`));
      return;
    }
    res.set('Cache-Control', `private, max-age=${secondsLeft(quote, now)}`).json(quote);
  };
}

