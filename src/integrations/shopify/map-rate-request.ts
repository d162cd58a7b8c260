import Decimal from 'decimal.js';
import type { z } from 'zod';
import { D, sum } from '../../domain/money';
import { toCm, toKg } from '../../domain/units';
import type { quoteRequestSchema } from '../../schema/quote-request-schema';
import type { Note } from '../../domain/note';
import type { LocalizedText } from '../../schema/primitives';
import type { Catalogue, CatalogueEntry } from './catalogue';
import type { CatalogueDefaults } from './shopify-config';
import type { ShopifyItem, ShopifyRateRequest } from './shopify-rate-schema';

export type QuoteRequestInput = z.input<typeof quoteRequestSchema>;


export interface MappedRequest {
  /** A `/quote` request body, still to be validated by quoteRequestSchema. */
  body: QuoteRequestInput;
  /** One note per default used, for the stored quote. */
  notes: Note[];
  /** Items Shopify says need shipping; zero means there is nothing to rate. */
  shippableItems: number;
}

/** The cart cannot be quoted: an item has no catalogue entry and there is no default HS code. */
export class ShopifyMappingError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

export interface MappingOptions {
  catalogue: Catalogue;
  defaults: CatalogueDefaults;
  incoterm: 'DDP' | 'DAP';
  carriers?: string[];
  locale: 'es' | 'en';
}

/** Shopify counts every currency in hundredths, also those without minor units (1000 JPY is 100000): CarrierService docs. */
const SHOPIFY_SUBUNITS = 100;

function itemRef(item: ShopifyItem, index: number): string {
  if (item.sku) return `SKU ${item.sku}`;
  if (item.variant_id != null) return `variant ${item.variant_id}`;
  return `item ${index}`;
}

interface ItemPlan {
  entry: CatalogueEntry | undefined;
  unitKg?: Decimal;
}

/** One Shopify line as a `/quote` item: HS code, origin and weight from the catalogue or the defaults (each default noted). */
function mapItem(item: ShopifyItem, index: number, rate: ShopifyRateRequest['rate'], opts: MappingOptions, notes: Note[]): { line: NonNullable<QuoteRequestInput['items']>[number]; plan: ItemPlan } {
  const ref = itemRef(item, index);
  const entry = opts.catalogue.find(item.variant_id, item.sku);
  const hsCode = entry?.hsCode ?? opts.defaults.hsCode;
  if (hsCode === undefined) {
    throw new ShopifyMappingError('NOT_IN_CATALOGUE', {
      es: `${ref} no está en el catálogo y no hay código HS por defecto (SHOPIFY_DEFAULT_HS_CODE).`,
      en: `${ref} is not in the catalogue and there is no default HS code (SHOPIFY_DEFAULT_HS_CODE).`,
    });
  }
  if (!entry) {
    notes.push({ code: `CATALOGUE_DEFAULT_HS:${ref}`, severity: 'warning', text: {
      es: `${ref} no está en el catálogo: se usó el código HS por defecto ${hsCode}. Añádalo al catálogo para un arancel exacto.`,
      en: `${ref} is not in the catalogue: the default HS code ${hsCode} was used. Add it to the catalogue for an exact duty.`,
    } });
  }
  const originCountry = entry?.originCountry ?? opts.defaults.originCountry ?? rate.origin.country;
  if (entry?.originCountry === undefined) {
    notes.push({ code: `CATALOGUE_DEFAULT_ORIGIN:${ref}`, severity: 'warning', text: {
      es: `${ref}: el catálogo no da el país de origen; se supuso ${originCountry}. Las preferencias arancelarias dependen del origen real.`,
      en: `${ref}: the catalogue gives no country of origin; ${originCountry} was assumed. Trade-agreement preferences depend on the real origin.`,
    } });
  }
  const unitKg = unitWeightOf(item, entry, ref, opts.defaults, notes);
  return {
    plan: { entry, ...(unitKg ? { unitKg } : {}) },
    line: {
      description: (entry?.description ?? item.name ?? '').slice(0, 500),
      hsCode,
      originCountry,
      claimPreference: entry?.claimPreference ?? true,
      quantity: item.quantity,
      unitPrice: { amount: new D(item.price).div(SHOPIFY_SUBUNITS).toFixed(2), currency: rate.currency },
      ...(unitKg ? { unitWeight: { value: unitKg.toNumber(), unit: 'kg' as const } } : {}),
      ...(entry?.unitVolume ? { unitVolume: entry.unitVolume } : {}),
      ...(entry?.alcoholByVolume !== undefined ? { alcoholByVolume: entry.alcoholByVolume } : {}),
    },
  };
}

