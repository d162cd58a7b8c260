import type Decimal from 'decimal.js';
import type { NormalisedParcel } from '../carriers/carrier-rater';

export type Locale = 'es' | 'en';
export type Incoterm = 'DDP' | 'DAP';

/** One item line after validation: HS code as digits, money as Decimal, units as kg/litres. */
export interface QuoteItem {
  index: number;
  description: string;
  hs: string;
  originCountry: string;
  claimPreference: boolean;
  quantity: Decimal;
  unitPrice: Decimal;
  priceCurrency: string;
  unitKg?: Decimal;
  unitLitres?: Decimal;
  /** Alcoholic strength, % vol (excise, duties per proof litre). */
  abv?: Decimal;
}

/** A validated, normalised quote request: what the pure engine works on. */
export interface QuoteInput {
  origin: { country: string; postalCode?: string; city?: string };
  destination: { country: string; region?: string; postalCode?: string; city?: string };
  currency: string;
  incoterm: Incoterm;
  shipDate: string;
  items: QuoteItem[];
  parcels: NormalisedParcel[];
  /** True when the caller sent no parcels and the service packed one. */
  parcelsPacked: boolean;
  carriers?: string[];
  insure: boolean;
  /** Who receives the goods (request `buyer`, default consumer). */
  buyer: 'consumer' | 'business';
  locale: Locale;
}
