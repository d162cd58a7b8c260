import request from 'supertest';
import { startApp, type RunningApp } from '../web/browser-harness';

/**
 * Issue 14 item 6: a Spanish answer is Spanish in every sentence it builds,
 * on the bundled data (tariffs/CA.json, tariffs/unions/EU.json + DE.json,
 * tariffs/US.json, the carrier tables): workings from the phrase tables with
 * the same arithmetic as in English, and source titles in Spanish where the
 * file has one (`titleEs`), else the original marked "(en inglés)".
 */
let app: RunningApp;
beforeAll(async () => void (app = await startApp()), 60_000);
afterAll(async () => app?.close());

interface Line { rule: string; working: string; rate?: string; sourceId?: string; source?: string; name?: string }
interface Option { carrier: string; shipping: { lines: Line[] }; duties: { lines: Line[] }; taxes: { lines: Line[] }; fees: { lines: Line[] } }

async function quote(body: Record<string, unknown>): Promise<Option[]> {
  const res = await request(app.url).post('/quote').send({ origin: { country: 'MX', postalCode: '64000' }, ...body });
  expect(res.status).toBe(200);
  // Lines name their source by id; the title is in the answer's `sources` map (issue 17): resolved here as a reader would.
  const sources = res.body.sources as Record<string, { title: string }>;
  const options = res.body.options as Option[];
  for (const o of options) {
    for (const l of [...o.duties.lines, ...o.taxes.lines, ...o.fees.lines]) if (l.sourceId) l.source = sources[l.sourceId]!.title;
  }
  return options;
}

const shirtToToronto = (locale: string) => ({
  destination: { country: 'CA', region: 'ON', postalCode: 'M5V 2T6' }, locale, carriers: ['estafeta'],
  items: [{ description: 'Playera', hsCode: '6109.10', quantity: 2, unitPrice: { amount: '350', currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' } }],
});

describe('a Spanish answer (issue 14 item 6)', () => {
  it('when two T-shirts (700 MXN = 55.73 CAD) go to Ontario by Estafeta, then the de minimis duty line, the HST line, the base line and fuel read in Spanish with the English arithmetic', async () => {
    const [es] = await quote(shirtToToronto('es'));
    const [en] = await quote(shirtToToronto('en'));
    // CUSMA courier threshold CAD 150 (CA-1): no duty.
    expect(es!.duties.lines[0]!.working).toBe('envío 55.73 CAD ≤ 150 CAD (CA-CUSMA-COURIER-DUTY): sin arancel');
    expect(en!.duties.lines[0]!.working).toBe('consignment 55.73 CAD ≤ 150 CAD (CA-CUSMA-COURIER-DUTY): no duty');
    expect(es!.duties.lines[0]!.source).toBe('CBSA: envíos de bajo valor bajo el T-MEC (umbral de mensajería de CAD 150 para aranceles y CAD 40 para impuestos)');
    expect(en!.duties.lines[0]!.source).toBe('CBSA: CUSMA low-value shipments (courier de minimis CAD 150 duty / CAD 40 tax)');
    // HST 13 % × 55.73 (CA-3).
    expect(es!.taxes.lines[0]!.working).toBe('13% × 55.73 CAD (base: valor en aduana + aranceles + impuestos especiales)');
    expect(en!.taxes.lines[0]!.working).toBe('13% × 55.73 CAD (base: customsValue + duties + excise)');
    expect(es!.shipping.lines[0]!.working).toMatch(/^bulto 1: 0\.4 kg reales, 13×13×13 cm \/ 5000 = 0\.4394 kg volumétricos → 1 kg; zona norteamerica, 1 kg → etiqueta "1 kg" 690\.00 MXN → /);
    expect(es!.shipping.lines[1]!.working).toMatch(/^0% \(desde el 2026-01-01\) × \(690\.00\) = 0\.00 MXN → /);
  });

  it('when a 3,000 MXN handbag goes to Germany under the EU EUR 3 regime, then the regime line and the VAT source read in Spanish', async () => {
    const options = await quote({
      destination: { country: 'DE', postalCode: '10115' }, locale: 'es', incoterm: 'DDP', carriers: ['ups'],
      items: [{ description: 'Bolsa', hsCode: '4202.21', quantity: 1, unitPrice: { amount: '3000', currency: 'MXN' }, unitWeight: { value: 1, unit: 'kg' } }],
    });
    const regime = options[0]!.duties.lines[0]!;
    expect(regime.rule).toBe('regime:EU-LVC-3EUR');
    expect(regime.rate).toBe('3 EUR por categoría de artículo');
    expect(regime.working).toMatch(/^mercancía \d+\.\d\d EUR en el tramo 0–150: 3 EUR por HS 420221 \(artículo 0\)$/);
    expect(regime.source).toMatch(/^La UE suprime la franquicia/);
    // A source with no Spanish title: the original, marked as English.
    expect(options[0]!.taxes.lines[0]!.source).toMatch(/\(en inglés\)$/);
  });

  it('when tequila (2 × 750 ml, 38 %) goes to the US by UPS, then the excise line, its unit and the carrier fee read in Spanish', async () => {
    const options = await quote({
      destination: { country: 'US', postalCode: '78701' }, locale: 'es', carriers: ['ups'],
      items: [{ description: 'Tequila', hsCode: '2208.90', quantity: 2, unitPrice: { amount: '900', currency: 'MXN' }, unitWeight: { value: 1.4, unit: 'kg' }, unitVolume: { value: 750, unit: 'ml' }, alcoholByVolume: 38 }],
    });
    const fet = options[0]!.taxes.lines.find((l) => l.rule.startsWith('excise:'))!;
    // 1.5 l / 3.785411784 × 2 × 0.38 = 0.301156 proof gallons × USD 13.50 (TTB, 26 U.S.C. 5001).
    expect(fet.rate).toBe('13.5 USD/gal prueba');
    expect(fet.working).toBe('13.5 USD/gal prueba × 0.301156 gal prueba (1.5 l / 3.785411784 × 2 × 38%)');
    const fee = options[0]!.fees.lines.find((l) => l.rule.startsWith('carrier:'))!;
    expect(fee.working).toMatch(/^2% × [\d.]+ aranceles e impuestos = [\d.]+, mínimo 15\.00 USD$/);
    expect(options[0]!.duties.lines[0]!.source).toMatch(/^Arancel Armonizado de los Estados Unidos \(HTSUS\)/);
  });
});
