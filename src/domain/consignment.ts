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
  const share = () => (shares ??= { shipping: allocate(shipping, itemGoods, currency), insurance: allocate(insurance, itemGoods, currency) });
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
  return {
    currency,
    basis,
    goods: sum(itemGoods),
    shipping,
    insurance,
    customsValue: sum(items.map((i) => i.customsValue)),
    items,
  };
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
