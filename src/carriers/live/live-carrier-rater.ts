import type { LocalizedText } from '../../schema/primitives';
import type { Note } from '../../domain/note';
import type { CarrierRater, RateRejection, RateResult, RatedService, ShipmentToRate } from '../carrier-rater';
import { fallBack, rateTableSafely, tableLeftovers, unusableCurrency, withNotes } from './live-fallback';
import { failure, type Attempt } from './live-http';
import { liveOption, type LiveQuote } from './live-option';

/** A vendor's answer for one carrier, already in Frontera's words. */
export interface LiveAnswer {
  quotes: LiveQuote[];
  /**
   * false: the source has nothing to say about this carrier (karrio without
   * a connection to it); the table answers as if no live source were set.
   */
  covered: boolean;
  /** Notes for every option (a vendor warning). */
  notes: Note[];
  /** Services the vendor declined, and why. */
  rejections: Array<{ service: string; code: string; reason: LocalizedText }>;
}

/** One vendor's rating API: never throws, says why when it fails. */
export interface LiveSource {
  /** The API and host for the lines' working, e.g. "DHL Express MyDHL API (express.api.dhl.com)". */
  readonly label: string;
  quote(shipment: ShipmentToRate): Promise<Attempt<LiveAnswer>>;
}

export interface LiveCarrierOptions {
  /** Cut-off for services the table does not know and the vendor gave none for. */
  defaultCutoff: string;
  now: () => number;
}

/**
 * A carrier priced by its own rating API (the shop's contract prices), with
 * the carrier's table as the fallback. The table is priced at the same time,
 * so a failing API costs no extra wait; on failure every table option
 * carries `LIVE_RATES_UNAVAILABLE` saying why. Live and table prices are
 * never mixed: a table service the API did not offer is left out with
 * `NOT_OFFERED_LIVE`.
 */
export class LiveCarrierRater implements CarrierRater {
  constructor(
    readonly id: string,
    readonly name: string,
    private readonly source: LiveSource,
    private readonly table: CarrierRater | undefined,
    private readonly options: LiveCarrierOptions,
  ) {}

  async rate(shipment: ShipmentToRate): Promise<RateResult> {
    const [table, live] = await Promise.all([rateTableSafely(this.table, shipment), askSafely(this.source, shipment)]);
    if (!live.ok) return fallBack(this, table, live.why);
    try {
      if (!live.value.covered) return withNotes(table ?? { options: [], rejections: [] }, live.value.notes);
      const unusable = live.value.quotes.map((q) => unusableCurrency(q.currency, shipment)).find((u) => u !== undefined);
      if (unusable !== undefined) return fallBack(this, table, unusable);
      return this.fromLive(live.value, table, shipment);
    } catch (err) {
      // Last line of defence: a bug here must cost the live price, never the quote.
      return fallBack(this, table, internalError(err));
    }
  }

  private fromLive(answer: LiveAnswer, table: RateResult | undefined, shipment: ShipmentToRate): RateResult {
    const options: RatedService[] = [];
    const rejections: RateRejection[] = [];
    const today = new Date(this.options.now()).toISOString().slice(0, 10);
    for (const q of answer.quotes) {
      const built = liveOption(q, {
        carrier: this.id,
        carrierName: this.name,
        source: this.source.label,
        shipment,
        known: table?.options.find((o) => o.service === q.service),
        today,
        defaultCutoff: this.options.defaultCutoff,
      });
      if ('reason' in built) rejections.push(built);
      else options.push({ ...built, notes: [...built.notes, ...answer.notes] });
    }
    rejections.push(...answer.rejections.map((r) => ({ carrier: this.id, ...r })));
    const offered = new Set([...answer.quotes.map((q) => q.service), ...answer.rejections.map((r) => r.service)]);
    rejections.push(...tableLeftovers(this, table, offered));
    return { options, rejections };
  }
}

async function askSafely(source: LiveSource, shipment: ShipmentToRate): Promise<Attempt<LiveAnswer>> {
  try {
    return await source.quote(shipment);
  } catch (err) {
    return { ...failure('', '', false), why: internalError(err) };
  }
}

function internalError(err: unknown): LocalizedText {
  const message = err instanceof Error ? err.message : String(err);
  return { es: `error interno: ${message}`, en: `internal error: ${message}` };
}
