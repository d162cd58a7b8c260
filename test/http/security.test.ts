import request from 'supertest';
import { exampleBody, testApp } from '../helpers/http-fixtures';

describe('security headers and leaks', () => {
  it('when any route answers, then helmet security headers are set and X-Powered-By is not', async () => {
    for (const res of [await request(testApp()).get('/healthz'), await request(testApp()).post('/quote').send(exampleBody())]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('when the engine fails unexpectedly, then the 500 answer has no stack trace nor internal path', async () => {
    const app = testApp({
      // Validation and the data checks succeed; the engine then throws, as a bug inside it would.
      newId: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x') at /srv/frontera/src/quote/build-quote.ts:42");
      },
    });
    const res = await request(app).post('/quote').send(exampleBody());
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.text).not.toMatch(/TypeError|\/srv\/|build-quote|at .*:\d+/);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'INTERNAL', status: 500 });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('when a body nests "%s" keys in every object, then nothing is polluted and the answer is normal', async (key) => {
    const body = exampleBody() as Record<string, unknown>;
    const withKey = (o: Record<string, unknown>) => JSON.stringify(o).replace(/^\{/, `{"${key}": {"polluted": true, "toString": 1},`);
    const text = withKey({ ...body, origin: JSON.parse(withKey(body.origin as Record<string, unknown>)) });
    const res = await request(testApp()).post('/quote').set('Content-Type', 'application/json').send(text);
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString).toBe(Object.prototype.toString);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });
});