/** The catalogue's weight, else Shopify's grams, else the default (noted). */
function unitWeightOf(item: ShopifyItem, entry: CatalogueEntry | undefined, ref: string, defaults: CatalogueDefaults, notes: Note[]): Decimal | undefined {
  if (entry?.unitWeight) return toKg(entry.unitWeight.value, entry.unitWeight.unit);
  if (item.grams > 0) return new D(item.grams).div(1000);
  if (defaults.unitGrams === undefined) return undefined;
  notes.push({ code: `CATALOGUE_DEFAULT_WEIGHT:${ref}`, severity: 'warning', text: {
    es: `${ref} no tiene peso en Shopify ni en el catálogo: se usaron ${defaults.unitGrams} g por unidad.`,
    en: `${ref} has no weight in Shopify or the catalogue: ${defaults.unitGrams} g a unit was used.`,
  } });
  return new D(defaults.unitGrams).div(1000);
}

/**
 * Turn Shopify's rate request into a `/quote` body: price from subunits,
 * HS code, origin and size from the catalogue, weight from the catalogue or
 * Shopify's grams, defaults where those are missing (each noted). When every
 * item has a catalogue size, the cart becomes one parcel holding their
 * volume; otherwise the engine packs by weight and says so.
 */
export function mapRateRequest(req: ShopifyRateRequest, opts: MappingOptions): MappedRequest {
  const rate = req.rate;
  const notes: Note[] = [];
  const shippable = rate.items.filter((i) => i.requires_shipping);
  const mapped = shippable.map((item, index) => mapItem(item, index, rate, opts, notes));
  const plans = mapped.map((m) => m.plan);
  const items = mapped.map((m) => m.line);

  const parcel = parcelFromCatalogue(plans, shippable);
  if (parcel) {
    notes.push({ code: 'PARCEL_FROM_CATALOGUE', severity: 'info', text: {
      es: `Un paquete de ${parcel.weight} kg y ${parcel.length}×${parcel.width}×${parcel.height} cm con el volumen de los artículos del catálogo.`,
      en: `One ${parcel.weight} kg parcel of ${parcel.length}×${parcel.width}×${parcel.height} cm holding the catalogue items' volume.`,
    } });
  }
  const region = rate.destination.province?.trim().toUpperCase();
  const postal = rate.destination.postal_code?.trim();
  const originPostal = rate.origin.postal_code?.trim();
  // Cities only reach carriers whose rating API needs them (DHL Express).
  const city = (a: { city?: string | null | undefined }) => (a.city?.trim() ? { city: a.city.trim().slice(0, 45) } : {});
  return {
    body: {
      origin: { country: rate.origin.country, ...(originPostal ? { postalCode: originPostal.slice(0, 20) } : {}), ...city(rate.origin) },
      destination: {
        country: rate.destination.country,
        ...city(rate.destination),
        // Shopify sends the province code ("ON"); a longer free-text province is not a tariff region, so it is left out.
        ...(region && region.length <= 10 ? { region } : {}),
        ...(postal ? { postalCode: postal.slice(0, 20) } : {}),
      },
      currency: rate.currency,
      incoterm: opts.incoterm,
      items,
      ...(parcel ? { parcels: [parcel] } : {}),
      ...(opts.carriers ? { carriers: opts.carriers } : {}),
      locale: opts.locale,
    },
    notes,
    shippableItems: shippable.length,
  };
}

const TENTH = new D('0.1');
const GRAM = new D('0.001');

/**
 * One parcel for the whole cart when every item has a catalogue size and a
 * weight: its volume is the sum of the units' volumes; its length the
 * longest side of any unit (or the cube root of the volume, if larger) so
 * the longest item fits; width = height = √(volume / length). Sides round
 * up to 0.1 cm, the weight up to 1 g. An estimate: real packing adds air.
 */
function parcelFromCatalogue(plans: ItemPlan[], items: ShopifyItem[]) {
  if (plans.length === 0 || plans.some((p) => !p.entry?.unitSize || !p.unitKg)) return undefined;
  const sides = plans.map((p) => {
    const s = p.entry!.unitSize!;
    return [toCm(s.length, s.unit), toCm(s.width, s.unit), toCm(s.height, s.unit)];
  });
  const volume = sum(sides.map((s, i) => s[0]!.times(s[1]!).times(s[2]!).times((items[i] as ShopifyItem).quantity)));
  const longest = Decimal.max(...sides.flat(), volume.cbrt());
  const cross = volume.div(longest).sqrt();
  const up = (d: Decimal, step: Decimal) => d.div(step).ceil().times(step).toNumber();
  const kg = sum(plans.map((p, i) => p.unitKg!.times((items[i] as ShopifyItem).quantity)));
  return { length: up(longest, TENTH), width: up(cross, TENTH), height: up(cross, TENTH), dimensionUnit: 'cm' as const, weight: up(kg, GRAM), weightUnit: 'kg' as const };
}
