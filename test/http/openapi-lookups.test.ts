import request from 'supertest';
import { countriesResponseSchema, currenciesResponseSchema, hsSearchResponseSchema } from '../../src/http/web-lookup-schemas';
import { testApp } from '../helpers/http-fixtures';

const app = testApp();

describe('/openapi.json documents the form\'s look-ups (issue 14 item 10)', () => {
  it.each([
    ['/hs/search', 'searchHsCodes', 'HsSearchResponse'],
    ['/countries', 'listCountries', 'CountriesResponse'],
    ['/currencies', 'listCurrencies', 'CurrenciesResponse'],
  ])('when the document is read, then %s is a public GET (%s) answering %s', async (path, operationId, schema) => {
    const doc = (await request(app).get('/openapi.json')).body;
    const get = doc.paths[path].get;
    expect(get.operationId).toBe(operationId);
    expect(get.security).toEqual([]);
    expect(get.responses['200'].content['application/json'].schema.$ref).toBe(`#/components/schemas/${schema}`);
    expect(doc.components.schemas[schema].type).toBe('object');
  });

  it('when the document is read, then /hs/search lists q as required and its 422', async () => {
    const get = (await request(app).get('/openapi.json')).body.paths['/hs/search'].get;
    expect(get.parameters.find((p: { name: string }) => p.name === 'q').required).toBe(true);
    expect(get.responses['422'].content['application/problem+json']).toBeDefined();
  });

  it('when every operation is listed, then each has a unique operationId', async () => {
    const doc = (await request(app).get('/openapi.json')).body;
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when the look-ups answer, then each answer matches its documented schema', async () => {
    const hs = await request(app).get('/hs/search').query({ q: 'taza de cerámica', locale: 'es' });
    expect(hsSearchResponseSchema.parse(hs.body).results.length).toBeGreaterThan(0);
    const countries = await request(app).get('/countries');
    expect(countriesResponseSchema.parse(countries.body).destinations.length).toBeGreaterThan(0);
    const currencies = await request(app).get('/currencies');
    expect(currenciesResponseSchema.parse(currencies.body).currencies).toContain('MXN');
  }, 30_000); // the first search builds the HS index
});

describe('POST /integrations/shopify/rates on a default start (no SHOPIFY_CATALOGUE)', () => {
  it.each([
    ['es', /SHOPIFY_CATALOGUE/],
    ['en', /SHOPIFY_CATALOGUE/],
  ])('when asked in %s, then 404 SHOPIFY_NOT_ENABLED says how to turn it on', async (lang, re) => {
    const res = await request(app).post('/integrations/shopify/rates').set('Accept-Language', lang).send({ rate: {} });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('SHOPIFY_NOT_ENABLED');
    expect(res.body.detail).toMatch(re);
    expect(res.body.detail).toMatch(lang === 'es' ? /se activa al definir/ : /is turned on by setting/);
  });
});

describe('GET /hs/search in Spanish: official descriptions (issue 14 item 6)', () => {
  it('when the code 2710 (petroleum oils) is searched in Spanish, then each line no curated product names is the English text with a note saying so, never a made-up translation', async () => {
    const res = await request(app).get('/hs/search').query({ q: '2710', locale: 'es' });
    const results = hsSearchResponseSchema.parse(res.body).results.filter((r) => r.source === 'hs2022');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r).toMatchObject({ source: 'hs2022', lang: 'en', officialLang: 'en', label: r.official });
      expect(r.note).toBe('Descripción oficial en inglés: no hay un nombre en español para este código.');
    }
    // In English no such note.
    const en = await request(app).get('/hs/search').query({ q: '2710', locale: 'en' });
    expect(hsSearchResponseSchema.parse(en.body).results.every((r) => r.note === undefined)).toBe(true);
  }, 30_000);
});
