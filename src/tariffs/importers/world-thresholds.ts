import type { z } from 'zod';
import type { LocalizedText } from '../../schema/primitives';
import type { thresholdSchema, ValueBasis } from '../tariff-schema';
import type { DeMinimisRow } from './world-tables';

export type ThresholdJson = z.input<typeof thresholdSchema>;

/** What a verified row's threshold is measured on, read from its free-text basis. */
type RowBasis = { kind: 'value'; basis: ValueBasis | 'cif' } | { kind: 'amount' } | { kind: 'unstated' };

/**
 * The basis texts of de-minimis-verified.csv. "AMOUNT" rows (CH, CN) are thresholds on the duty or
 * tax due, not on a value; a text not listed here stops the command rather than being guessed.
 */
export function rowBasis(text: string): RowBasis | undefined {
  const t = text.trim();
  if (t === '') return { kind: 'unstated' };
  if (/AMOUNT/.test(t)) return { kind: 'amount' };
  if (/^CIF\b/.test(t)) return { kind: 'value', basis: 'cif' };
  if (/^(goods \+ (US domestic )?freight|incl\. shipping)/.test(t)) return { kind: 'value', basis: 'goodsPlusShipping' };
  if (/^(customs value|value for duty$)/.test(t)) return { kind: 'value', basis: 'customsValue' };
  if (/^(FOB|goods value|invoice value|transaction value|intrinsic value|item value|value for duty \(goods)/.test(t)) return { kind: 'value', basis: 'goods' };
  return undefined;
}

export interface ThresholdPlan {
  duty: ThresholdJson[];
  tax: ThresholdJson[];
  /** What the estimate applies and leaves out, one clause per side (no final stop). */
  sentences: LocalizedText[];
}

interface SideInput {
  side: 'duty' | 'tax';
  amount: string;
  currency: string;
  basisText: string;
}

const SIDE: Record<SideInput['side'], LocalizedText> = {
  duty: { es: 'arancel', en: 'duty' },
  tax: { es: 'impuesto', en: 'tax' },
};
const BASIS_TEXT: Record<ValueBasis, LocalizedText> = {
  goods: { es: 'valor de la mercancía', en: 'value of the goods' },
  goodsPlusShipping: { es: 'mercancía más envío', en: 'goods plus shipping' },
  customsValue: { es: 'valor en aduana', en: 'customs value' },
};

/** "1000000" → "1,000,000" (the project's texts group thousands with commas in both languages). */
export function groupThousands(amount: string): string {
  const [whole = '', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * One side (duty or tax) of a verified row. A zero threshold is "no threshold" (due on every
 * parcel). A threshold on the amount due cannot be expressed as a value threshold, and one in a
 * currency the bundled rates lack cannot be converted: both are left out (the duty or tax is then
 * charged, the safe side for the buyer) and the sentence says so.
 */
function planSide(cc: string, row: DeMinimisRow, input: SideInput, isQuoted: (currency: string) => boolean): { threshold?: ThresholdJson; sentence: LocalizedText } {
  const what = SIDE[input.side];
  if (input.amount === '' || Number(input.amount) === 0) {
    return { sentence: { es: `${what.es}: sin umbral (se cobra en todo paquete)`, en: `${what.en}: no threshold (due on every parcel)` } };
  }
  const limit = `${input.currency} ${groupThousands(input.amount)}`;
  const basis = rowBasis(input.basisText);
  if (basis === undefined || basis.kind === 'unstated') throw new Error(`de-minimis-verified.csv, row ${cc}: the ${input.side} basis "${input.basisText}" is not understood; add it to rowBasis or fix the row`);
  if (basis.kind === 'amount') {
    return {
      sentence: {
        es: `${what.es}: el umbral de ${limit} es un importe de arancel o impuesto a pagar, no un valor; esta estimación no puede modelarlo y lo cobra en todo paquete`,
        en: `${what.en}: the ${limit} threshold is an amount of duty or tax due, not a value; this estimate cannot model it and charges it on every parcel`,
      },
    };
  }
  if (!isQuoted(input.currency)) {
    return {
      sentence: {
        es: `${what.es}: el umbral de ${limit} no se aplica porque los tipos de cambio incluidos no tienen ${input.currency}; se cobra en todo paquete`,
        en: `${what.en}: the ${limit} threshold is not applied because the bundled exchange rates have no ${input.currency}; it is charged on every parcel`,
      },
    };
  }
  // Generated files value imports CIF, so a CIF threshold is measured on the customs value.
  const valueBasis: ValueBasis = basis.basis === 'cif' ? 'customsValue' : basis.basis;
  return {
    threshold: {
      id: `${cc}-${input.side.toUpperCase()}-DE-MINIMIS`,
      amount: input.amount,
      currency: input.currency,
      basis: valueBasis,
      source: 'WORLD-DE-MINIMIS',
      confidence: row.confidence === 'high' ? 'secondary' : 'unconfirmed',
    },
    sentence: {
      es: `${what.es}: no se cobra hasta ${limit} (${BASIS_TEXT[valueBasis].es})`,
      en: `${what.en}: not charged up to ${limit} (${BASIS_TEXT[valueBasis].en})`,
    },
  };
}

/** The duty and tax thresholds a verified row gives a generated file, and what it leaves out. */
export function planThresholds(cc: string, row: DeMinimisRow, isQuoted: (currency: string) => boolean): ThresholdPlan {
  const duty = planSide(cc, row, { side: 'duty', amount: row.duty_threshold, currency: row.duty_currency, basisText: row.duty_basis }, isQuoted);
  const tax = planSide(cc, row, { side: 'tax', amount: row.tax_threshold, currency: row.tax_currency, basisText: row.tax_basis }, isQuoted);
  return {
    duty: duty.threshold ? [duty.threshold] : [],
    tax: tax.threshold ? [tax.threshold] : [],
    sentences: [duty.sentence, tax.sentence],
  };
}
