import { z } from 'zod';
import { formatAmount } from '../domain/money';
import type { Note } from '../domain/note';
import { amountSchema, currencyCodeSchema, isoDateSchema, localizedTextSchema } from '../schema/primitives';
import { redactUrlsIn } from '../schema/redact-url';
import type {
  CarrierRater,
  ChargeLine,
  RateRejection,
  RateResult,
  RatedService,
  ShipmentToRate,
} from './carrier-rater';
import { assembleLiveOption } from './live/live-assemble';
import { fallBack, liveIncomplete, rateTableSafely, tableLeftovers, unusableCurrency } from './live/live-fallback';
import { defaultLiveDeps, fetchOnce, parseJsonAnswer, withRetries, type Attempt, type LiveDeps, type RetryPolicy } from './live/live-http';
import { C } from './table/carrier-phrases';

/**
 * A code carrier: asks a carrier's HTTP rate endpoint for live prices and,
 * when the endpoint is slow, failing or answers nonsense, falls back to the
 * carrier's rate table with a note. `rate` never throws and always returns
 * within `budgetMs` (plus a few ms), so the quote's own carrier timeout
 * (`carrierTimeoutMs`, 2000 ms by default) is never the one that fires.
 * The wire format is in carriers/README.md ("Live rates over HTTP").
 */
export interface HttpCarrierConfig extends RetryPolicy {
  id: string;
  name: string;
  /** POST endpoint; the request and answer formats are in carriers/README.md. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Cut-off for services the endpoint prices but the table does not know. */
  cutoffLocal: string;
}

/** Injected for tests: fetch, sleep and the clock. */
export type HttpCarrierDeps = LiveDeps;

const daysSchema = z
  .object({ min: z.number().int().min(0), max: z.number().int().min(0) })
  .refine((d) => d.min <= d.max, { error: 'min must not be above max' });

/** What the endpoint must answer (carriers/README.md). Amounts are decimal strings, as in the tables. */
export const liveRateAnswerSchema = z.object({
  currency: currencyCodeSchema,
  /** YYYY-MM-DD of the carrier's price list; omitted: the day of the call. */
  priceDate: isoDateSchema.optional(),
  services: z
    .array(
      z.object({
        service: z.string().min(1),
        name: localizedTextSchema.optional(),
        zone: z.string().min(1).optional(),
        chargeableKg: amountSchema.optional(),
        lines: z.array(z.object({ code: z.string().min(1), name: localizedTextSchema.optional(), amount: amountSchema })).min(1),
        insurance: z.object({ amount: amountSchema }).optional(),
        transitDays: daysSchema.optional(),
        customsDays: daysSchema.optional(),
        cutoffLocal: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time such as "17:00"' }).optional(),
      }),
    )
    .max(50),
});
type LiveAnswer = z.output<typeof liveRateAnswerSchema>;
type LiveService = LiveAnswer['services'][number];

export class HttpCarrierRater implements CarrierRater {
  readonly id: string;
  readonly name: string;
  private readonly deps: HttpCarrierDeps;

  /** `fallback`: the carrier's table, used when the endpoint fails; without it the carrier gives no option then. */
  constructor(
    private readonly config: HttpCarrierConfig,
    private readonly fallback?: CarrierRater,
    deps: Partial<HttpCarrierDeps> = {},
  ) {
    this.id = config.id;
    this.name = config.name;
    this.deps = { ...defaultLiveDeps, ...deps };
  }

  async rate(shipment: ShipmentToRate): Promise<RateResult> {
    try {
      const table = await rateTableSafely(this.fallback, shipment);
      const live = await withRetries(this.config, this.deps, (limit) => this.askOnce(shipment, limit()));
      if (live.ok) {
        const unusable = unusableCurrency(live.value.currency, shipment);
        if (unusable === undefined) return this.fromLive(live.value, table, shipment);
        return fallBack(this, table, unusable);
      }
      return fallBack(this, table, live.why);
    } catch (err) {
      // Last line of defence: a bug here must cost this carrier's option, never the quote.
      const message = redactUrlsIn((err as Error).message);
      return fallBack(this, undefined, { es: `error interno: ${message}`, en: `internal error: ${message}` });
    }
  }

