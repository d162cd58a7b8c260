import Decimal from 'decimal.js';
import type { NormalisedParcel } from '../carriers/carrier-rater';
import { D, sum } from '../domain/money';
import { toCm, toKg } from '../domain/units';
import type { QuoteRequestBody } from '../schema/quote-request-schema';
import { QuoteError } from './quote-error';
import type { Locale, QuoteInput, QuoteItem } from './quote-input';

export interface NormaliseContext {
  /** Destination's currency: the answer currency when the request names none. */
  defaultCurrency: string;
  /** Today in the origin's time zone: the ship date when the request names none. */
  today: string;
  locale: Locale;
}

/** Courier volumetric divisor used to size a parcel the service packs itself (cm³ per kg). */
const PACKED_CM3_PER_KG = new D(5000);

/** The request without its destination: one cart, the same wherever it goes (`POST /compare` quotes it to many). */
export type CartRequestBody = Omit<QuoteRequestBody, 'destination'>;

/** A normalised cart: everything of `QuoteInput` but where it goes and the answer currency. */
export type CartInput = Omit<QuoteInput, 'destination' | 'currency'>;

/** Landed-cost step 1 (docs/landed-cost.md): units to kg and cm, HS code to digits, money to Decimal. */
export function normaliseRequest(body: QuoteRequestBody, ctx: NormaliseContext): QuoteInput {
  return { ...normaliseCart(body, ctx), destination: normaliseDestination(body.destination), currency: body.currency ?? ctx.defaultCurrency };
}

/** Step 1 for what does not depend on the destination: items, parcels, origin, ship date, terms. */
export function normaliseCart(body: CartRequestBody, ctx: Omit<NormaliseContext, 'defaultCurrency'>): CartInput {
  const items: QuoteItem[] = body.items.map((it, index) => ({
    index,
    description: it.description,
    hs: it.hsCode,
    originCountry: it.originCountry ?? body.origin.country,
    claimPreference: it.claimPreference,
    quantity: new D(it.quantity),
    unitPrice: new D(it.unitPrice.amount),
    priceCurrency: it.unitPrice.currency,
    ...(it.unitWeight ? { unitKg: toKg(it.unitWeight.value, it.unitWeight.unit) } : {}),
    ...(it.unitVolume ? { unitLitres: new D(it.unitVolume.value).div(it.unitVolume.unit === 'ml' ? 1000 : 1) } : {}),
    // From the number's own decimal text ("40.5"), so no binary fraction enters the arithmetic.
    ...(it.alcoholByVolume !== undefined ? { abv: new D(String(it.alcoholByVolume)) } : {}),
  }));
  const parcels = body.parcels ? body.parcels.map(normaliseParcel) : [packParcel(items)];
  return {
    origin: {
      country: body.origin.country,
      ...(body.origin.postalCode ? { postalCode: body.origin.postalCode } : {}),
      ...(body.origin.city ? { city: body.origin.city } : {}),
    },
    incoterm: body.incoterm,
    shipDate: body.shipDate ?? ctx.today,
    items,
    parcels,
    parcelsPacked: body.parcels === undefined,
    ...(body.carriers ? { carriers: body.carriers } : {}),
    insure: body.insure,
    buyer: body.buyer,
    locale: body.locale ?? ctx.locale,
  };
}

/** The destination address as the engine reads it: region in upper case, empty parts left out. */
export function normaliseDestination(d: QuoteRequestBody['destination']): QuoteInput['destination'] {
  return {
    country: d.country,
    ...(d.region ? { region: d.region.toUpperCase() } : {}),
    ...(d.postalCode ? { postalCode: d.postalCode } : {}),
    ...(d.city ? { city: d.city } : {}),
  };
}

function normaliseParcel(p: NonNullable<QuoteRequestBody['parcels']>[number]): NormalisedParcel {
  return {
    lengthCm: toCm(p.length, p.dimensionUnit),
    widthCm: toCm(p.width, p.dimensionUnit),
    heightCm: toCm(p.height, p.dimensionUnit),
    weightKg: toKg(p.weight, p.weightUnit),
  };
}

/**
 * Without parcels, pack the items' total weight into one cube whose
 * volumetric weight at 5000 cm³/kg equals its actual weight, so the
 * estimate adds no volumetric charge (the answer says so in a note).
 */
function packParcel(items: QuoteItem[]): NormalisedParcel {
  const missing = items.find((i) => i.unitKg === undefined);
  if (missing) {
    throw new QuoteError('PARCELS_OR_WEIGHTS_REQUIRED', `items.${missing.index}.unitWeight`, {
      es: `Sin "parcels" se necesita el peso de cada artículo: falta items.${missing.index}.unitWeight.`,
      en: `Without "parcels" every item needs a weight: items.${missing.index}.unitWeight is missing.`,
    });
  }
  const kg = sum(items.map((i) => (i.unitKg as Decimal).times(i.quantity)));
  const side = kg.times(PACKED_CM3_PER_KG).cbrt().toDecimalPlaces(0, Decimal.ROUND_UP);
  return { lengthCm: side, widthCm: side, heightCm: side, weightKg: kg };
}
