import { createHash } from 'node:crypto';
import request from 'supertest';
import type { AccessConfig } from '../../src/http/access/access-config';
import { exampleBody, expectProblem, testApp } from '../helpers/http-fixtures';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** An illustrative key for the tests only. */
const KEY = 'fk_test_backend_0123456789';
const ACCESS: AccessConfig = { keys: [{ name: 'backend', sha256: sha(KEY) }], ratePerMinute: 120, corsOrigins: [], failedKeyAttemptsPerMinute: 3 };

describe('requests without a valid key are limited per client address (issue 13.4)', () => {
  it('when one address sends 3 wrong keys, then the 4th attempt is 429 TOO_MANY_FAILED_KEYS with Retry-After, keyless ones too, while a valid key still gets through', async () => {
    const app = testApp({ access: ACCESS });
    for (let i = 0; i < 3; i++) expectProblem(await request(app).post('/quote').set('X-Api-Key', `fk_guess_${i}`).send(exampleBody()), 401, 'API_KEY_INVALID');
    const limited = await request(app).post('/quote').set('X-Api-Key', 'fk_guess_3').set('Accept-Language', 'es').send(exampleBody());
    const problem = expectProblem(limited, 429, 'TOO_MANY_FAILED_KEYS');
    expect(problem.detail).toMatch(/^Esta dirección envió más de 3 solicitudes por minuto sin una clave válida/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expectProblem(await request(app).get('/quotes/q_x'), 429, 'TOO_MANY_FAILED_KEYS');
    expect((await request(app).post('/quote').set('X-Api-Key', KEY).send(exampleBody())).status).toBe(200);
  });

  it('when a valid key is used many times, then none of it counts towards the failed-key limit', async () => {
    const app = testApp({ access: ACCESS });
    for (let i = 0; i < 5; i++) expect((await request(app).get('/quotes/q_missing').set('X-Api-Key', KEY)).status).toBe(404);
    expectProblem(await request(app).get('/quotes/q_missing').set('X-Api-Key', 'fk_wrong'), 401, 'API_KEY_INVALID');
  });
});