  private async askOnce(shipment: ShipmentToRate, limitMs: number): Promise<Attempt<LiveAnswer>> {
    const init: RequestInit = {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(this.config.token === undefined ? {} : { authorization: `Bearer ${this.config.token}` }),
      },
      body: JSON.stringify(requestBody(shipment)),
    };
    const text = await fetchOnce(this.deps, this.config.url, init, limitMs);
    return text.ok ? parseJsonAnswer(text.value, liveRateAnswerSchema) : text;
  }

  /**
   * The endpoint decides which services it offers; the table fills in what
   * the answer leaves out (cut-off, customs days, duty fees, names).
   */
  private fromLive(answer: LiveAnswer, table: RateResult | undefined, shipment: ShipmentToRate): RateResult {
    const options: RatedService[] = [];
    const rejections: RateRejection[] = [];
    const offered = new Set(answer.services.map((s) => s.service));
    for (const live of answer.services) {
      const known = table?.options.find((o) => o.service === live.service);
      const built = this.liveService(live, answer, known, shipment);
      if ('reason' in built) rejections.push(built);
      else options.push(built);
    }
    rejections.push(...tableLeftovers(this, table, offered));
    return { options, rejections };
  }

  private liveService(live: LiveService, answer: LiveAnswer, known: RatedService | undefined, shipment: ShipmentToRate): RatedService | RateRejection {
    const serviceName = live.name ?? known?.serviceName ?? { es: live.service, en: live.service };
    const transitDays = live.transitDays ?? known?.transitDays;
    if (transitDays === undefined) return liveIncomplete(this, live.service, serviceName, { es: 'días de tránsito', en: 'transit days' });
    const host = new URL(this.config.url).host;
    const working = C.rateService(this.name, host);
    const lines: ChargeLine[] = live.lines.map((l) => ({
      code: l.code,
      name: l.name ?? known?.lines.find((k) => k.code === l.code)?.name ?? { es: l.code, en: l.code },
      amount: l.amount,
      working,
    }));
    const notes: Note[] = [
      {
        code: 'LIVE_RATES',
        severity: 'info',
        text: { es: `Precio en vivo del servicio de tarifas de ${this.name}.`, en: `Live price from ${this.name}'s rate service.` },
      },
    ];
    return assembleLiveOption({
      carrier: this.id,
      carrierName: this.name,
      service: live.service,
      serviceName,
      status: 'sourced',
      currency: answer.currency,
      zone: live.zone,
      chargeableKg: live.chargeableKg,
      lines,
      insurance: live.insurance?.amount,
      working,
      known,
      shipment,
      transitDays,
      customsDays: live.customsDays ?? known?.customsDays ?? { min: 0, max: 0 },
      cutoffLocal: live.cutoffLocal ?? known?.cutoffLocal ?? this.config.cutoffLocal,
      dataDate: answer.priceDate ?? new Date(this.deps.now()).toISOString().slice(0, 10),
      notes,
    });
  }
}

/** What the endpoint receives: the shipment in kg, cm and decimal strings. */
export function requestBody(shipment: ShipmentToRate): Record<string, unknown> {
  return {
    origin: shipment.origin,
    destination: shipment.destination,
    shipDate: shipment.shipDate,
    parcels: shipment.parcels.map((p) => ({
      lengthCm: p.lengthCm.toString(),
      widthCm: p.widthCm.toString(),
      heightCm: p.heightCm.toString(),
      weightKg: p.weightKg.toString(),
    })),
    declaredValue: { amount: formatAmount(shipment.declaredValue.amount, shipment.declaredValue.currency), currency: shipment.declaredValue.currency },
    insure: shipment.insure,
  };
}
