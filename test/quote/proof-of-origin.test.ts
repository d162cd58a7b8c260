import { quoteParcel, type Parcel } from './destinations/destination-fixtures';
import { notesOf } from '../helpers/answer-notes';

/** The option's PROOF_OF_ORIGIN note for an agreement, in the answer's language. */
function proofNote(p: Parcel, agreement: string) {
  const q = quoteParcel(p);
  const n = notesOf(q, q.options[0]!).find((x) => x.code === `PROOF_OF_ORIGIN:${agreement}`);
  return n && { ...n, source: n.sourceId ? q.sources[n.sourceId]?.title : undefined };
}

const shirt = (price: string, qty = 1) => ({ hs: '610910', price, qty });

describe('PROOF_OF_ORIGIN names the proof of the agreement used', () => {
  it.each([
    // customs value USD 100 ≤ 2,500: no certification required (POO-USMCA); USD 3,000 > 2,500: required
    ['100', 1, 'info', 'is at or under 2500 USD: no proof is required'],
    ['100', 30, 'warning', 'Above 2500 USD of customs value (this consignment: 3000.00 USD) the proof is required'],
  ])('when USD %s × %i of T-shirts enter the US under USMCA, then a %s note with the waiver sentence', (price, qty, severity, sentence) => {
    const n = proofNote({ dest: 'US', currency: 'USD', shippingUsd: '20', items: [shirt(price, qty)] }, 'USMCA')!;
    expect(n.severity).toBe(severity);
    expect(n.text).toContain('nine minimum data elements of USMCA Annex 5-A');
    expect(n.text).toContain('Validity: 4 years from the date it was completed.');
    expect(n.text).toContain(sentence);
    expect(n.source).toContain('Opportimes');
  });

  it('when the answer is in Spanish, then the USMCA note is in Spanish', () => {
    const n = proofNote({ dest: 'US', currency: 'USD', shippingUsd: '20', items: [shirt('100')], locale: 'es' }, 'USMCA')!;
    expect(n.text).toContain('nueve datos mínimos del Anexo 5-A del T-MEC');
    expect(n.text).toContain('no pasa de 2500 USD: no se exige la prueba');
  });

  it('when ceramics enter Japan from Mexico, then the Mexico–Japan EPA proof: a Secretaría de Economía certificate or an approved exporter (POO-MX-JP)', () => {
    const n = proofNote({ dest: 'JP', currency: 'JPY', shippingUsd: '20', items: [{ hs: '691200', price: '200' }] }, 'MX-JP')!;
    expect(n.text).toContain('certificate of origin in English issued by the Secretaría de Economía');
    expect(n.text).toContain('self-certify under the CPTPP');
    expect(n.severity).toBe('warning');
  });

  it('when a T-shirt enters Australia under the CPTPP, then the Annex 3-B self-certification with the USD 1,000 waiver (POO-CPTPP)', () => {
    // goods USD 700 = AUD 1,050 (over the AUD 1,000 duty threshold, so duty is worked out and the preference claimed);
    // FOB customs value USD 700 ≤ 1,000: no certification required
    const n = proofNote({ dest: 'AU', currency: 'AUD', shippingUsd: '20', items: [shirt('700')] }, 'CPTPP')!;
    expect(n.text).toContain('minimum data of CPTPP Annex 3-B');
    expect(n.text).toContain('is at or under 1000 USD: no proof is required (the CPTPP floor; the importing country may set a higher amount)');
    expect(n.severity).toBe('info');
  });

  it('when a T-shirt enters Peru under the Mexico–Peru agreement, then the certificate issued by the authority, valid 12 months (POO-MX-PE)', () => {
    // USD 2,100 of goods: over the courier thresholds and simplified regime, so the preference is claimed
    const n = proofNote({ dest: 'PE', currency: 'USD', shippingUsd: '20', items: [shirt('300', 7)] }, 'MX-PE');
    expect(n?.text).toContain('issued at their request by the competent authority');
    expect(n?.text).toContain('Validity: 12 months from issue.');
  });

  it('when a T-shirt enters the UK under the UK–Mexico agreement, then EUR.1 or invoice declaration, the CPTPP caveat, marked unconfirmed (POO-UK-MX)', () => {
    const n = proofNote({ dest: 'GB', currency: 'GBP', shippingUsd: '15', items: [shirt('100', 3)] }, 'UK-MX')!;
    expect(n.text).toContain('EUR.1 movement certificate');
    expect(n.text).toContain('since 2026-06-22 UK–Mexico trade is claimed under the CPTPP');
    expect(n.text.endsWith('(Unconfirmed.)')).toBe(true);
  });

  it('when an agreement records no proof (US–Australia), then the note says so and names no other agreement\'s proof', () => {
    const n = proofNote({ dest: 'US', currency: 'USD', shippingUsd: '20', items: [{ ...shirt('100'), origin: 'AU' }] }, 'US-AU')!;
    expect(n.text).toContain('this file does not describe it');
    expect(n.text).not.toContain('USMCA');
  });
});
