import type Decimal from 'decimal.js';
import type { ValueBasis } from '../tariffs/tariff-schema';
import { allocate, sum } from './money';

export interface ItemValues {
  goods: Decimal;
  shipping: Decimal;
  insurance: Decimal;
  /** What duty is charged on: goods (FOB) or goods + shipping + insurance (CIF). */
  customsValue: Decimal;
}

/** The consignment's values in the computing currency, full precision. */
export interface ConsignmentValues {
  currency: string;
  basis: 'FOB' | 'CIF';
  goods: Decimal;
  shipping: Decimal;
  insurance: Decimal;
  customsValue: Decimal;
  items: ItemValues[];
}

/**
 * Customs value per item. Shipping and insurance (already rounded lines in
 * `currency`) are spread over the items by goods value with remainder-exact
 * allocation, so the item shares add up to the totals to the cent.
 * CIF adds them to the customs value; FOB leaves them out (landed-cost step 4).
 */
export function valueConsignment(
  itemGoods: readonly Decimal[],
  shipping: Decimal,
  insurance: Decimal,
  basis: 'FOB' | 'CIF',
  currency: string,
): ConsignmentValues {
  let shares: { shipping: Decimal[]; insurance: Decimal[] } | undefined;
  const read = { shipping: basis === 'CIF' };
  const share = () => {
    read.shipping = true;
    return (shares ??= { shipping: allocate(shipping, itemGoods, currency), insurance: allocate(insurance, itemGoods, currency) });
  };
  const items: ItemValues[] = itemGoods.map((goods, i) => {
    if (basis === 'CIF') {
      const s = share().shipping[i] as Decimal;
      const ins = share().insurance[i] as Decimal;
      return { goods, shipping: s, insurance: ins, customsValue: goods.plus(s).plus(ins) };
    }
    // FOB: the shares are only read by a tax or threshold measured with shipping, so they are
    // worked out on first use (issue 17: one split per option of a 1,000-item cart was a fifth of its time).
    return {
      goods,
      customsValue: goods,
      get shipping() {
        return share().shipping[i] as Decimal;
      },
      get insurance() {
        return share().insurance[i] as Decimal;
      },
    };
  });
  const values: ConsignmentValues = {
    currency,
    basis,
    goods: sum(itemGoods),
    get shipping() {
      read.shipping = true;
      return shipping;
    },
    get insurance() {
      read.shipping = true;
      return insurance;
    },
    customsValue: sum(items.map((i) => i.customsValue)),
    items,
  };
  SHIPPING_READ.set(values, read);
  return values;
}

const SHIPPING_READ = new WeakMap<ConsignmentValues, { shipping: boolean }>();

/**
 * Whether anything so far read the consignment's shipping or insurance (a CIF customs value, a
 * tax base or threshold measured with shipping). When nothing did, every figure worked out from
 * these values is the same for any other shipping price: carrier options may share them (issue 17).
 * Values not made by `valueConsignment` count as read.
 */
export function shippingWasRead(values: ConsignmentValues): boolean {
  return SHIPPING_READ.get(values)?.shipping ?? true;
}

/** The consignment value a threshold or regime band is measured on. */
export function valueOnBasis(v: ConsignmentValues, basis: ValueBasis, itemIndexes?: readonly number[]): Decimal {
  const items = itemIndexes ? itemIndexes.map((i) => v.items[i] as ItemValues) : v.items;
  switch (basis) {
    case 'goods':
      return sum(items.map((i) => i.goods));
    case 'goodsPlusShipping':
      return sum(items.map((i) => i.goods.plus(i.shipping).plus(i.insurance)));
    case 'customsValue':
      return sum(items.map((i) => i.customsValue));
  }
}
