import type Decimal from 'decimal.js';
import { formatAmount } from '../domain/money';
import type { Note } from '../domain/note';
import type { LocalizedText } from '../schema/primitives';
import type { ProofOfOrigin } from '../tariffs/proof-schema';
import type { LoadedTariff } from '../tariffs/tariff-index';
import { UNCONFIRMED_SUFFIX } from './export-notes';

const WITHOUT = {
  es: 'Sin ella se cobra la tasa general: use claimPreference=false para verla.',
  en: 'Without it the general rate applies: use claimPreference=false to see it.',
};

/** Whether this consignment is under the agreement's low-value waiver, in words. */
function waiverText(proof: ProofOfOrigin, customsValueIn: (currency: string) => Decimal): { text: LocalizedText; waived: boolean } | undefined {
  const w = proof.waiver;
  if (!w) return undefined;
  const value = `${formatAmount(customsValueIn(w.currency), w.currency)} ${w.currency}`;
  const limit = `${w.upTo.toString()} ${w.currency}`;
  const waived = customsValueIn(w.currency).lte(w.upTo);
  const extra = w.text ? { es: ` (${w.text.es})`, en: ` (${w.text.en})` } : { es: '', en: '' };
  return waived
    ? { waived, text: { es: `Este envío (valor en aduana ${value}) no pasa de ${limit}: no se exige la prueba${extra.es}, pero la mercancía debe ser originaria.`, en: `This consignment (customs value ${value}) is at or under ${limit}: no proof is required${extra.en}, but the goods must originate.` } }
    : { waived, text: { es: `Por encima de ${limit} de valor en aduana (este envío: ${value}) la prueba es obligatoria${extra.es}.`, en: `Above ${limit} of customs value (this consignment: ${value}) the proof is required${extra.en}.` } };
}

/**
 * One PROOF_OF_ORIGIN note per agreement whose preference was used: the proof that agreement
 * requires (who makes it out, validity, the low-value waiver), from its `proof` in the tariff
 * file; a file that records none gets a note that says so rather than another agreement's proof.
 */
export function proofOfOriginNotes(tariff: LoadedTariff, preferences: readonly (string | undefined)[], customsValueIn: (currency: string) => Decimal): Note[] {
  const notes: Note[] = [];
  for (const id of new Set(preferences.filter((p): p is string => p !== undefined))) {
    const agreement = tariff.file.agreements[id];
    const proof = agreement?.proof;
    const name = agreement ? { es: `${id} (${agreement.name.es})`, en: `${id} (${agreement.name.en})` } : { es: id, en: id };
    if (!proof) {
      notes.push({
        code: `PROOF_OF_ORIGIN:${id}`,
        severity: 'warning',
        text: {
          es: `La tasa preferencial ${name.es} exige que la mercancía sea originaria y la prueba de origen que pide ese acuerdo (este archivo no la describe; consulte sus reglas de origen). ${WITHOUT.es}`,
          en: `The ${name.en} preferential rate requires originating goods and the proof of origin that agreement asks for (this file does not describe it; see its rules of origin). ${WITHOUT.en}`,
        },
        ...(agreement ? { sourceKey: agreement.source } : {}),
      });
      continue;
    }
    const waiver = waiverText(proof, customsValueIn);
    const validity = proof.validity ? { es: ` Vigencia: ${proof.validity.es}.`, en: ` Validity: ${proof.validity.en}.` } : { es: '', en: '' };
    const unconfirmed = proof.confidence === 'unconfirmed' ? UNCONFIRMED_SUFFIX : { es: '', en: '' };
    notes.push({
      code: `PROOF_OF_ORIGIN:${id}`,
      severity: waiver?.waived ? 'info' : 'warning',
      text: {
        es: `La tasa preferencial ${name.es} exige mercancía originaria y su prueba de origen: ${proof.text.es}${validity.es}${waiver ? ` ${waiver.text.es}` : ''} ${WITHOUT.es}${unconfirmed.es}`,
        en: `The ${name.en} preferential rate requires originating goods and its proof of origin: ${proof.text.en}${validity.en}${waiver ? ` ${waiver.text.en}` : ''} ${WITHOUT.en}${unconfirmed.en}`,
      },
      sourceKey: proof.source,
    });
  }
  return notes;
}
