import type Decimal from 'decimal.js';
import { inForce } from '../../domain/dates';
import { D, ZERO, formatRate } from '../../domain/money';
import type { DutyDependentFee, ShipmentToRate } from '../carrier-rater';
import type { CarrierFile, CarrierService, Surcharge } from '../carrier-schema';
import type { Triggered } from './triggers';
import type { MeasuredPiece } from './table-types';
import { moneyText, quantityText } from './working-text';
import { w, type Wording } from '../../domain/wording';
import { C, PERCENT_OF } from './carrier-phrases';

export interface PricingContext {
  currency: string;
  shipment: ShipmentToRate;
  chargeableKg: Decimal;
  base: Decimal;
}

/** A surcharge figure in the table currency, with how it was converted. */
function inTableCurrency(value: Decimal, s: Surcharge, ctx: PricingContext): { value: Decimal; text: string } {
  if (s.currency === undefined || s.currency === ctx.currency) return { value, text: moneyText(value, ctx.currency) };
  const converted = new D(ctx.shipment.convert(value, s.currency, ctx.currency));
  return { value: converted, text: `${moneyText(converted, ctx.currency)} (${s.currency} ${moneyText(value, s.currency)})` };
}

function declaredValueInTableCurrency(ctx: PricingContext): Decimal {
  const { amount, currency } = ctx.shipment.declaredValue;
  return new D(currency === ctx.currency ? amount : ctx.shipment.convert(amount, currency, ctx.currency));
}

function percentBase(s: Surcharge, ctx: PricingContext, dutiesTaxes: Decimal | undefined): { value: Decimal; label: Wording } {
  if (s.percentOf === 'declaredValue') return { value: declaredValueInTableCurrency(ctx), label: PERCENT_OF.declaredValue };
  if (s.percentOf === 'dutiesTaxes') return { value: dutiesTaxes ?? ZERO, label: PERCENT_OF.dutiesTaxes };
  return { value: ctx.base, label: PERCENT_OF.base };
}

/** Amount before min/max: shipment once, piece per triggering piece, kg per chargeable kg, percent of its base. */
function rawSurcharge(s: Surcharge, pieceNumbers: number[], ctx: PricingContext, dutiesTaxes?: Decimal): { amount: Decimal; working: Wording } {
  const show = (a: Decimal) => moneyText(a, ctx.currency);
  switch (s.basis) {
    case 'shipment': {
      const flat = inTableCurrency(s.amount ?? ZERO, s, ctx);
      return { amount: flat.value, working: flat.text };
    }
    case 'piece': {
      const each = inTableCurrency(s.amount ?? ZERO, s, ctx);
      const amount = each.value.times(pieceNumbers.length);
      const which = C.pieces(String(pieceNumbers.length), pieceNumbers.join(', '));
      return { amount, working: w`${String(pieceNumbers.length)} × ${each.text} (${which}) = ${show(amount)}` };
    }
    case 'kg': {
      const perKg = inTableCurrency(s.perKg ?? ZERO, s, ctx);
      const amount = perKg.value.times(ctx.chargeableKg);
      return { amount, working: `${perKg.text}/kg × ${quantityText(ctx.chargeableKg)} kg = ${show(amount)}` };
    }
    case 'percent': {
      const rate = s.percent ?? ZERO;
      const of = percentBase(s, ctx, dutiesTaxes);
      const amount = rate.div(100).times(of.value);
      return { amount, working: w`${formatRate(rate)}% × ${show(of.value)} ${of.label} = ${show(amount)}` };
    }
  }
}

export function priceSurcharge(s: Surcharge, pieceNumbers: number[], ctx: PricingContext, dutiesTaxes?: Decimal): { amount: Decimal; working: Wording } {
  const raw = rawSurcharge(s, pieceNumbers, ctx, dutiesTaxes);
  const min = s.min === undefined ? undefined : inTableCurrency(s.min, s, ctx);
  const max = s.max === undefined ? undefined : inTableCurrency(s.max, s, ctx);
  if (min !== undefined && raw.amount.lt(min.value)) return { amount: min.value, working: w`${raw.working}${C.minimum(min.text)}` };
  if (max !== undefined && raw.amount.gt(max.value)) return { amount: max.value, working: w`${raw.working}${C.maximum(max.text)}` };
  return raw;
}

export function chargedPieceNumbers(t: Triggered, pieces: readonly MeasuredPiece[]): number[] {
  return pieces.filter((_, i) => t.pieces[i] === true).map((p) => p.number);
}

export function applicableSurcharges(table: CarrierFile, service: CarrierService, shipment: ShipmentToRate): Surcharge[] {
  return table.surcharges.filter(
    (s) =>
      inForce(s, shipment.shipDate) &&
      (s.services === undefined || s.services.includes(service.id)) &&
      (s.option !== 'insurance' || shipment.insure),
  );
}

export function dutyFee(s: Surcharge & { option: 'ddp' | 'dap' }, pieceNumbers: number[], ctx: PricingContext): DutyDependentFee {
  return {
    code: s.code,
    name: s.name,
    option: s.option,
    // Nothing advanced, nothing to charge for: the minimum applies only when duties or taxes are paid.
    price: (dutiesAndTaxes) =>
      dutiesAndTaxes.lte(0)
        ? { amount: ZERO, working: C.nothingToAdvance() }
        : priceSurcharge(s, pieceNumbers, ctx, new D(dutiesAndTaxes)),
  };
}

export function isDutyOption(s: Surcharge): s is Surcharge & { option: 'ddp' | 'dap' } {
  return s.option === 'ddp' || s.option === 'dap';
}
