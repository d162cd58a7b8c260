import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import pino from 'pino';
import { problemSchema } from '../../src/schema/quote-response-schema';
import { renderIndex, warmBundledHsSearch, WEB_DIR } from '../../src/http/web-routes';
import { testApp } from '../helpers/http-fixtures';

const strings = JSON.parse(readFileSync(join(WEB_DIR, 'i18n.json'), 'utf8')) as Record<'es' | 'en', Record<string, string>>;
const template = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
const scripts = readdirSync(WEB_DIR).filter((f) => f.endsWith('.js'));
const app = testApp();

describe('GET /: the form page', () => {
  it.each([
    ['es-MX,es;q=0.9', 'es', 'Cotizar'],
    ['en-GB,en;q=0.8', 'en', 'Get quote'],
    [undefined, 'en', 'Get quote'],
  ])('when Accept-Language is %s, then the page is in %s from the first paint', async (header, lang, button) => {
    const req = request(app).get('/');
    const res = header ? await req.set('Accept-Language', header) : await req;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers.vary).toMatch(/Accept-Language/);
    expect(res.text).toContain(`<html lang="${lang}" data-default-locale="${lang}">`);
    expect(res.text).toContain(`data-i18n="submit">${button}</button>`);
  });

  it('when ?lang=en is in the link, then it wins over Accept-Language', async () => {
    const res = await request(app).get('/?lang=en').set('Accept-Language', 'es');
    expect(res.text).toContain('<html lang="en"');
  });

  it('when the page is served, then a strict Content-Security-Policy allows only its own scripts', async () => {
    const res = await request(app).get('/');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('when the page source is read, then it has no inline script, no inline handler, no inline style and no external URL', () => {
    expect(template.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(template.match(/\son[a-z]+=/gi)).toBeNull();
    expect(template.match(/\sstyle=/gi)).toBeNull();
    for (const file of [template, ...scripts.map((f) => readFileSync(join(WEB_DIR, f), 'utf8'))]) {
      expect(file.match(/(src|href)="(https?:)?\/\//g)).toBeNull();
    }
  });

  it('when the page is asked again with its ETag, then the answer is 304 and must be revalidated', async () => {
    const first = await request(app).get('/app.js');
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await request(app).get('/app.js').set('If-None-Match', first.headers.etag as string);
    expect(again.status).toBe(304);
  });
});

describe('the form\'s files and strings', () => {
  it.each([
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/styles.css', 'text/css; charset=utf-8'],
    ['/i18n.json', 'application/json; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
  ])('when %s is asked for, then it comes with content type %s', async (path, type) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('when every module the page imports is asked for, then each one is served as JavaScript', async () => {
    const imported = new Set<string>(['app.js']);
    for (const f of scripts) {
      for (const m of readFileSync(join(WEB_DIR, f), 'utf8').matchAll(/from '\.\/([\w/-]+\.js)'/g)) imported.add(m[1]!);
    }
    expect(imported).toContain('vendor/currency.js');
    for (const name of imported) {
      const res = await request(app).get(`/${name}`);
      expect([name, res.status, res.headers['content-type']]).toEqual([name, 200, 'text/javascript; charset=utf-8']);
    }
  });

  it('when the two languages are compared, then they have the same keys and no empty string', () => {
    expect(Object.keys(strings.es).sort()).toEqual(Object.keys(strings.en).sort());
    expect(Object.entries({ ...strings.es, ...strings.en }).filter(([, v]) => v.trim() === '')).toEqual([]);
  });

  it('when every key the page and its scripts use is looked up, then both languages have it', () => {
    const used = new Set<string>();
    for (const m of template.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]!);
    for (const f of scripts) for (const m of readFileSync(join(WEB_DIR, f), 'utf8').matchAll(/\bt\('([\w.-]+)'/g)) used.add(m[1]!);
    // Keys built from the answer's values: every value the response schema allows.
    for (const v of ['applied', 'not-applied', 'none']) used.add(`deMinimis.${v}`);
    for (const v of ['checkout', 'import']) used.add(`details.collected.${v}`);
    for (const v of ['seller', 'buyer']) used.add(`details.payer.${v}`);
    const missing = [...used].filter((k) => !(k in strings.es) || !(k in strings.en));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });

  it('when the page is rendered in Spanish, then every marked text is the Spanish string', () => {
    const html = renderIndex(template, strings, 'es');
    for (const m of template.matchAll(/data-i18n="([^"]+)">/g)) {
      const escaped = strings.es[m[1]!]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(html).toContain(`data-i18n="${m[1]}">${escaped}<`);
    }
    expect(html).toContain('<option value="es" lang="es" selected>');
  });
});

describe('the HS search index', () => {
  it('when the server warms it at start, then it is built once, with every curated product and HS 2022 subheading, and kept', () => {
    const logs: { msg: string; curated: number; subheadings: number }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    const first = warmBundledHsSearch(logger);
    const again = warmBundledHsSearch(logger);
    expect(again).toBe(first);
    // 620 products in data/hs/curated-products.json; 5,613 level-6 rows in the CSV less Comtrade's 999999.
    expect(logs.filter((l) => l.msg === 'HS search index built').map((l) => [l.curated, l.subheadings])).toEqual([[620, 5612]]);
  });
});

describe('GET /hs/search', () => {
  it('when a Spanish product name is searched, then suggestions come with their code, label and language', async () => {
    const res = await request(app).get('/hs/search').query({ q: 'bolsa de piel', locale: 'es' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body.locale).toBe('es');
    expect(res.body.results[0]).toMatchObject({ code: '4202.21', hs6: '420221', label: 'Bolsa de piel', lang: 'es', source: 'curated' });
  });

  it('when a product whose code depends on the material is found, then its note comes in the language asked for', async () => {
    const es = await request(app).get('/hs/search').query({ q: 'taza de cerámica', locale: 'es' });
    expect(es.body.results[0]).toMatchObject({ code: '6912.00', label: 'Taza de cerámica', note: 'Loza, barro o gres (no porcelana) para mesa o cocina. Si es de porcelana: 6911.10.' });
    const en = await request(app).get('/hs/search').query({ q: 'ceramic mug', locale: 'en' });
    expect(en.body.results[0]).toMatchObject({ code: '6912.00', label: 'Ceramic mug', note: 'Earthenware or stoneware (not porcelain) for table or kitchen. Of porcelain: 6911.10.' });
  });

  it('when the currency.js module the form uses is asked for, then the pinned package file is served as JavaScript', async () => {
    const res = await request(app).get('/vendor/currency.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.text).toContain('currency.js - v2.0.4');
  });

  it('when no locale is given, then Accept-Language decides', async () => {
    const res = await request(app).get('/hs/search').query({ q: 'camiseta' }).set('Accept-Language', 'es-MX');
    expect(res.body.locale).toBe('es');
    expect(res.body.results[0].code).toBe('6109.10');
  });


  it('when a limit is given, then no more suggestions than that come back', async () => {
    const res = await request(app).get('/hs/search').query({ q: 'cotton', locale: 'en', limit: '3' });
    expect(res.body.results).toHaveLength(3);
  });

  it.each([
    ['no q', '', 'q', 'is required: a product name or the start of an HS code, such as "camiseta" or "6109"'],
    ['an empty q', 'q=%20%20', 'q', 'expected a product name or the start of an HS code, such as "camiseta" or "6109", got an empty text'],
    ['q twice', 'q=a&q=b', 'q', 'expected a single text value, got ["a","b"]'],
    ['a q of 101 characters', `q=${'a'.repeat(101)}`, 'q', 'expected at most 100 characters, got 101'],
    ['locale fr', 'q=cafe&locale=fr', 'locale', 'expected "es" or "en", got "fr"'],
    ['limit 0', 'q=cafe&limit=0', 'limit', 'expected a number from 1 to 20, got 0'],
    ['limit 21', 'q=cafe&limit=21', 'limit', 'expected a number from 1 to 20, got 21'],
    ['limit ten', 'q=cafe&limit=ten', 'limit', 'expected a number from 1 to 20, got "ten"'],
  ])('when the query has %s, then the answer is 422 problem+json naming the parameter', async (_what, query, path, message) => {
    const res = await request(app).get(`/hs/search?${query}`);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = problemSchema.parse(JSON.parse(res.text));
    expect(body.code).toBe('INVALID_QUERY');
    expect(body.errors).toEqual([{ path, message }]);
  });
});

describe('GET /hs/search errors in Spanish (issue 14.6)', () => {
  it.each([
    ['no q, Accept-Language es', '', { 'Accept-Language': 'es-MX' }, 'q', 'es obligatorio: el nombre de un producto o el inicio de un código SA, como "camiseta" o "6109"'],
    ['limit 21 with locale=es', 'q=cafe&limit=21&locale=es', {}, 'limit', 'se esperaba un número de 1 a 20, se recibió 21'],
  ])('when the query has %s, then the 422 sentence is Spanish', async (_what, query, headers, path, message) => {
    const res = await request(app).get(`/hs/search?${query}`).set(headers);
    expect(res.status).toBe(422);
    const body = problemSchema.parse(JSON.parse(res.text));
    expect(body.title).toBe('Consulta no válida');
    expect(body.errors).toEqual([{ path, message }]);
  });
});

describe('GET /countries and GET /currencies', () => {
  it('when the countries are asked for, then every ISO code comes, and the destinations with a tariff file with their regions', async () => {
    const res = await request(app).get('/countries');
    expect(res.status).toBe(200);
    expect(res.body.countries).toEqual(expect.arrayContaining(['MX', 'US', 'CA', 'DE']));
    expect(res.body.countries.length).toBeGreaterThanOrEqual(249);
    // the test snapshot: US without regions, CA with Ontario and British Columbia
    expect(res.body.destinations).toEqual([
      { country: 'CA', currency: 'CAD', regions: [{ code: 'ON', name: { es: 'Ontario', en: 'Ontario' } }, { code: 'BC', name: { es: 'Columbia Británica', en: 'British Columbia' } }] },
      { country: 'US', currency: 'USD', regions: [] },
    ]);
  });

  it('when the currencies are asked for, then the rate table\'s base and quoted currencies come, sorted', async () => {
    const res = await request(app).get('/currencies');
    expect(res.status).toBe(200);
    expect(res.body.currencies).toEqual([...res.body.currencies].sort());
    expect(res.body.currencies).toEqual(expect.arrayContaining(['MXN', 'USD', 'CAD']));
  });
});
