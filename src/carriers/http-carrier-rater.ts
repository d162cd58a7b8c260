import type Decimal from 'decimal.js';
import { z } from 'zod';
import { D, ZERO, formatAmount, sum } from '../domain/money';
import { amountSchema, currencyCodeSchema, isoDateSchema, localizedTextSchema, type LocalizedText } from '../schema/primitives';
import type { Note } from '../domain/note';
import { redactUrlsIn } from '../schema/redact-url';
import type {
  CarrierRater,
  ChargeLine,
  DutyDependentFee,
  RateRejection,
  RateResult,
  RatedService,
  ShipmentToRate,
} from './carrier-rater';

/**
 * A code carrier: asks a carrier's HTTP rate endpoint for live prices and,
 * when the endpoint is slow, failing or answers nonsense, falls back to the
 * carrier's rate table with a note. `rate` never throws and always returns
 * within `budgetMs` (plus a few ms), so the quote's own carrier timeout
 * (`carrierTimeoutMs`, 2000 ms by default) is never the one that fires.
 * The wire format is in carriers/README.md ("Live rates over HTTP").
 */
export interface HttpCarrierConfig {
  id: string;
  name: string;
  /** POST endpoint; the request and answer formats are in carriers/README.md. */
  url: string;
  /** One attempt's limit. */
  timeoutMs: number;
  /** Attempts after the first, for network errors, timeouts, 429 and 5xx only. */
  retries: number;
  /** Wait before the first retry, doubled before each next one. */
  backoffMs: number;
  /** The whole call, attempts and waits together. */
  budgetMs: number;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Cut-off for services the endpoint prices but the table does not know. */
  cutoffLocal: string;
}

export interface HttpCarrierDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds, for the budget and the live price's data date. */
  now: () => number;
}

const defaultDeps: HttpCarrierDeps = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/** The largest answer read; a carrier's rate answer is a few kB. */
const MAX_ANSWER_CHARS = 1_000_000;

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

