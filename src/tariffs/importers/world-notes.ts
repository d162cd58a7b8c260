import type { LocalizedText } from '../../schema/primitives';
import type { NoteJson } from './schedule';
import type { DeMinimisNote } from './world-tables';

/** Codes of the notes `npm run import:world` writes (tariffs/README.md, "Generated files"). */
export const WORLD_NOTE_CODES = {
  estimate: 'WORLD-ESTIMATE',
  noThreshold: 'WORLD-NO-THRESHOLD',
  deMinimis: 'WORLD-DE-MINIMIS',
} as const;

export interface EstimateFacts {
  name: LocalizedText;
  /** World Bank simple mean, as written in the file, and its year. */
  dutyPercent: string;
  dutyYear: string;
  /** The VAT/GST of the file; undefined where the table says the country has none. */
  tax?: { short: LocalizedText; rate: string; doubted: boolean };
}

const WB_ATTRIBUTION: LocalizedText = {
  es: 'Arancel promedio: Banco Mundial, Indicadores del Desarrollo Mundial, TM.TAX.MRCH.SM.AR.ZS (WITS/TRAINS, OMC IDB), CC BY 4.0.',
  en: 'Average tariff: World Bank, World Development Indicators, TM.TAX.MRCH.SM.AR.ZS (WITS/TRAINS, WTO IDB), CC BY 4.0.',
};

function taxSentence(f: EstimateFacts): LocalizedText {
  if (f.tax === undefined) {
    return {
      es: 'La tabla de referencia indica que no hay IVA ni GST a la importación: no se cobra ningún impuesto.',
      en: 'The reference table says there is no VAT or GST on imports: no tax is charged.',
    };
  }
  const doubt: LocalizedText = f.tax.doubted
    ? { es: ' La tabla de referencia anota dudas sobre esta tasa (vea la fuente).', en: ' The reference table notes doubts about this rate (see the source).' }
    : { es: '', en: '' };
  return {
    es: `El ${f.tax.short.es} del ${f.tax.rate} % se cobra sobre el valor en aduana más el arancel (base supuesta: CIF + arancel).${doubt.es}`,
    en: `The ${f.tax.short.en} of ${f.tax.rate}% is charged on the customs value plus duty (base assumed: CIF + duty).${doubt.en}`,
  };
}

/** What is estimated in a generated file, in both languages, with the World Bank attribution. */
export function estimateNote(f: EstimateFacts): NoteJson {
  const tax = taxSentence(f);
  return {
    code: WORLD_NOTE_CODES.estimate,
    severity: 'warning',
    text: {
      es:
        `Estimación básica para ${f.name.es}, generada de tablas de referencia (npm run import:world), sin investigación propia. ` +
        `El arancel es el promedio aplicado del Banco Mundial (${f.dutyPercent} %, media simple de todos los productos, ${f.dutyYear}), usado para todo producto: la tasa real de su código HS puede ser mayor o menor, y no se aplican tratados comerciales (la mercancía originaria de México puede pagar menos). ` +
        `${tax.es} Valor en aduana supuesto: CIF. No se incluyen impuestos especiales, otros impuestos a la importación ni tasas aduaneras. ${WB_ATTRIBUTION.es}`,
      en:
        `Basic estimate for ${f.name.en}, generated from reference tables (npm run import:world), not researched. ` +
        `The duty is the World Bank average applied tariff (${f.dutyPercent}%, simple mean of all products, ${f.dutyYear}), used for every product: the real rate for your HS code may be higher or lower, and trade agreements are not applied (goods originating in Mexico may pay less). ` +
        `${tax.en} Customs value assumed: CIF. Excise, other import taxes and customs fees are not included. ${WB_ATTRIBUTION.en}`,
    },
    source: 'WB-TARIFF',
  };
}

/** No verified de minimis row: never a guess, duties and taxes are assumed due. */
export function noThresholdNote(name: LocalizedText): NoteJson {
  return {
    code: WORLD_NOTE_CODES.noThreshold,
    severity: 'warning',
    text: {
      es: `No se conoce umbral de minimis para ${name.es}: se suponen aranceles e impuestos en todo paquete.`,
      en: `No de minimis threshold known for ${name.en}: duties and taxes assumed due on every parcel.`,
    },
    source: 'WORLD-DE-MINIMIS',
  };
}

/** A verified row: its wording, then what this estimate applies and leaves out. */
export function deMinimisNote(wording: DeMinimisNote, applied: readonly LocalizedText[]): NoteJson {
  const es = applied.map((s) => s.es).join('; ');
  const en = applied.map((s) => s.en).join('; ');
  return {
    code: WORLD_NOTE_CODES.deMinimis,
    severity: wording.severity,
    text: { es: `${wording.es} En esta estimación: ${es}.`, en: `${wording.en} In this estimate: ${en}.` },
    source: 'WORLD-DE-MINIMIS',
  };
}
