import Decimal from 'decimal.js';
import { D, formatAmount, sum } from '../../domain/money';
import type { QuoteOption, QuoteResult } from '../../quote/quote-result';
import type { ShopifyRate } from './shopify-rate-schema';

/** Shopify counts every currency in hundredths, also those without minor units (1000 JPY is 100000): CarrierService docs. */
const SHOPIFY_SUBUNITS = 100;

/** Amount in major units → Shopify's integer subunits, as the string its example uses ("1295"). */
export function toShopifySubunits(amount: Decimal): string {
  return amount.times(SHOPIFY_SUBUNITS).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0);
}

/**
 * What the rate charges: everything payable at checkout except the goods
 * (Shopify charges them) and taxes the seller collects at the sale
 * (`collectedAt: "checkout"`, e.g. UK VAT up to GBP 135), which Shopify's
 * own tax settings charge on the order: adding them here would charge them
 * twice. With DDP that is shipping, insurance, duties, import taxes and
 * fees; with DAP shipping, insurance and the seller's fees.
 */
export function rateAmount(quote: QuoteResult, o: QuoteOption): Decimal {
  const checkoutTaxes = sum(o.taxes.lines.filter((t) => t.collectedAt === 'checkout').map((t) => new D(t.amount)));
  return new D(o.payableAtCheckout).minus(quote.goodsValue).minus(checkoutTaxes);
}

/** "+HHMM" offset of `timeZone` at that instant, from Intl's "GMT-05:00". */
function offsetAt(timeZone: string, at: Date): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? `${m[1]}${m[2]}${m[3]}` : '+0000';
}

/**
 * A delivery date as Shopify's "YYYY-MM-DD HH:MM:SS ±HHMM", at noon in the
 * destination's time zone: noon keeps the calendar day the same when
 * Shopify shows it in a zone up to 12 hours away.
 */
export function shopifyDate(isoDate: string, timeZone: string): string {
  const offset = offsetAt(timeZone, new Date(`${isoDate}T12:00:00Z`));
  return `${isoDate} 12:00:00 ${offset}`;
}

/** The import taxes by code in English ("HST 13%"); by name in Spanish, where codes such as VAT are English words. */
function taxLabel(o: QuoteOption, es: boolean): string {
  return [...new Set(o.taxes.lines.filter((t) => t.collectedAt === 'import').map((t) => `${es ? t.name : t.code} ${t.rate}%`))].join(', ');
}

function description(quote: QuoteResult, o: QuoteOption): string {
  const es = quote.locale === 'es';
  const ccy = quote.currency;
  const importTaxes = sum(o.taxes.lines.filter((t) => t.collectedAt === 'import').map((t) => new D(t.amount)));
  const checkoutTaxes = o.taxes.lines.filter((t) => t.collectedAt === 'checkout');
  const shipping = formatAmount(new D(o.shipping.amount).plus(o.insurance.amount), ccy);
  const label = taxLabel(o, es);
  const taxes = `${formatAmount(importTaxes, ccy)}${label ? ` (${label})` : ''}`;
  const fees = new D(o.fees.amount);
  let text: string;
  if (quote.incoterm === 'DDP') {
    text = es
      ? `Envío ${shipping} + aranceles ${o.duties.amount} + impuestos ${taxes}${fees.isZero() ? '' : ` + cargos ${o.fees.amount}`} ${ccy}: aranceles e impuestos pagados, nada que pagar al recibir.`
      : `Shipping ${shipping} + duties ${o.duties.amount} + taxes ${taxes}${fees.isZero() ? '' : ` + fees ${o.fees.amount}`} ${ccy}: duties and taxes paid, nothing to pay on delivery.`;
  } else {
    text = es
      ? `Solo envío. Al recibir se pagan unos ${o.payableOnDelivery} ${ccy} de aranceles, impuestos y cargos.`
      : `Shipping only. About ${o.payableOnDelivery} ${ccy} of duties, taxes and fees are paid on delivery.`;
  }
  if (checkoutTaxes.length > 0) {
    const names = checkoutTaxes.map((t) => `${es ? t.name : t.code} ${t.amount}`).join(', ');
    text += es ? ` ${names} ${ccy} se ${checkoutTaxes.length === 1 ? 'cobra' : 'cobran'} con los impuestos del pedido.` : ` ${names} ${ccy} is charged with the order's taxes.`;
  }
  return text;
}

function serviceName(quote: QuoteResult, o: QuoteOption): string {
  // Table service names often already carry the carrier ("DHL Express Worldwide", "Mexpost (Correos de México)").
  const name = o.serviceName.includes(o.carrierName) ? o.serviceName : `${o.carrierName} ${o.serviceName}`;
  if (quote.incoterm !== 'DDP') return name;
  return `${name} (${quote.locale === 'es' ? 'aranceles incluidos' : 'duties included'})`;
}

/**
 * One Shopify rate per quote option, cheapest first. `service_code` is
 * `<carrier>:<service>`: stable across requests, as Shopify requires (rates
 * sharing a code collapse into one); the quote id, which changes every time,
 * goes in a metafield.
 */
export function quoteToRates(quote: QuoteResult, destinationTimeZone: string): ShopifyRate[] {
  return quote.options.map((o) => ({
    service_name: serviceName(quote, o),
    service_code: `${o.carrier}:${o.service}`,
    total_price: toShopifySubunits(rateAmount(quote, o)),
    currency: quote.currency,
    description: description(quote, o),
    min_delivery_date: shopifyDate(o.estimatedDelivery.earliest, destinationTimeZone),
    max_delivery_date: shopifyDate(o.estimatedDelivery.latest, destinationTimeZone),
    metafields: [{ namespace: 'frontera', key: 'quote_id', value: quote.quoteId, type: 'single_line_text_field' }],
  }));
}
