import { ZERO, sum } from '../../domain/money';
import type { LocalizedText } from '../../schema/primitives';
import type { Refusal } from '../carrier-rater';
import type { Limits, MeasuredPiece } from './table-types';
import { quantityText } from './working-text';

/** The first limit the shipment breaks, with the limit and the value in the message. */
export function checkLimits(limits: Limits, pieces: readonly MeasuredPiece[], name: LocalizedText): Refusal | undefined {
  if (limits.maxPieces !== undefined && pieces.length > limits.maxPieces) {
    return {
      code: 'TOO_MANY_PIECES',
      reason: {
        es: `El envío tiene ${pieces.length} bultos; ${name.es} acepta como máximo ${limits.maxPieces} bultos por envío.`,
        en: `The shipment has ${pieces.length} pieces; ${name.en} takes at most ${limits.maxPieces} pieces per shipment.`,
      },
    };
  }
  const totalKg = sum(pieces.map((p) => p.actualKg));
  if (limits.maxShipmentKg !== undefined && totalKg.gt(limits.maxShipmentKg)) {
    return {
      code: 'OVER_SHIPMENT_WEIGHT',
      reason: {
        es: `El envío pesa ${quantityText(totalKg)} kg; ${name.es} acepta como máximo ${limits.maxShipmentKg} kg por envío.`,
        en: `The shipment weighs ${quantityText(totalKg)} kg; ${name.en} takes at most ${limits.maxShipmentKg} kg per shipment.`,
      },
    };
  }
  for (const piece of pieces) {
    const refusal = checkPieceLimits(limits, piece, name);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

/** Limits use the actual weight and the sides as the carrier rounds them. */
function checkPieceLimits(limits: Limits, p: MeasuredPiece, name: LocalizedText): Refusal | undefined {
  if (p.actualKg.gt(limits.maxPieceKg)) {
    return {
      code: 'OVER_PIECE_WEIGHT',
      reason: {
        es: `El bulto ${p.number} pesa ${quantityText(p.actualKg)} kg; ${name.es} acepta como máximo ${limits.maxPieceKg} kg por bulto.`,
        en: `Piece ${p.number} weighs ${quantityText(p.actualKg)} kg; ${name.en} takes at most ${limits.maxPieceKg} kg per piece.`,
      },
    };
  }
  const longest = p.sidesCm[0] ?? ZERO;
  if (limits.maxLengthCm !== undefined && longest.gt(limits.maxLengthCm)) {
    return {
      code: 'OVER_SIZE',
      reason: {
        es: `El bulto ${p.number} mide ${quantityText(longest)} cm de largo; ${name.es} acepta como máximo ${limits.maxLengthCm} cm en el lado más largo.`,
        en: `Piece ${p.number} is ${quantityText(longest)} cm long; ${name.en} takes at most ${limits.maxLengthCm} cm on the longest side.`,
      },
    };
  }
  // Largest box: longest side against the largest figure, and so on (Estafeta 150 × 115 × 115 cm).
  const maxBox = limits.maxSidesCm === undefined ? undefined : [...limits.maxSidesCm].sort((a, b) => b - a);
  if (maxBox !== undefined && maxBox.some((max, i) => (p.sidesCm[i] ?? ZERO).gt(max))) {
    const box = maxBox.join(' × ');
    const sides = p.sidesCm.map(quantityText).join(' × ');
    return {
      code: 'OVER_SIZE',
      reason: {
        es: `El bulto ${p.number} mide ${sides} cm; ${name.es} acepta como máximo ${box} cm.`,
        en: `Piece ${p.number} measures ${sides} cm; ${name.en} takes at most ${box} cm.`,
      },
    };
  }
  if (limits.maxLengthPlusGirthCm !== undefined && p.lengthPlusGirthCm.gt(limits.maxLengthPlusGirthCm)) {
    const [l = ZERO, w = ZERO, h = ZERO] = p.sidesCm;
    const size = `${quantityText(p.lengthPlusGirthCm)} cm (${quantityText(l)} + 2 × (${quantityText(w)} + ${quantityText(h)}))`;
    return {
      code: 'OVER_SIZE',
      reason: {
        es: `El bulto ${p.number} mide ${size} de largo más contorno; ${name.es} acepta como máximo ${limits.maxLengthPlusGirthCm} cm.`,
        en: `Piece ${p.number} measures ${size} in length plus girth; ${name.en} takes at most ${limits.maxLengthPlusGirthCm} cm.`,
      },
    };
  }
  return undefined;
}