type Attempt = { ok: true; answer: LiveAnswer } | { ok: false; why: LocalizedText; retry: boolean };

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
    this.deps = { ...defaultDeps, ...deps };
  }

  async rate(shipment: ShipmentToRate): Promise<RateResult> {
    try {
      const table = await this.rateTable(shipment);
      const live = await this.askWithRetries(shipment);
      if (live.ok) {
        const unusable = unusableCurrency(live.answer.currency, shipment);
        if (unusable === undefined) return this.fromLive(live.answer, table, shipment);
        return this.fallBack(table, unusable);
      }
      return this.fallBack(table, live.why);
    } catch (err) {
      // Last line of defence: a bug here must cost this carrier's option, never the quote.
      const message = redactUrlsIn((err as Error).message);
      return this.fallBack(undefined, { es: `error interno: ${message}`, en: `internal error: ${message}` });
    }
  }

  private async rateTable(shipment: ShipmentToRate): Promise<RateResult | undefined> {
    if (this.fallback === undefined) return undefined;
    try {
      return await this.fallback.rate(shipment);
    } catch {
      return undefined;
    }
  }

  /** Bounded retries with doubling backoff, never past the budget. */
  private async askWithRetries(shipment: ShipmentToRate): Promise<Attempt> {
    const { timeoutMs, retries, backoffMs, budgetMs } = this.config;
    const deadline = this.deps.now() + budgetMs;
    let last: Attempt = { ok: false, why: { es: 'sin intentos', en: 'no attempt made' }, retry: false };
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        const wait = backoffMs * 2 ** (attempt - 1);
        if (this.deps.now() + wait >= deadline) break;
        await this.deps.sleep(wait);
      }
      const left = deadline - this.deps.now();
      if (left <= 0) break;
      last = await this.askOnce(shipment, Math.min(timeoutMs, left));
      if (last.ok || !last.retry) return last;
    }
    return last;
  }

  private async askOnce(shipment: ShipmentToRate, limitMs: number): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), limitMs);
    try {
      const response = await this.deps.fetch(this.config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(this.config.token === undefined ? {} : { authorization: `Bearer ${this.config.token}` }),
        },
        body: JSON.stringify(requestBody(shipment)),
        signal: controller.signal,
      });
      const text = await response.text();
      if (!response.ok) {
        const retry = response.status === 429 || response.status >= 500;
        return { ok: false, why: { es: `respondió HTTP ${response.status}`, en: `answered HTTP ${response.status}` }, retry };
      }
      return parseAnswer(text);
    } catch (err) {
      if (controller.signal.aborted) {
        return { ok: false, why: { es: `sin respuesta en ${limitMs} ms`, en: `no answer within ${limitMs} ms` }, retry: true };
      }
      // The reason reaches the answer's notes: a URL in it (fetch quotes one with credentials) loses its secrets.
      const message = redactUrlsIn((err as Error).message);
      return { ok: false, why: { es: `error de red: ${message}`, en: `network error: ${message}` }, retry: true };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Table options with a warning, or, without a table, a rejection that says why. */
  private fallBack(table: RateResult | undefined, why: LocalizedText): RateResult {
    if (table === undefined) {
      return {
        options: [],
        rejections: [
          {
            carrier: this.id,
            service: '*',
            code: 'LIVE_RATES_FAILED',
            reason: { es: `${this.name}: las tarifas en vivo fallaron (${why.es}).`, en: `${this.name}: live rates failed (${why.en}).` },
          },
        ],
      };
    }
    const warning: Note = {
      code: 'LIVE_RATES_UNAVAILABLE',
      severity: 'warning',
      text: {
        es: `No se obtuvieron tarifas en vivo de ${this.name} (${why.es}); se muestran las de su tabla.`,
        en: `Live rates from ${this.name} failed (${why.en}); its table prices are shown.`,
      },
    };
    return { options: table.options.map((o) => ({ ...o, notes: [warning, ...o.notes] })), rejections: table.rejections };
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
    for (const o of table?.options ?? []) {
      if (offered.has(o.service)) continue;
      rejections.push({
        carrier: this.id,
        service: o.service,
        code: 'NOT_OFFERED_LIVE',
        reason: {
          es: `${this.name} no ofreció ${o.serviceName.es} para este envío en su servicio de tarifas.`,
          en: `${this.name}'s rate service did not offer ${o.serviceName.en} for this shipment.`,
        },
      });
    }
    rejections.push(...(table?.rejections ?? []).filter((r) => !offered.has(r.service)));
    return { options, rejections };
  }

  private liveService(live: LiveService, answer: LiveAnswer, known: RatedService | undefined, shipment: ShipmentToRate): RatedService | RateRejection {
    const serviceName = live.name ?? known?.serviceName ?? { es: live.service, en: live.service };
    const transitDays = live.transitDays ?? known?.transitDays;
    if (transitDays === undefined) {
      return {
        carrier: this.id,
        service: live.service,
        code: 'LIVE_INCOMPLETE',
        reason: {
          es: `${this.name} cotizó ${serviceName.es} sin días de tránsito y su tabla no tiene ese servicio.`,
          en: `${this.name} priced ${serviceName.en} without transit days and its table has no such service.`,
        },
      };
    }
    const host = new URL(this.config.url).host;
    const working = `${this.name} rate service (${host})`;
    const lines: ChargeLine[] = live.lines.map((l) => ({
      code: l.code,
      name: l.name ?? known?.lines.find((k) => k.code === l.code)?.name ?? { es: l.code, en: l.code },
      amount: l.amount,
      working,
    }));
    const insurance: ChargeLine | undefined =
      live.insurance === undefined ? undefined : { code: 'INSURANCE', name: { es: 'Seguro', en: 'Insurance' }, amount: live.insurance.amount, working };
    const notes: Note[] = [
      {
        code: 'LIVE_RATES',
        severity: 'info',
        text: { es: `Precio en vivo del servicio de tarifas de ${this.name}.`, en: `Live price from ${this.name}'s rate service.` },
      },
    ];
    if (shipment.insure && insurance === undefined) {
      notes.push({
        code: 'INSURANCE_UNAVAILABLE',
        severity: 'warning',
        text: { es: `${this.name} no cotizó seguro para ${serviceName.es}.`, en: `${this.name} quoted no insurance for ${serviceName.en}.` },
      });
    }
    return {
      carrier: this.id,
      carrierName: this.name,
      service: live.service,
      serviceName,
      channel: known?.channel ?? 'courier',
      status: 'sourced',
      currency: answer.currency,
      zone: live.zone ?? known?.zone ?? '-',
      chargeableKg: live.chargeableKg ?? known?.chargeableKg ?? sum(shipment.parcels.map((p) => new D(p.weightKg))),
      lines,
      ...(insurance === undefined ? {} : { insurance }),
      dutyFees: (known?.dutyFees ?? []).map((f) => inCurrency(f, known?.currency ?? answer.currency, answer.currency, shipment)),
      transitDays,
      customsDays: live.customsDays ?? known?.customsDays ?? { min: 0, max: 0 },
      cutoffLocal: live.cutoffLocal ?? known?.cutoffLocal ?? this.config.cutoffLocal,
      dataDate: answer.priceDate ?? new Date(this.deps.now()).toISOString().slice(0, 10),
      notes,
    };
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

function parseAnswer(text: string): Attempt {
  // A malformed answer would come back the same on a retry: no retry.
  const invalid = (detail: string): Attempt => ({
    ok: false,
    why: { es: `respuesta no válida: ${detail}`, en: `invalid answer: ${detail}` },
    retry: false,
  });
  if (text.length > MAX_ANSWER_CHARS) return invalid(`over ${MAX_ANSWER_CHARS} characters`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid('not JSON');
  }
  const parsed = liveRateAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined || first.path.length === 0 ? '(root)' : first.path.map(String).join('.');
    return invalid(`${where}: ${first?.message ?? 'does not match the format'}`);
  }
  return { ok: true, answer: parsed.data };
}

/** A currency the quote cannot convert would fail the whole quote later; it is refused here instead. */
function unusableCurrency(currency: string, shipment: ShipmentToRate): LocalizedText | undefined {
  try {
    shipment.convert(new D(1), currency, shipment.declaredValue.currency);
    return undefined;
  } catch {
    return { es: `moneda ${currency} sin tipo de cambio`, en: `currency ${currency} has no exchange rate` };
  }
}

/** A table's duty fee (priced in the table currency) re-expressed in the live answer's currency. */
function inCurrency(fee: DutyDependentFee, from: string, to: string, shipment: ShipmentToRate): DutyDependentFee {
  if (from === to) return fee;
  return {
    ...fee,
    price: (dutiesAndTaxes: Decimal) => {
      const priced = fee.price(dutiesAndTaxes.lte(0) ? ZERO : shipment.convert(dutiesAndTaxes, to, from));
      return { amount: shipment.convert(priced.amount, from, to), working: `${priced.working} ${from} → ${to}` };
    },
  };
}
