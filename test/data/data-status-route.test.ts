import request from 'supertest';
import { DataStore } from '../../src/data/data-store';
import { dataStatusSchema } from '../../src/http/data-status-schema';
import { RATES } from '../helpers/engine-fixtures';
import { testApp } from '../helpers/http-fixtures';
import { captureLogger, tinyFolders } from './tiny-data';

describe('GET /data/status', () => {
  it('when the app has a data store, then it lists every file and the rates in use, uncached', async () => {
    const folders = tinyFolders();
    try {
      const store = DataStore.open({ tariffsDir: folders.tariffsDir, carriersDir: folders.carriersDir, rates: RATES, logger: captureLogger().logger, clock: () => new Date('2026-12-02T10:00:00Z') });
      folders.write('tariffs/US.json', '{"country": "US",');
      store.reload('tariff', 'US.json');
      const res = await request(testApp({ dataStatus: () => store.status() })).get('/data/status');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.files.map((f: { file: string; result: string }) => `${f.file} ${f.result}`)).toEqual(['carriers/tiny-courier.json loaded', 'tariffs/US.json rejected']);
      // `{"country": "US",` is 17 characters: after the comma, at column 18, a property name was expected.
      expect(res.body.files[1].rejected.errors).toEqual([
        { file: 'tariffs/US.json', line: 1, column: 18, path: '(syntax)', message: 'expected a property name in double quotes (a trailing comma before "}"?)', severity: 'error' },
      ]);
      expect(res.body.exchangeRates).toEqual({ asOf: '2026-11-20', source: 'test rates' });
      // The answer matches the schema the OpenAPI document publishes.
      expect(dataStatusSchema.safeParse(res.body).success).toBe(true);
    } finally {
      folders.cleanup();
    }
  });

  it('when the app has no data store (tests, embedding), then the route does not exist', async () => {
    const res = await request(testApp()).get('/data/status');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
