import request from 'supertest';
import { exampleBody, expectProblem, testApp } from '../helpers/http-fixtures';

const app = testApp();

/** The example body with its first item changed, in `locale`. */
function withItem(locale: 'es' | 'en', item: Record<string, unknown>) {
  const body = exampleBody();
  const items = body.items as Record<string, unknown>[];
  return { ...body, locale, items: [{ ...items[0], ...item }] };
}

describe('POST /quote field errors in the request\'s language (issue 14 items 6, 9)', () => {
  it.each([
    ['es', 'no es un código SA: escriba el nombre del producto en el buscador, o de 6 a 10 dígitos, p. ej. "6109.10"'],
    ['en', 'is not an HS code: type the product name in the search box, or 6 to 10 digits such as "6109.10"'],
  ] as const)('when the HS code is a product name ("tazadecerámica") in %s, then the message says it is not a code and does not echo it', async (locale, message) => {
    const res = await request(app).post('/quote').send(withItem(locale, { hsCode: 'tazadecerámica' }));
    const body = expectProblem(res, 422, 'INVALID_REQUEST', 'items.0.hsCode');
    expect(body.errors![0]!.message).toBe(message);
    expect(res.text).not.toContain('tazadecer');
  });

  it('when the HS code is digits of the wrong length, then they are quoted back (es and en)', async () => {
    const es = await request(app).post('/quote').send(withItem('es', { hsCode: '61' }));
    expect(es.body.errors[0].message).toBe('se esperaba un código SA de 6 a 10 dígitos (se admiten puntos y espacios), p. ej. "6109.10"; llegó "61"');
    const en = await request(app).post('/quote').send(withItem('en', { hsCode: '61' }));
    expect(en.body.errors[0].message).toBe('expected an HS code of 6 to 10 digits (dots and spaces allowed) such as "6109.10", got "61"');
  });

  it('when the quantity is 0 in Spanish, then the schema\'s own message comes in Spanish', async () => {
    const res = await request(app).post('/quote').send(withItem('es', { quantity: 0 }));
    expectProblem(res, 422, 'INVALID_REQUEST', 'items.0.quantity');
    expect(res.body.errors[0].message).toBe('se esperaba una cantidad de al menos 1; llegó 0');
    expect(res.body.title).toBe('Solicitud no válida');
  });

  it('when a field with no message of its own is wrong in Spanish (incoterm "FOB"), then zod\'s Spanish message is used', async () => {
    const res = await request(app).post('/quote').send({ ...exampleBody(), incoterm: 'FOB' });
    expectProblem(res, 422, 'INVALID_REQUEST', 'incoterm');
    expect(res.body.errors[0].message).toBe('Opción inválida: se esperaba una de "DDP"|"DAP"');
  });

  it('when a required field is missing in Spanish, then it says "es obligatorio"', async () => {
    const body: Record<string, unknown> = exampleBody();
    delete body.origin;
    const res = await request(app).post('/quote').send(body);
    expectProblem(res, 422, 'INVALID_REQUEST', 'origin');
    expect(res.body.errors[0].message).toBe('es obligatorio (se esperaba objeto, recibido indefinido)');
  });

  it('when many fields are wrong in Spanish, then no message holds the English words "expected" or "got"', async () => {
    const res = await request(app).post('/quote').send({
      ...withItem('es', { hsCode: 12, quantity: 1.5, unitPrice: { amount: 3, currency: 'XXY' }, unitWeight: { value: -1, unit: 'kg' }, alcoholByVolume: 101 }),
      destination: { country: 'ZZ' }, shipDate: '2026-02-30', parcels: [{ length: 'a', width: 0, height: 1e7, dimensionUnit: 'm', weight: 1, weightUnit: 'kg' }],
      carriers: 'dhl', minConfidence: 1, insure: 'yes',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.length).toBeGreaterThanOrEqual(12);
    for (const e of res.body.errors as { message: string }[]) expect(e.message).not.toMatch(/\b(expected|got|Invalid|required)\b/);
  });

  it('when the body has no valid locale, then Accept-Language decides the language of the field errors', async () => {
    const res = await request(app).post('/quote').set('Accept-Language', 'en').send({ ...withItem('en', { quantity: 0 }), locale: 'fr' });
    expect(res.body.errors.map((e: { message: string }) => e.message)).toContain('expected a quantity of at least 1, got 0');
  });
});

describe('UNSUPPORTED_DESTINATION names countries (issue 14 item 9)', () => {
  it.each([
    ['es', 'No hay archivo arancelario para Taiwán (TW); destinos disponibles: Canadá (CA), Estados Unidos (US)'],
    ['en', 'There is no tariff file for Taiwan (TW); supported destinations: Canada (CA), United States (US)'],
  ] as const)('when the destination is TW in %s, then the countries are named with their codes', async (locale, message) => {
    const res = await request(app).post('/quote').send({ ...exampleBody(), locale, destination: { country: 'TW' } });
    const body = expectProblem(res, 422, 'UNSUPPORTED_DESTINATION', 'destination.country');
    expect(body.errors![0]!.message).toBe(message);
  });
});
