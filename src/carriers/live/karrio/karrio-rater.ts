import type { CarrierRater, RateRejection, RateResult, RatedService, ShipmentToRate } from '../../carrier-rater';
import { fallBack, unusableCurrency } from '../live-fallback';
import { liveOption } from '../live-option';
import { titleCase } from '../vendor-format';
import { karrioCarrierId, karrioLiveAnswer, type KarrioAnswer } from './karrio-answer';
import type { KarrioClient } from './karrio-client';

/**
 * The karrio carriers Frontera has no table for: each karrio rate becomes an
 * option of carrier `karrio:<carrier>` (karrio's carrier_name with `_` as
 * `-`), named "<Carrier> (karrio)", at the shop's price. Carriers with a
 * table are answered by that table's own id (KarrioCarrierSource); carriers
 * Frontera asks directly (DHL_EXPRESS_*, FEDEX_*, UPS_*, an HTTP carrier)
 * are left out with `SERVED_DIRECTLY`, so one carrier never shows twice.
 * Request these options with `carriers: ["karrio"]`.
 */
export class KarrioRater implements CarrierRater {
  readonly id = 'karrio';
  readonly name = 'karrio';

  constructor(
    private readonly karrio: KarrioClient,
    /** Carrier ids answered elsewhere: a table carrier fed by karrio, or a direct adapter. */
    private readonly elsewhere: ReadonlyMap<string, 'table' | 'direct'>,
    private readonly options: { defaultCutoff: string; now: () => number },
  ) {}

  async rate(shipment: ShipmentToRate): Promise<RateResult> {
    const answer = await this.karrio.ask(shipment);
    if (!answer.ok) return fallBack(this, undefined, answer.why);
    const options: RatedService[] = [];
    const rejections: RateRejection[] = [];
    for (const carrierId of this.carriersIn(answer.value)) {
      const where = this.elsewhere.get(carrierId);
      if (where === 'table') continue;
      const carrier = `karrio:${carrierId}`;
      if (where === 'direct') {
        rejections.push({
          carrier,
          service: '*',
          code: 'SERVED_DIRECTLY',
          reason: { es: `karrio cotizó ${carrierId}, que Frontera consulta directamente: se omite.`, en: `karrio priced ${carrierId}, which Frontera asks directly: left out.` },
        });
        continue;
      }
      const result = this.carrierOptions(answer.value, carrierId, shipment);
      options.push(...result.options);
      rejections.push(...result.rejections);
    }
    return { options, rejections };
  }

  /** Every carrier karrio priced or said something about, by Frontera id. */
  private carriersIn(answer: KarrioAnswer): string[] {
    const names = [...answer.rates.map((r) => r.carrier_name), ...(answer.messages ?? []).map((m) => m.carrier_name)];
    return [...new Set(names.filter((n): n is string => typeof n === 'string' && n !== '').map(karrioCarrierId))];
  }

  private carrierOptions(answer: KarrioAnswer, carrierId: string, shipment: ShipmentToRate): RateResult {
    const carrier = `karrio:${carrierId}`;
    const carrierName = `${titleCase(carrierId.replace(/-/g, ' '))} (karrio)`;
    const live = karrioLiveAnswer(answer, carrierId);
    const rejections: RateRejection[] = live.rejections.map((r) => ({ carrier, ...r }));
    if (!live.covered) {
      const why = live.notes[0]?.text ?? { es: 'sin tarifas', en: 'no rates' };
      rejections.push({ carrier, service: '*', code: 'LIVE_RATES_FAILED', reason: why });
      return { options: [], rejections };
    }
    const options: RatedService[] = [];
    const today = new Date(this.options.now()).toISOString().slice(0, 10);
    for (const q of live.quotes) {
      const unusable = unusableCurrency(q.currency, shipment);
      const built = unusable
        ? { carrier, service: q.service, code: 'LIVE_INCOMPLETE', reason: unusable }
        : liveOption(q, { carrier, carrierName, source: this.karrio.label, shipment, known: undefined, today, defaultCutoff: this.options.defaultCutoff });
      if ('reason' in built) rejections.push(built);
      else options.push({ ...built, notes: [...built.notes, ...live.notes] });
    }
    return { options, rejections };
  }
}
